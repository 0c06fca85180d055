package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// MerchantsNearCommune returns at most limit merchants around the commune:
// first those of the commune, then those of the other communes of its
// intercommunality (EPCI), then those of the rest of its département. Each
// group is sorted by distance from the commune's centre, nearest first,
// then by name. A merchant's position is its own coordinates, or else its
// commune's centre. Merchants without a position, and all of them when the
// commune has no centre, come after the located ones, by name.
func MerchantsNearCommune(ctx context.Context, db postgres.DBTX, communeID int64, limit int) ([]Merchant, error) {
	rows, err := db.Query(ctx, `
		SELECT `+merchantColumns+`
		FROM merchants m
		JOIN communes c ON c.id = m.commune_id
		JOIN communes home ON home.id = $1
		CROSS JOIN LATERAL (SELECT
			CASE WHEN m.commune_id = home.id THEN 0
				WHEN c.epci_code = home.epci_code THEN 1
				ELSE 2 END AS rank,
			COALESCE(m.latitude, c.latitude) AS lat,
			COALESCE(m.longitude, c.longitude) AS lon) g
		CROSS JOIN LATERAL (SELECT 2 * 6371 * asin(sqrt(
			sin(radians(g.lat - home.latitude) / 2)^2 +
			cos(radians(home.latitude)) * cos(radians(g.lat)) * sin(radians(g.lon - home.longitude) / 2)^2)) AS km) d
		WHERE m.commune_id = home.id OR c.epci_code = home.epci_code OR c.departement = home.departement
		ORDER BY g.rank, d.km NULLS LAST, m.name, m.id
		LIMIT $2`, communeID, limit)
	if err != nil {
		return nil, fmt.Errorf("list merchants near commune %d: %w", communeID, err)
	}
	merchants, err := pgx.CollectRows(rows, scanMerchant)
	if err != nil {
		return nil, fmt.Errorf("list merchants near commune %d: %w", communeID, err)
	}
	return merchants, nil
}
