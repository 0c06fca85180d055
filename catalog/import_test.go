package catalog

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

func TestImportFixtureHasBOMAndCRLF(t *testing.T) {
	for _, name := range []string{"commercants.csv", "produits.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		if !bytes.HasPrefix(data, utf8BOM) {
			t.Errorf("%s does not start with a UTF-8 byte order mark", name)
		}
		if !bytes.Contains(data, []byte("\r\n")) {
			t.Errorf("%s has no CRLF line end", name)
		}
	}
}

func TestImportReportCounts(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	report := mustImport(t, db, "commercants.csv", "produits.csv")

	want := ImportReport{MerchantsCreated: 5, ProductsCreated: 6}
	if report != want {
		t.Errorf("report = %+v, want %+v", report, want)
	}
	if n := countRows(t, db, "merchants"); n != 5 {
		t.Errorf("merchants = %d, want 5", n)
	}
	if n := countRows(t, db, "products"); n != 6 {
		t.Errorf("products = %d, want 6", n)
	}
}

func TestImportMerchantFields(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "produits.csv")

	m1 := merchantByRef(t, db, "m1")
	if m1.Name != "Primeur Un" {
		t.Errorf("m1 name = %q", m1.Name)
	}
	if m1.Category != "primeur" {
		t.Errorf("m1 category = %q", m1.Category)
	}
	if m1.Phone != "+33600000201" {
		t.Errorf("m1 phone = %q, want +33600000201", m1.Phone)
	}
	if !m1.Drive || !m1.Delivery {
		t.Errorf("m1 drive, delivery = %v, %v, want true, true", m1.Drive, m1.Delivery)
	}
	if m1.DeliveryFeeCents != 300 {
		t.Errorf("m1 delivery fee = %d cents, want 300 (\"3,00 €\" in the last column of a CRLF line)", m1.DeliveryFeeCents)
	}
	if m1.Latitude == nil || *m1.Latitude != 43.529 {
		t.Errorf("m1 latitude = %v, want 43.529", m1.Latitude)
	}
	if m1.Longitude == nil || *m1.Longitude != 5.447 {
		t.Errorf("m1 longitude = %v, want 5.447", m1.Longitude)
	}

	m2 := merchantByRef(t, db, "m2")
	if m2.Address != "2 rue Haute; bâtiment B" {
		t.Errorf("m2 address = %q, want the quoted field with its semicolon", m2.Address)
	}
	if !m2.Drive || m2.Delivery {
		t.Errorf("m2 drive, delivery = %v, %v, want true, false (O, n)", m2.Drive, m2.Delivery)
	}
	if m2.DeliveryFeeCents != 0 {
		t.Errorf("m2 delivery fee = %d cents, want 0 for an empty value", m2.DeliveryFeeCents)
	}

	m3 := merchantByRef(t, db, "m3")
	if m3.Phone != "+33600000203" {
		t.Errorf("m3 phone = %q, want +33600000203", m3.Phone)
	}
	if m3.Drive || !m3.Delivery {
		t.Errorf("m3 drive, delivery = %v, %v, want false, true (Non, 1)", m3.Drive, m3.Delivery)
	}
	if m3.DeliveryFeeCents != 250 {
		t.Errorf("m3 delivery fee = %d cents, want 250 (\"2.5\")", m3.DeliveryFeeCents)
	}
	if m3.Latitude != nil || m3.Longitude != nil {
		t.Errorf("m3 coordinates = %v, %v, want none", m3.Latitude, m3.Longitude)
	}

	m4 := merchantByRef(t, db, "m4")
	if !m4.Drive || m4.Delivery {
		t.Errorf("m4 drive, delivery = %v, %v, want true, false (VRAI, FAUX)", m4.Drive, m4.Delivery)
	}
}

func TestImportAixIsOneCommune(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "produits.csv")

	m1, m2 := merchantByRef(t, db, "m1"), merchantByRef(t, db, "m2")
	if m1.CommuneID != m2.CommuneID {
		t.Errorf("m1 (13100) and m2 (13090) communes = %d, %d, want the same", m1.CommuneID, m2.CommuneID)
	}
	if m1.CommuneName != "Aix-en-Provence" {
		t.Errorf("Aix commune name = %q, want the first spelling, Aix-en-Provence", m1.CommuneName)
	}
	if n := countRows(t, db, "communes"); n != 4 {
		t.Errorf("communes = %d, want 4 (Aix-en-Provence, Cassis, Nice, Ajaccio)", n)
	}

	communes, err := FindCommunes(context.Background(), db, "13090")
	if err != nil {
		t.Fatalf("find communes 13090: %v", err)
	}
	if len(communes) != 1 || communes[0].ID != m1.CommuneID {
		t.Errorf("communes of 13090 = %+v, want only Aix-en-Provence", communes)
	}
	if len(communes) == 1 && communes[0].PostalCode != "13090" {
		t.Errorf("smallest postal code of Aix = %q, want 13090", communes[0].PostalCode)
	}
}

