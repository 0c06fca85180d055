package catalog

import (
	"context"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// nearbyMerchants are merchants around Cassis: in Cassis, in other communes
// of the Aix-Marseille-Provence metropolis (Marseille, Aix-en-Provence,
// Aubagne), elsewhere in the Bouches-du-Rhône (Arles, Saint-Rémy-de-Provence,
// of other EPCIs) and in the Var (Toulon).
var nearbyMerchants = []string{
	"ref;nom;categorie;telephone;commune;code_postal;adresse;latitude;longitude;drive;livraison",
	"alpha;Alpha Cassis;primeur;06 00 00 03 01;Cassis;13260;;43,2500;5,6000;oui;non",
	"zeta;Zeta Cassis;primeur;06 00 00 03 02;Cassis;13260;;43,2145;5,5390;oui;non",
	"marseille;Marseille Shop;primeur;06 00 00 03 03;Marseille;13008;;;;oui;non",
	"aix;Aix Shop;primeur;06 00 00 03 04;Aix-en-Provence;13100;;43,5300;5,4500;oui;non",
	"aubagne-b;Aubagne B;primeur;06 00 00 03 05;Aubagne;13400;;;;oui;non",
	"aubagne-a;Aubagne A;primeur;06 00 00 03 06;Aubagne;13400;;;;oui;non",
	"arles;Arles Shop;primeur;06 00 00 03 07;Arles;13200;;;;oui;non",
	"remy;Saint-Rémy Shop;primeur;06 00 00 03 08;St Remy de Provence;13210;;;;oui;non",
	"toulon;Toulon Shop;primeur;06 00 00 03 09;Toulon;83000;;43,1242;5,9280;oui;non",
}

// nearbyDB returns the test database with the reference communes,
// nearbyMerchants, and the centres of Cassis, Marseille, Aix-en-Provence
// and Arles. Aubagne and Saint-Rémy-de-Provence have no centre.
func nearbyDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	db := communesDB(t)
	centres := map[string][2]float64{
		"13022": {43.2142, 5.5396}, "13055": {43.2965, 5.3698},
		"13001": {43.5297, 5.4474}, "13004": {43.6766, 4.6278},
	}
	for insee, centre := range centres {
		_, err := db.Exec(context.Background(), `UPDATE communes SET latitude = $2, longitude = $3
			WHERE insee = $1`, insee, centre[0], centre[1])
		if err != nil {
			t.Fatalf("set centre of %s: %v", insee, err)
		}
	}
	_, err := Import(context.Background(), db, csvFile("proches.csv", nearbyMerchants...), nil)
	if err != nil {
		t.Fatalf("import merchants: %v", err)
	}
	return db
}

// merchantNames returns the names of the merchants, in order.
func merchantNames(merchants []Merchant) []string {
	names := make([]string, len(merchants))
	for i, m := range merchants {
		names[i] = m.Name
	}
	return names
}

func TestNearbyMerchantsImportedIntoReference(t *testing.T) {
	db := nearbyDB(t)
	for ref, insee := range map[string]string{"zeta": "13022", "marseille": "13055", "remy": "13100", "toulon": "83137"} {
		if m, c := merchantByRef(t, db, ref), communeByInsee(t, db, insee); m.CommuneID != c.ID {
			t.Errorf("merchant %s commune = %q (%d), want %s (%d)", ref, m.CommuneName, m.CommuneID, insee, c.ID)
		}
	}
	if n := countRows(t, db, "communes"); n != 34969 {
		t.Errorf("communes = %d, want 34969: no commune created", n)
	}
}

func TestNearbyMerchantsOrder(t *testing.T) {
	db := nearbyDB(t)
	cassis := communeByInsee(t, db, "13022")

	merchants, err := MerchantsNearCommune(context.Background(), db, cassis.ID, 20)
	if err != nil {
		t.Fatalf("MerchantsNearCommune: %v", err)
	}
	want := []string{
		"Zeta Cassis", "Alpha Cassis", // the commune, nearest first
		"Marseille Shop", "Aix Shop", "Aubagne A", "Aubagne B", // the EPCI, unlocated last
		"Arles Shop", "Saint-Rémy Shop", // the département
	}
	if got := merchantNames(merchants); !slices.Equal(got, want) {
		t.Errorf("merchants near Cassis = %q, want %q", got, want)
	}
}

func TestNearbyMerchantsLimit(t *testing.T) {
	db := nearbyDB(t)
	cassis := communeByInsee(t, db, "13022")

	merchants, err := MerchantsNearCommune(context.Background(), db, cassis.ID, 3)
	if err != nil {
		t.Fatalf("MerchantsNearCommune: %v", err)
	}
	want := []string{"Zeta Cassis", "Alpha Cassis", "Marseille Shop"}
	if got := merchantNames(merchants); !slices.Equal(got, want) {
		t.Errorf("first 3 merchants near Cassis = %q, want %q", got, want)
	}
}

func TestNearbyMerchantsWithoutCentre(t *testing.T) {
	db := nearbyDB(t)
	aubagne := communeByInsee(t, db, "13005")

	merchants, err := MerchantsNearCommune(context.Background(), db, aubagne.ID, 20)
	if err != nil {
		t.Fatalf("MerchantsNearCommune: %v", err)
	}
	want := []string{
		"Aubagne A", "Aubagne B",
		"Aix Shop", "Alpha Cassis", "Marseille Shop", "Zeta Cassis",
		"Arles Shop", "Saint-Rémy Shop",
	}
	if got := merchantNames(merchants); !slices.Equal(got, want) {
		t.Errorf("merchants near Aubagne = %q, want %q by name, Aubagne having no centre", got, want)
	}
}

func TestNearbyMerchantsOtherDepartement(t *testing.T) {
	db := nearbyDB(t)
	toulon := communeByInsee(t, db, "83137")

	merchants, err := MerchantsNearCommune(context.Background(), db, toulon.ID, 20)
	if err != nil {
		t.Fatalf("MerchantsNearCommune: %v", err)
	}
	if got := merchantNames(merchants); !slices.Equal(got, []string{"Toulon Shop"}) {
		t.Errorf("merchants near Toulon = %q, want only Toulon Shop", got)
	}
}
