package catalog

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// upsertCommune returns the id of the merchant's commune and adds the
// merchant's postal code to it. The commune is the one whose name key
// (abbreviations expanded, spaces ignored) is the merchant's and that has
// the merchant's postal code or is in its département: a reference commune
// when one fits. Otherwise a commune is created, or found by folded name
// and département. A new commune, or one without coordinates, takes the
// merchant's coordinates.
func upsertCommune(ctx context.Context, db postgres.DBTX, m merchantRow) (int64, error) {
	id, err := findMerchantCommune(ctx, db, m)
	if errors.Is(err, pgx.ErrNoRows) {
		id, err = insertCommune(ctx, db, m)
	} else if err == nil {
		err = fillCommuneCoordinates(ctx, db, id, m)
	}
	if err != nil {
		return 0, fmt.Errorf("upsert commune %q (%s): %w", m.commune, m.departement, err)
	}

	_, err = db.Exec(ctx, `INSERT INTO commune_postal_codes (postal_code, commune_id)
		VALUES ($1, $2) ON CONFLICT DO NOTHING`, m.postalCode, id)
	if err != nil {
		return 0, fmt.Errorf("add postal code %s to commune %q: %w", m.postalCode, m.commune, err)
	}
	return id, nil
}

// findMerchantCommune returns the id of the existing commune that fits the
// merchant's best: one with its postal code first, then one in its
// département, a reference commune first, then the most populous. It
// returns pgx.ErrNoRows when none fits.
func findMerchantCommune(ctx context.Context, db postgres.DBTX, m merchantRow) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `
		SELECT c.id FROM communes c
		CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM commune_postal_codes p
			WHERE p.commune_id = c.id AND p.postal_code = $3) AS has_code) pc
		WHERE c.name_key = ANY($1) AND (pc.has_code OR c.departement = $2)
		ORDER BY pc.has_code DESC, c.departement = $2 DESC, c.insee IS NULL,
			c.population DESC NULLS LAST, c.id
		LIMIT 1`, communeKeys(m.commune), m.departement, m.postalCode).Scan(&id)
	return id, err
}

// insertCommune creates the merchant's commune, whose folded name has its
// abbreviations expanded. A commune of the same folded name and
// département that findMerchantCommune missed is updated instead.
func insertCommune(ctx context.Context, db postgres.DBTX, m merchantRow) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `
		INSERT INTO communes (name, name_folded, departement, latitude, longitude)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (name_folded, departement) DO UPDATE SET
			latitude = CASE WHEN communes.latitude IS NULL OR communes.longitude IS NULL
				THEN EXCLUDED.latitude ELSE communes.latitude END,
			longitude = CASE WHEN communes.latitude IS NULL OR communes.longitude IS NULL
				THEN EXCLUDED.longitude ELSE communes.longitude END
		RETURNING id`,
		m.commune, strings.Join(communeWords(m.commune), " "), m.departement, m.latitude, m.longitude).Scan(&id)
	return id, err
}

// fillCommuneCoordinates gives the merchant's coordinates to the commune
// when it has none.
func fillCommuneCoordinates(ctx context.Context, db postgres.DBTX, id int64, m merchantRow) error {
	if m.latitude == nil || m.longitude == nil {
		return nil
	}
	_, err := db.Exec(ctx, `UPDATE communes SET latitude = $2, longitude = $3
		WHERE id = $1 AND (latitude IS NULL OR longitude IS NULL)`, id, m.latitude, m.longitude)
	return err
}
