package catalog

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// communeColumns selects a commune of alias c, with its smallest postal
// code.
const communeColumns = `c.id, c.name, c.departement, c.latitude, c.longitude,
	COALESCE((SELECT min(postal_code) FROM commune_postal_codes p WHERE p.commune_id = c.id), ''),
	COALESCE(c.insee, ''), COALESCE(c.epci_code, ''), COALESCE(c.epci_name, ''), COALESCE(c.population, 0)`

// communeOrder lists communes most populous first, those of unknown
// population last.
const communeOrder = `c.population DESC NULLS LAST, c.name, c.departement, c.id`

func scanCommune(r pgx.CollectableRow) (Commune, error) {
	var c Commune
	err := r.Scan(&c.ID, &c.Name, &c.Departement, &c.Latitude, &c.Longitude, &c.PostalCode,
		&c.Insee, &c.EpciCode, &c.EpciName, &c.Population)
	return c, err
}

// FindCommunes returns the communes that query names for sure, most
// populous first: those of a five-digit postal code, or whose name is the
// query with common abbreviations expanded ("St Remy de Pce"), spaces and
// punctuation ignored, and a missing leading article ("Havre") added. It
// returns nothing for what MatchCommunes would only guess, such as "6000"
// or "marseile".
func FindCommunes(ctx context.Context, db postgres.DBTX, query string) ([]Commune, error) {
	match, err := MatchCommunes(ctx, db, query)
	if err != nil || match.Guessed {
		return nil, err
	}
	return match.Communes, nil
}

// GetCommune returns the commune with the id, or ErrNotFound.
func GetCommune(ctx context.Context, db postgres.DBTX, id int64) (Commune, error) {
	rows, err := db.Query(ctx, `SELECT `+communeColumns+` FROM communes c WHERE c.id = $1`, id)
	if err != nil {
		return Commune{}, fmt.Errorf("get commune %d: %w", id, err)
	}
	c, err := pgx.CollectExactlyOneRow(rows, scanCommune)
	if errors.Is(err, pgx.ErrNoRows) {
		return Commune{}, fmt.Errorf("get commune %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Commune{}, fmt.Errorf("get commune %d: %w", id, err)
	}
	return c, nil
}

// queryCommunes runs a query that selects communeColumns from communes c.
func queryCommunes(ctx context.Context, db postgres.DBTX, sql string, args ...any) ([]Commune, error) {
	rows, err := db.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, scanCommune)
}
