package bot_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/catalog"
)

func TestSMSMerchantCatalogCommands(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	merchantSays := func(body string) string {
		t.Helper()
		return rig.exchange(boulangeriePhone, body, 1)[0].Body
	}
	customerSees := func() string {
		t.Helper()
		shops := rig.exchange(customerPhone, "Cassis", 1)[0].Body
		var all []string
		page := rig.exchange(customerPhone, listNumber(t, shops, "Boulangerie du Port"), 1)[0].Body
		for i := 0; i < 6; i++ {
			all = append(all, page)
			if !strings.Contains(page, "SUITE") {
				break
			}
			page = rig.exchange(customerPhone, "SUITE", 1)[0].Body
		}
		return strings.Join(all, "\n")
	}

	added := merchantSays("AJOUT Fougasse aux lardons 4,20 pièce 6")
	if want := smsText(t, "ProductAdded", "N", 10, "Name", "Fougasse aux lardons",
		"Price", unitPrice(420, "pièce"), "Amount", amount(6, "pièce")); added != want {
		t.Errorf("AJOUT reply = %q, want %q", added, want)
	}
	if got := stock(t, db, "fougasse-aux-lardons"); got != 6*catalog.One {
		t.Errorf("new product stock = %d, want 6000", got)
	}
	if reply := merchantSays("AJOUT fougasse aux lardons 5 pièce 2"); reply != smsText(t, "ProductExists", "Name", "Fougasse aux lardons") {
		t.Errorf("second AJOUT reply = %q", reply)
	}
	if reply := merchantSays("AJOUT fougasse 4,20"); reply != smsText(t, "AddProductHint") {
		t.Errorf("malformed AJOUT reply = %q, want the expected form", reply)
	}

	mustContain(t, "PRIX reply", merchantSays("PRIX croissant 1,25"), "Croissant au beurre", "1,25 EUR")
	if got := priceOf(t, db, "croissant"); got != 125 {
		t.Errorf("croissant price = %d, want 125", got)
	}
	if reply := merchantSays("PRIX croissant"); reply != smsText(t, "SetPriceHint") {
		t.Errorf("PRIX without price = %q", reply)
	}
	if reply := merchantSays("PRIX pain 2"); !strings.Contains(reply, "pain") || !strings.Contains(reply, "LISTE") {
		t.Errorf("ambiguous PRIX = %q, want a question about the products matching", reply)
	}

	mustContain(t, "STOCK reply", merchantSays("STOCK croissant 15"), "Croissant au beurre", "15")
	if got := stock(t, db, "croissant"); got != 15*catalog.One {
		t.Errorf("croissant stock = %d, want 15000", got)
	}
	chouquettes := strconv.Itoa(productNumberAll(t, db, "chouquettes"))
	mustContain(t, "STOCK by number reply", merchantSays("STOCK "+chouquettes+" 12"), "Chouquettes", "12")
	if got := stock(t, db, "chouquettes"); got != 12*catalog.One {
		t.Errorf("chouquettes stock = %d, want 12000", got)
	}

	mustContain(t, "RUPTURE reply", merchantSays("RUPTURE croissant"), "Croissant au beurre")
	if got := stock(t, db, "croissant"); got != 0 {
		t.Errorf("croissant stock after RUPTURE = %d, want 0", got)
	}
	if catalogText := customerSees(); strings.Contains(catalogText, "Croissant") || strings.Contains(catalogText, "Tarte") {
		t.Errorf("customers see products out of stock:\n%s", catalogText)
	}
	mustContain(t, "restock reply", merchantSays("STOCK croissant 10"), "Croissant au beurre", "10")
	mustContain(t, "customer catalog after restock", customerSees(), "Croissant au beurre")

	list := merchantSays("LISTE")
	mustContain(t, "LISTE", list, "1 Baguette tradition 1,30 EUR", "(1/4)", "SUITE")
	mustContain(t, "LISTE page 3", merchantSays("SUITE")+merchantSays("SUITE"), "Tarte trop", "rupture")
	if got := merchantSays("STOCK 99 1"); got != smsText(t, "NoProductNumber", "N", 99, "Max", 10) {
		t.Errorf("STOCK 99 = %q", got)
	}
	if got := merchantSays("n'importe quoi"); got != smsText(t, "MerchantHint", "Shop", "Boulangerie du Port") {
		t.Errorf("unknown command = %q", got)
	}
}

// priceOf returns the price in cents of the demo product.
func priceOf(t *testing.T, db *pgxpool.Pool, ref string) int64 {
	t.Helper()
	var cents int64
	if err := db.QueryRow(t.Context(), `SELECT price_cents FROM products WHERE ref = $1`, ref).Scan(&cents); err != nil {
		t.Fatalf("price of %s: %v", ref, err)
	}
	return cents
}

// productNumberAll returns the number that the merchant's LISTE gives to
// the product: its rank among all the merchant's products.
func productNumberAll(t *testing.T, db *pgxpool.Pool, ref string) int {
	t.Helper()
	var n int
	err := db.QueryRow(t.Context(), `SELECT rank FROM (
			SELECT ref, row_number() OVER (PARTITION BY merchant_id ORDER BY id) AS rank FROM products) p
		WHERE ref = $1`, ref).Scan(&n)
	if err != nil {
		t.Fatalf("number of %s: %v", ref, err)
	}
	return n
}
