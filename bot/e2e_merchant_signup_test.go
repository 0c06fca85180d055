package bot_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/shop"
)

func TestSMSMerchantSignupToApproval(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))

	answers := []string{"INSCRIPTION", "Ferme des Calanques", "maraîcher", "Cassis", "3",
		"Cassis, Aix-en-Provence", "3 20", "mar-sam 8h-19h"}
	for _, a := range answers {
		rig.exchange(newShopPhone, a, 1)
	}
	recap := rig.exchange(newShopPhone, "1", 1)[0].Body
	if recap != smsText(t, "SignupAskName") {
		t.Errorf("answer to 1 = %q, want the name asked again", recap)
	}
	recap = rig.exchange(newShopPhone, "Ferme du Cap Canaille", 1)[0].Body
	mustContain(t, "recap", recap, "1 Nom : Ferme du Cap Canaille", "3 Commune : Cassis", "frais 3,00 EUR",
		"min. 20,00 EUR", "6 Horaires : mar-sam 8h-19h", "OUI")

	sent := rig.exchange(newShopPhone, "OUI", 1)[0].Body
	mustContain(t, "sign-up confirmation", sent, "Ferme du Cap Canaille")
	pending, err := shop.List(t.Context(), db, catalog.MerchantPending)
	if err != nil || len(pending) != 1 {
		t.Fatalf("pending merchants = %+v, %v, want the new shop", pending, err)
	}
	ref := pending[0].Ref
	if pending[0].Phone != newShopPhone || !pending[0].Drive || pending[0].OpeningHours != "mar-sam 8h-19h" {
		t.Errorf("pending merchant = %+v, want phone %s, drive, hours mar-sam 8h-19h", pending[0], newShopPhone)
	}
	if n := count(t, db, `SELECT count(*) FROM merchant_delivery_areas a JOIN merchants m ON m.id = a.merchant_id
		WHERE m.ref = $1 AND a.fee_cents = 300 AND a.min_order_cents = 2000`, ref); n != 2 {
		t.Errorf("delivery areas = %d, want Cassis and Aix-en-Provence", n)
	}

	// A pending shop prepares its catalog but is not listed to customers.
	added := rig.exchange(newShopPhone, "AJOUT tomates 3,50 kg 20", 1)[0].Body
	mustContain(t, "AJOUT confirmation", added, "tomates", "3,50 EUR/kg", "20 kg")
	shops := rig.exchange(customerPhone, "Cassis", 1)[0].Body
	if strings.Contains(shops, "Cap Canaille") {
		t.Errorf("customers see the pending shop:\n%s", shops)
	}

	m, err := bot.ApproveShop(t.Context(), db, newRenderer(), ref)
	if err != nil {
		t.Fatalf("approve %s: %v", ref, err)
	}
	approved := rig.drain()
	if len(approved) != 1 || approved[0].To != newShopPhone {
		t.Fatalf("SMS after approval = %+v, want one to %s", approved, newShopPhone)
	}
	if want := smsText(t, "SignupApproved", "Shop", m.Name); approved[0].Body != want {
		t.Errorf("approval SMS = %q, want %q", approved[0].Body, want)
	}
	if _, err := bot.ApproveShop(t.Context(), db, newRenderer(), ref); !errors.Is(err, shop.ErrNotPending) {
		t.Errorf("second approval error = %v, want ErrNotPending", err)
	}
	shops = rig.exchange(customerPhone, "Cassis", 1)[0].Body
	mustContain(t, "Cassis list after approval", shops, "Ferme du Cap Canaille")
}

func TestSMSMerchantSignupRejected(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	for _, a := range []string{"INSCRIPTION", "Chez Paul", "traiteur", "13260", "1", "8h-20h", "OUI"} {
		rig.exchange(newShopPhone, a, 1)
	}
	pending, err := shop.List(t.Context(), db, catalog.MerchantPending)
	if err != nil || len(pending) != 1 {
		t.Fatalf("pending merchants = %+v, %v", pending, err)
	}

	if _, err := bot.RejectShop(t.Context(), db, newRenderer(), pending[0].Ref, "adresse introuvable"); err != nil {
		t.Fatalf("reject: %v", err)
	}
	news := rig.drain()
	if len(news) != 1 {
		t.Fatalf("SMS after rejection = %+v, want 1", news)
	}
	mustContain(t, "rejection SMS", news[0].Body, "adresse introuvable", "INSCRIPTION")

	// A rejected phone is a customer again, and may sign up again.
	again := rig.exchange(newShopPhone, "INSCRIPTION", 1)[0].Body
	if again != smsText(t, "SignupStart") {
		t.Errorf("INSCRIPTION after rejection = %q, want the sign-up started", again)
	}
}