func TestImportPostalCodes(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "produits.csv")

	rows, err := db.Query(context.Background(), `SELECT p.postal_code, c.name, c.departement
		FROM commune_postal_codes p JOIN communes c ON c.id = p.commune_id ORDER BY p.postal_code`)
	if err != nil {
		t.Fatalf("list postal codes: %v", err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var code, name, departement string
		if err := rows.Scan(&code, &name, &departement); err != nil {
			t.Fatalf("scan postal code: %v", err)
		}
		got = append(got, code+" "+name+" "+departement)
	}
	want := []string{
		"06000 Nice 06",
		"13090 Aix-en-Provence 13",
		"13100 Aix-en-Provence 13",
		"13260 Cassis 13",
		"20000 Ajaccio 2A",
	}
	if len(got) != len(want) {
		t.Fatalf("postal codes = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("postal code %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestImportCommuneCoordinates(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "produits.csv")
	ctx := context.Background()

	var lat, lon *float64
	err := db.QueryRow(ctx, `SELECT latitude, longitude FROM communes WHERE name_folded = 'aix en provence'`).Scan(&lat, &lon)
	if err != nil {
		t.Fatalf("get Aix: %v", err)
	}
	if lat == nil || *lat != 43.529 || lon == nil || *lon != 5.447 {
		t.Errorf("Aix coordinates = %v, %v, want the first merchant's 43.529, 5.447", lat, lon)
	}

	err = db.QueryRow(ctx, `SELECT latitude, longitude FROM communes WHERE name_folded = 'cassis'`).Scan(&lat, &lon)
	if err != nil {
		t.Fatalf("get Cassis: %v", err)
	}
	if lat != nil || lon != nil {
		t.Errorf("Cassis coordinates = %v, %v, want none, as its only merchant has none", lat, lon)
	}
}

func TestImportProductPricesAndStocks(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "produits.csv")

	cases := []struct {
		merchant, ref, name string
		priceCents          int64
		unit                string
		stock               Quantity
	}{
		{"m1", "tomates", "Tomates", 350, "kg", 12500},
		{"m1", "melon", "Melon", 350, "pièce", 4000},
		{"m2", "pain", `Pain "maison"`, 130, "pièce", 0},
		{"m3", "miel", "Miel", 1200, "pot", 1000},
		{"m4", "huile", "Huile", 123450, "l", 250},
		{"m5", "fromage", "Fromage", 2800, "kg", 125},
	}
	for _, c := range cases {
		p := productByRef(t, db, c.merchant, c.ref)
		if p.Name != c.name {
			t.Errorf("%s/%s name = %q, want %q", c.merchant, c.ref, p.Name, c.name)
		}
		if p.PriceCents != c.priceCents {
			t.Errorf("%s/%s price = %d cents, want %d", c.merchant, c.ref, p.PriceCents, c.priceCents)
		}
		if p.Unit != c.unit {
			t.Errorf("%s/%s unit = %q, want %q", c.merchant, c.ref, p.Unit, c.unit)
		}
		if p.Stock != c.stock {
			t.Errorf("%s/%s stock = %d thousandths, want %d", c.merchant, c.ref, p.Stock, c.stock)
		}
	}
}

func TestImportAgainUpdatesByRef(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "produits.csv")
	m1Before, m2Before := merchantByRef(t, db, "m1"), merchantByRef(t, db, "m2")
	tomatoesBefore := productByRef(t, db, "m1", "tomates")
	breadBefore := productByRef(t, db, "m2", "pain")

	report := mustImport(t, db, "commercants_maj.csv", "produits_maj.csv")

	want := ImportReport{MerchantsCreated: 1, MerchantsUpdated: 1, ProductsCreated: 1, ProductsUpdated: 2}
	if report != want {
		t.Errorf("report = %+v, want %+v", report, want)
	}
	m1 := merchantByRef(t, db, "m1")
	if m1.ID != m1Before.ID {
		t.Errorf("m1 id = %d after update, want %d", m1.ID, m1Before.ID)
	}
	if m1.Name != "Primeur Un Renommé" || m1.Phone != "+33600000211" || m1.Drive || m1.DeliveryFeeCents != 450 {
		t.Errorf("m1 after update = %+v, want the new name, phone, drive and fee", m1)
	}
	m2 := merchantByRef(t, db, "m2")
	if m2.Name != m2Before.Name || m2.Phone != m2Before.Phone || m2.Address != m2Before.Address {
		t.Errorf("m2, absent from the update, = %+v, want unchanged %+v", m2, m2Before)
	}

	tomatoes := productByRef(t, db, "m1", "tomates")
	if tomatoes.ID != tomatoesBefore.ID {
		t.Errorf("tomatoes id = %d after update, want %d", tomatoes.ID, tomatoesBefore.ID)
	}
	if tomatoes.Name != "Tomates anciennes" || tomatoes.PriceCents != 390 || tomatoes.Stock != 0 {
		t.Errorf("tomatoes after update = %+v, want Tomates anciennes, 390 cents, stock 0", tomatoes)
	}
	bread := productByRef(t, db, "m2", "pain")
	if bread.ID != breadBefore.ID {
		t.Errorf("bread id = %d after update, want %d", bread.ID, breadBefore.ID)
	}
	if bread.PriceCents != 140 || bread.Stock != 30000 {
		t.Errorf("bread after update = %+v, want 140 cents, stock 30000", bread)
	}

	if n := countRows(t, db, "merchants"); n != 6 {
		t.Errorf("merchants = %d, want 6", n)
	}
	if n := countRows(t, db, "products"); n != 7 {
		t.Errorf("products = %d, want 7", n)
	}
	if n := countRows(t, db, "communes"); n != 4 {
		t.Errorf("communes = %d, want 4", n)
	}
}

func TestImportHeaderOnly(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	report := mustImport(t, db, "commercants_entete.csv", "produits_entete.csv")

	if report != (ImportReport{}) {
		t.Errorf("report = %+v, want zero", report)
	}
	assertNothingWritten(t, db)
}

func TestImportProductsAlone(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "")

	report := mustImport(t, db, "", "produits.csv")

	if report != (ImportReport{ProductsCreated: 6}) {
		t.Errorf("report = %+v, want 6 products created", report)
	}
}
