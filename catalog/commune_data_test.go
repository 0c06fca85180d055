package catalog

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/catalog/communes"
	"github.com/drivelocal/drivelocal/postgres"
	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

func TestCommuneFileFoldsLikeFold(t *testing.T) {
	list, err := communes.All()
	if err != nil {
		t.Fatalf("read communes: %v", err)
	}
	for _, c := range list {
		if got := Fold(c.Name); got != c.NameFolded {
			t.Errorf("commune %s %q: Fold = %q, file has %q (rerun scripts/communes)", c.Insee, c.Name, got, c.NameFolded)
		}
	}
}

func TestCommuneOfficialNamesHaveNoAbbreviations(t *testing.T) {
	list, err := communes.All()
	if err != nil {
		t.Fatalf("read communes: %v", err)
	}
	for _, c := range list {
		if got := strings.Join(communeWords(c.Name), " "); got != c.NameFolded {
			t.Errorf("commune %s %q: expanded to %q, want it unchanged (%q)", c.Insee, c.Name, got, c.NameFolded)
		}
	}
}

func TestCommuneDataLoads(t *testing.T) {
	db := communesDB(t)

	if n := countRows(t, db, "communes"); n <= 34000 {
		t.Errorf("communes = %d, want more than 34000", n)
	}
	var withoutInsee int
	if err := db.QueryRow(context.Background(), "SELECT count(*) FROM communes WHERE insee IS NULL").Scan(&withoutInsee); err != nil {
		t.Fatalf("count communes without INSEE code: %v", err)
	}
	if withoutInsee != 0 {
		t.Errorf("communes without INSEE code = %d, want 0", withoutInsee)
	}
}

func TestCommuneDataCassis(t *testing.T) {
	db := communesDB(t)

	found, err := FindCommunes(context.Background(), db, "13260")
	if err != nil {
		t.Fatalf("find communes 13260: %v", err)
	}
	if len(found) != 1 {
		t.Fatalf("communes of 13260 = %+v, want Cassis only", found)
	}
	cassis := found[0]
	if cassis.Name != "Cassis" {
		t.Errorf("name = %q, want Cassis", cassis.Name)
	}
	if cassis.Insee != "13022" {
		t.Errorf("INSEE code = %q, want 13022", cassis.Insee)
	}
	if cassis.Departement != "13" {
		t.Errorf("département = %q, want 13", cassis.Departement)
	}
	if cassis.Population <= 0 {
		t.Errorf("population = %d, want it known", cassis.Population)
	}
}

func TestCommuneDataAixEnProvence(t *testing.T) {
	db := communesDB(t)
	aix := communeByInsee(t, db, "13001")

	if aix.Name != "Aix-en-Provence" {
		t.Errorf("name = %q, want Aix-en-Provence", aix.Name)
	}
	codes := postalCodesOf(t, db, aix.ID)
	if !slices.Contains(codes, "13090") {
		t.Errorf("postal codes = %v, want 13090 among them", codes)
	}
	if !slices.Contains(codes, "13100") {
		t.Errorf("postal codes = %v, want 13100 among them", codes)
	}
	if aix.PostalCode != "13080" {
		t.Errorf("smallest postal code = %q, want 13080", aix.PostalCode)
	}
	if aix.EpciName != "Métropole d'Aix-Marseille-Provence" {
		t.Errorf("EPCI name = %q, want Métropole d'Aix-Marseille-Provence", aix.EpciName)
	}
	if aix.EpciCode != "200054807" {
		t.Errorf("EPCI code = %q, want 200054807", aix.EpciCode)
	}
	if aix.Population < 100000 {
		t.Errorf("population = %d, want over 100000", aix.Population)
	}
}

func TestCommuneDataArrondissementCodes(t *testing.T) {
	db := communesDB(t)
	for code, insee := range map[string]string{"13008": "13055", "69003": "69123", "75116": "75056"} {
		found, err := FindCommunes(context.Background(), db, code)
		if err != nil {
			t.Fatalf("find communes %s: %v", code, err)
		}
		if got := inseeCodes(found); !slices.Equal(got, []string{insee}) {
			t.Errorf("communes of %s = %v, want the city %s", code, got, insee)
		}
	}
}

