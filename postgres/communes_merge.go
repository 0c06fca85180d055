package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// mergeStep is one step of mergeCommunes: a statement, or a function when
// run is set. Error messages start with its name.
type mergeStep struct {
	name string
	sql  string
	run  func(context.Context, pgx.Tx) error
}

// mergeSteps write the staged reference communes into communes and
// commune_postal_codes, in order.
var mergeSteps = []mergeStep{
	{name: "unlink removed communes", sql: `
		UPDATE communes SET insee = NULL
		WHERE insee IS NOT NULL AND insee NOT IN (SELECT insee FROM ref_communes)`},

	// Each commune without an INSEE code gets at most one reference
	// commune: the one of its département first, then the most populous.
	{name: "link imported communes", sql: `
		CREATE TEMP TABLE ref_links ON COMMIT DROP AS
		SELECT DISTINCT ON (c.id) c.id AS commune_id, r.insee
		FROM communes c
		JOIN ref_communes r ON r.name_key = c.name_key
		WHERE c.insee IS NULL
			AND (r.departement = c.departement OR EXISTS (
				SELECT 1 FROM commune_postal_codes p
				JOIN ref_postal_codes rp ON rp.postal_code = p.postal_code AND rp.insee = r.insee
				WHERE p.commune_id = c.id))
		ORDER BY c.id, r.departement = c.departement DESC, r.population DESC NULLS LAST, r.insee`},
	// One linked row per reference commune gets its INSEE code, unless a
	// row has it already: the one whose folded name and département will
	// not change first, so that the upsert below breaks no unique key.
	{name: "set INSEE codes of linked communes", sql: `
		UPDATE communes c SET insee = k.insee
		FROM (SELECT DISTINCT ON (l.insee) l.insee, l.commune_id
			FROM ref_links l
			JOIN communes c ON c.id = l.commune_id
			JOIN ref_communes r ON r.insee = l.insee
			ORDER BY l.insee, c.name_folded = r.name_folded DESC,
				c.departement = r.departement DESC, c.id) k
		WHERE c.id = k.commune_id AND NOT EXISTS (SELECT 1 FROM communes o WHERE o.insee = k.insee)`},

	// A linked row that did not get the INSEE code duplicates the row that
	// has it, the keeper.
	{name: "find duplicate communes", sql: `
		CREATE TEMP TABLE ref_duplicates ON COMMIT DROP AS
		SELECT l.commune_id AS duplicate_id, k.id AS keeper_id
		FROM ref_links l JOIN communes k ON k.insee = l.insee
		WHERE k.id <> l.commune_id`},
	{name: "merge duplicate communes", run: mergeDuplicates},

	{name: "upsert reference communes", sql: `
		INSERT INTO communes (insee, name, name_folded, departement, epci_code, epci_name, population)
		SELECT insee, name, name_folded, departement, epci_code, epci_name, population FROM ref_communes
		ON CONFLICT (insee) DO UPDATE SET
			name = EXCLUDED.name, name_folded = EXCLUDED.name_folded,
			departement = EXCLUDED.departement, epci_code = EXCLUDED.epci_code,
			epci_name = EXCLUDED.epci_name, population = EXCLUDED.population
		WHERE (communes.name, communes.name_folded, communes.departement, communes.epci_code,
				communes.epci_name, communes.population)
			IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_folded, EXCLUDED.departement,
				EXCLUDED.epci_code, EXCLUDED.epci_name, EXCLUDED.population)`},
	{name: "add reference postal codes", sql: `
		INSERT INTO commune_postal_codes (postal_code, commune_id)
		SELECT rp.postal_code, c.id FROM ref_postal_codes rp JOIN communes c ON c.insee = rp.insee
		ON CONFLICT DO NOTHING`},
	// The tables grew by tens of thousands of rows: fresh statistics let
	// the planner use their indexes before autovacuum gets to them.
	{name: "analyze", sql: `ANALYZE communes, commune_postal_codes`},
}

// mergeCommunes runs mergeSteps in the transaction.
func mergeCommunes(ctx context.Context, tx pgx.Tx) error {
	for _, step := range mergeSteps {
		var err error
		if step.run != nil {
			err = step.run(ctx, tx)
		} else {
			_, err = tx.Exec(ctx, step.sql)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", step.name, err)
		}
	}
	return nil
}
