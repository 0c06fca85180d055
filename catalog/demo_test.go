package catalog

import (
	"context"
	"math"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

func TestLoadDemoTwice(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	ctx := context.Background()

	first, err := LoadDemo(ctx, db)
	if err != nil {
		t.Fatalf("first LoadDemo: %v", err)
	}
	counts := map[string]int{}
	for _, table := range []string{"communes", "commune_postal_codes", "merchants", "products"} {
		counts[table] = countRows(t, db, table)
	}

	second, err := LoadDemo(ctx, db)
	if err != nil {
		t.Fatalf("second LoadDemo: %v", err)
	}
	for table, n := range counts {
		if got := countRows(t, db, table); got != n {
			t.Errorf("%s = %d after the second load, want %d", table, got, n)
		}
	}
	if first.MerchantsUpdated != 0 || first.ProductsUpdated != 0 {
		t.Errorf("first report = %+v, want only creations", first)
	}
	want := ImportReport{MerchantsUpdated: first.MerchantsCreated, ProductsUpdated: first.ProductsCreated}
	if second != want {
		t.Errorf("second report = %+v, want %+v", second, want)
	}
}

func TestLoadDemoCommunes(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	if _, err := LoadDemo(context.Background(), db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}

	if n := countRows(t, db, "communes"); n != 2 {
		t.Errorf("communes = %d, want 2 (Aix-en-Provence, Cassis)", n)
	}
	for _, code := range []string{"13090", "13100", "13260"} {
		communes, err := FindCommunes(context.Background(), db, code)
		if err != nil {
			t.Fatalf("find communes %s: %v", code, err)
		}
		if len(communes) != 1 {
			t.Errorf("communes of %s = %+v, want one", code, communes)
		}
	}
}

func TestLoadDemoMerchants(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	if _, err := LoadDemo(context.Background(), db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	merchants := demoMerchants(t, db)

	if len(merchants) < 7 {
		t.Fatalf("demo merchants = %d, want at least 7", len(merchants))
	}
	wantPhones := map[string]bool{}
	for _, p := range []string{"+33600000101", "+33600000102", "+33600000103", "+33600000104",
		"+33600000105", "+33600000106", "+33600000107"} {
		wantPhones[p] = true
	}
	for _, m := range merchants {
		if !wantPhones[m.Phone] {
			t.Errorf("%s phone = %s, want one of +33600000101 to +33600000107", m.Ref, m.Phone)
		}
		if m.Delivery && m.DeliveryFeeCents != 300 {
			t.Errorf("%s delivers for %d cents, want 300", m.Ref, m.DeliveryFeeCents)
		}
		if !m.Delivery && m.DeliveryFeeCents != 0 {
			t.Errorf("%s does not deliver but has a fee of %d cents", m.Ref, m.DeliveryFeeCents)
		}
	}
}

func TestLoadDemoCategories(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	if _, err := LoadDemo(context.Background(), db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	categories := map[string]bool{}
	for _, m := range demoMerchants(t, db) {
		categories[m.Category] = true
	}

	for _, c := range []string{"primeur", "boulangerie", "fromagerie", "apiculteur", "maraîcher", "caviste", "boucherie"} {
		if !categories[c] {
			t.Errorf("no demo merchant has the category %q", c)
		}
	}
}

func TestLoadDemoFulfilmentMix(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	if _, err := LoadDemo(context.Background(), db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	var driveOnly, deliveryOnly, both int
	for _, m := range demoMerchants(t, db) {
		switch {
		case m.Drive && m.Delivery:
			both++
		case m.Drive:
			driveOnly++
		default:
			deliveryOnly++
		}
	}

	if driveOnly == 0 {
		t.Error("no demo merchant is drive-only")
	}
	if deliveryOnly == 0 {
		t.Error("no demo merchant is delivery-only")
	}
	if both == 0 {
		t.Error("no demo merchant offers both drive and delivery")
	}
}

func TestLoadDemoCoordinatesNearCommune(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	if _, err := LoadDemo(context.Background(), db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	centres := map[string][2]float64{"Aix-en-Provence": {43.529, 5.447}, "Cassis": {43.214, 5.538}}
	seen := map[[2]float64]string{}

	for _, m := range demoMerchants(t, db) {
		centre, ok := centres[m.CommuneName]
		if !ok {
			t.Errorf("%s commune = %q, want Aix-en-Provence or Cassis", m.Ref, m.CommuneName)
			continue
		}
		if m.Latitude == nil || m.Longitude == nil {
			t.Errorf("%s has no coordinates", m.Ref)
			continue
		}
		if math.Abs(*m.Latitude-centre[0]) > 0.05 || math.Abs(*m.Longitude-centre[1]) > 0.05 {
			t.Errorf("%s coordinates = %v, %v, want within 0.05° of %v", m.Ref, *m.Latitude, *m.Longitude, centre)
		}
		point := [2]float64{*m.Latitude, *m.Longitude}
		if other, dup := seen[point]; dup {
			t.Errorf("%s and %s have the same coordinates", m.Ref, other)
		}
		seen[point] = m.Ref
	}
}

func TestLoadDemoProductsPerMerchant(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	if _, err := LoadDemo(context.Background(), db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}

	for _, m := range demoMerchants(t, db) {
		products, err := Products(context.Background(), db, m.ID)
		if err != nil {
			t.Fatalf("list products of %s: %v", m.Ref, err)
		}
		if len(products) < 8 {
			t.Errorf("%s has %d products, want at least 8", m.Ref, len(products))
		}
	}
}

func TestLoadDemoStocks(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	if _, err := LoadDemo(context.Background(), db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	var outOfStock, lastOne, weighedFraction int
	for _, m := range demoMerchants(t, db) {
		products, err := AllProducts(context.Background(), db, m.ID)
		if err != nil {
			t.Fatalf("list products of %s: %v", m.Ref, err)
		}
		for _, p := range products {
			switch {
			case p.Stock == 0:
				outOfStock++
			case p.Stock == One:
				lastOne++
			case p.Weighed() && !p.Stock.IsWhole():
				weighedFraction++
			}
		}
	}

	if outOfStock == 0 {
		t.Error("no demo product is out of stock")
	}
	if lastOne == 0 {
		t.Error("no demo product has a stock of 1")
	}
	if weighedFraction == 0 {
		t.Error("no weighed demo product has a decimal stock")
	}
}

func TestLoadDemoRestoresStock(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	ctx := context.Background()
	if _, err := LoadDemo(ctx, db); err != nil {
		t.Fatalf("LoadDemo: %v", err)
	}
	tomatoes := productByRef(t, db, "primeurs-fontaine", "tomates-coeur-de-boeuf")
	if taken, _, err := TakeStock(ctx, db, tomatoes.ID, 2*One); err != nil || !taken {
		t.Fatalf("take 2 kg of tomatoes: taken %v, %v", taken, err)
	}

	if _, err := LoadDemo(ctx, db); err != nil {
		t.Fatalf("LoadDemo again: %v", err)
	}

	if got := productByRef(t, db, "primeurs-fontaine", "tomates-coeur-de-boeuf"); got.Stock != tomatoes.Stock {
		t.Errorf("tomato stock = %d after reloading, want %d", got.Stock, tomatoes.Stock)
	}
}

// demoMerchants returns every merchant of the database, by ref.
func demoMerchants(t *testing.T, db *pgxpool.Pool) []Merchant {
	t.Helper()
	ctx := context.Background()
	rows, err := db.Query(ctx, `SELECT id FROM merchants ORDER BY ref`)
	if err != nil {
		t.Fatalf("list merchants: %v", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatalf("list merchants: %v", err)
	}
	merchants := make([]Merchant, 0, len(ids))
	for _, id := range ids {
		m, err := GetMerchant(ctx, db, id)
		if err != nil {
			t.Fatalf("get merchant %d: %v", id, err)
		}
		merchants = append(merchants, m)
	}
	return merchants
}