func TestCommuneDataLoadIsIdempotent(t *testing.T) {
	db := communesDB(t)
	before := countRows(t, db, "commune_postal_codes")

	loaded, err := postgres.LoadCommunes(context.Background(), db)
	if err != nil {
		t.Fatalf("load communes again: %v", err)
	}
	if loaded {
		t.Error("second load wrote the communes again, want it skipped for an unchanged checksum")
	}

	if _, err := db.Exec(context.Background(), "DELETE FROM reference_data"); err != nil {
		t.Fatalf("forget checksum: %v", err)
	}
	loaded, err = postgres.LoadCommunes(context.Background(), db)
	if err != nil {
		t.Fatalf("load communes over themselves: %v", err)
	}
	if !loaded {
		t.Error("load without checksum skipped, want it written")
	}
	if n := countRows(t, db, "communes"); n != 34969 {
		t.Errorf("communes after reloading = %d, want 34969 of the file", n)
	}
	if n := countRows(t, db, "commune_postal_codes"); n != before {
		t.Errorf("postal codes after reloading = %d, want %d as before", n, before)
	}
}

func TestCommuneDataMergesImportedCommunes(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "")

	if _, err := postgres.LoadCommunes(context.Background(), db); err != nil {
		t.Fatalf("load communes: %v", err)
	}

	if n := countRows(t, db, "communes"); n != 34969 {
		t.Errorf("communes = %d, want 34969: the imported ones merged into the reference", n)
	}
	for ref, insee := range map[string]string{"m1": "13001", "m2": "13001", "m3": "13022", "m4": "06088", "m5": "2A004"} {
		m := merchantByRef(t, db, ref)
		if c := communeByInsee(t, db, insee); m.CommuneID != c.ID {
			t.Errorf("merchant %s commune = %d (%s), want %d (%s)", ref, m.CommuneID, m.CommuneName, c.ID, insee)
		}
	}
	aix := communeByInsee(t, db, "13001")
	if aix.Latitude == nil || *aix.Latitude != 43.529 {
		t.Errorf("Aix latitude = %v, want 43.529 from the import, kept", aix.Latitude)
	}
}

func TestCommuneDataMergesDuplicates(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	ctx := context.Background()
	mustImport(t, db, "commercants.csv", "")
	duplicateID := insertDuplicateCassis(t, db)
	if _, err := db.Exec(ctx, `UPDATE communes SET latitude = 43.2, longitude = 5.5 WHERE id = $1`, duplicateID); err != nil {
		t.Fatalf("locate duplicate: %v", err)
	}
	if _, err := db.Exec(ctx, `INSERT INTO commune_postal_codes VALUES ('13999', $1)`, duplicateID); err != nil {
		t.Fatalf("add postal code to duplicate: %v", err)
	}
	if _, err := db.Exec(ctx, `UPDATE merchants SET commune_id = $1 WHERE ref = 'm3'`, duplicateID); err != nil {
		t.Fatalf("move merchant to duplicate: %v", err)
	}

	if _, err := postgres.LoadCommunes(ctx, db); err != nil {
		t.Fatalf("load communes: %v", err)
	}

	cassis := communeByInsee(t, db, "13022")
	if m3 := merchantByRef(t, db, "m3"); m3.CommuneID != cassis.ID {
		t.Errorf("merchant m3 commune = %d, want Cassis %d", m3.CommuneID, cassis.ID)
	}
	if _, err := GetCommune(ctx, db, duplicateID); err == nil {
		t.Errorf("duplicate commune %d still exists", duplicateID)
	}
	if codes := postalCodesOf(t, db, cassis.ID); !slices.Contains(codes, "13999") {
		t.Errorf("Cassis postal codes = %v, want 13999 moved from the duplicate", codes)
	}
	if cassis.Latitude == nil || *cassis.Latitude != 43.2 {
		t.Errorf("Cassis latitude = %v, want 43.2 moved from the duplicate", cassis.Latitude)
	}
	if n := countRows(t, db, "communes"); n != 34969 {
		t.Errorf("communes = %d, want 34969", n)
	}
}

