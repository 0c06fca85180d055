package catalog

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

// communesDB returns the package's emptied test database with the
// reference communes loaded.
func communesDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	return pgtest.PoolWithCommunes(t, "catalog")
}

// communeByInsee returns the commune with the INSEE code, failing the test
// when there is none.
func communeByInsee(t *testing.T, db *pgxpool.Pool, insee string) Commune {
	t.Helper()
	var id int64
	err := db.QueryRow(context.Background(), "SELECT id FROM communes WHERE insee = $1", insee).Scan(&id)
	if err != nil {
		t.Fatalf("look up commune %s: %v", insee, err)
	}
	c, err := GetCommune(context.Background(), db, id)
	if err != nil {
		t.Fatalf("get commune %s: %v", insee, err)
	}
	return c
}

// postalCodesOf returns the postal codes of the commune, sorted.
func postalCodesOf(t *testing.T, db *pgxpool.Pool, communeID int64) []string {
	t.Helper()
	rows, err := db.Query(context.Background(), `SELECT postal_code FROM commune_postal_codes
		WHERE commune_id = $1 ORDER BY postal_code`, communeID)
	if err != nil {
		t.Fatalf("list postal codes of commune %d: %v", communeID, err)
	}
	defer rows.Close()
	var codes []string
	for rows.Next() {
		var code string
		if err := rows.Scan(&code); err != nil {
			t.Fatalf("list postal codes of commune %d: %v", communeID, err)
		}
		codes = append(codes, code)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("list postal codes of commune %d: %v", communeID, err)
	}
	return codes
}

// inseeCodes returns the INSEE codes of the communes, in order.
func inseeCodes(communes []Commune) []string {
	codes := make([]string, len(communes))
	for i, c := range communes {
		codes[i] = c.Insee
	}
	return codes
}

// csvFile returns lines joined by CRLF as an ImportFile.
func csvFile(name string, lines ...string) *ImportFile {
	return &ImportFile{Name: name, Reader: strings.NewReader(strings.Join(lines, "\r\n") + "\r\n")}
}