// createCommuneReferences creates a table whose column commune_id
// references communes, with a primary key on (label, commune_id), as a
// table of another package could. It is dropped at the end of the test.
func createCommuneReferences(t *testing.T, db *pgxpool.Pool) {
	t.Helper()
	ctx := context.Background()
	_, err := db.Exec(ctx, `CREATE TABLE test_commune_references (
		label text NOT NULL, commune_id bigint NOT NULL REFERENCES communes (id),
		PRIMARY KEY (label, commune_id))`)
	if err != nil {
		t.Fatalf("create test_commune_references: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(ctx, `DROP TABLE test_commune_references`); err != nil {
			t.Errorf("drop test_commune_references: %v", err)
		}
	})
}

// insertDuplicateCassis inserts a second Cassis, filed in the Var with
// Cassis's postal code, as an older import could have left it, and returns
// its id. The commune imported from commercants.csv is the first.
func insertDuplicateCassis(t *testing.T, db *pgxpool.Pool) int64 {
	t.Helper()
	var id int64
	err := db.QueryRow(context.Background(), `INSERT INTO communes (name, name_folded, departement)
		VALUES ('CASSIS', 'cassis', '83') RETURNING id`).Scan(&id)
	if err != nil {
		t.Fatalf("insert duplicate: %v", err)
	}
	if _, err := db.Exec(context.Background(), `INSERT INTO commune_postal_codes VALUES ('13260', $1)`, id); err != nil {
		t.Fatalf("add postal code to duplicate: %v", err)
	}
	return id
}

func TestCommuneDataRepointsOtherTables(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	ctx := context.Background()
	mustImport(t, db, "commercants.csv", "")
	createCommuneReferences(t, db)
	duplicateID := insertDuplicateCassis(t, db)
	if _, err := db.Exec(ctx, `INSERT INTO test_commune_references VALUES ('x', $1)`, duplicateID); err != nil {
		t.Fatalf("reference duplicate: %v", err)
	}

	if _, err := postgres.LoadCommunes(ctx, db); err != nil {
		t.Fatalf("load communes: %v", err)
	}

	cassis := communeByInsee(t, db, "13022")
	var referenced int64
	if err := db.QueryRow(ctx, `SELECT commune_id FROM test_commune_references`).Scan(&referenced); err != nil {
		t.Fatalf("read reference: %v", err)
	}
	if referenced != cassis.ID {
		t.Errorf("reference = commune %d, want Cassis %d", referenced, cassis.ID)
	}
	if _, err := GetCommune(ctx, db, duplicateID); err == nil {
		t.Errorf("duplicate commune %d still exists", duplicateID)
	}
}

func TestCommuneDataKeepsDuplicateOnConflict(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	ctx := context.Background()
	mustImport(t, db, "commercants.csv", "")
	createCommuneReferences(t, db)
	duplicateID := insertDuplicateCassis(t, db)
	keeperID := merchantByRef(t, db, "m3").CommuneID
	_, err := db.Exec(ctx, `INSERT INTO test_commune_references VALUES ('x', $1), ('x', $2)`, duplicateID, keeperID)
	if err != nil {
		t.Fatalf("reference both communes: %v", err)
	}

	if _, err := postgres.LoadCommunes(ctx, db); err != nil {
		t.Fatalf("load communes: %v", err)
	}

	if n := countRows(t, db, "test_commune_references"); n != 2 {
		t.Errorf("references = %d, want both kept", n)
	}
	if _, err := GetCommune(ctx, db, duplicateID); err != nil {
		t.Errorf("get duplicate commune %d: %v, want it kept for its reference", duplicateID, err)
	}
	if cassis := communeByInsee(t, db, "13022"); cassis.ID != keeperID {
		t.Errorf("Cassis = commune %d, want the imported one %d", cassis.ID, keeperID)
	}
}
