package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// checkAgainstDatabase adds to errs the lines that the files alone cannot
// prove wrong: products of a merchant that neither the merchants file nor
// the database has, and merchants whose phone belongs to another merchant
// of the database.
func checkAgainstDatabase(ctx context.Context, db postgres.DBTX, mf merchantFile, pf productFile, errs *errorList) error {
	existing, err := existingMerchantRefs(ctx, db, pf.merchantRefsOutsideFile(mf))
	if err != nil {
		return err
	}
	pf.checkMerchantRefs(mf, existing, errs)
	if err := checkCommunes(ctx, db, mf, errs); err != nil {
		return err
	}
	return checkPhoneOwners(ctx, db, mf, errs)
}

// checkCommunes reports the merchants whose commune and postal code are
// not a pair of the reference data, so that a typo ("Casis") or a wrong
// code never creates a commune customers would then be offered. Without
// reference data (some tests), any commune is accepted.
func checkCommunes(ctx context.Context, db postgres.DBTX, mf merchantFile, errs *errorList) error {
	var loaded bool
	if err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM communes WHERE insee IS NOT NULL)`).Scan(&loaded); err != nil {
		return fmt.Errorf("check communes: %w", err)
	}
	if !loaded {
		return nil
	}
	for _, m := range mf.rows {
		var known bool
		var codes, names string
		err := db.QueryRow(ctx, `
			SELECT
				EXISTS (SELECT 1 FROM communes c JOIN commune_postal_codes p ON p.commune_id = c.id
					WHERE c.insee IS NOT NULL AND c.name_key = ANY($1) AND p.postal_code = $2),
				COALESCE((SELECT string_agg(DISTINCT p.postal_code, ', ') FROM communes c
					JOIN commune_postal_codes p ON p.commune_id = c.id
					WHERE c.insee IS NOT NULL AND c.name_key = ANY($1)), ''),
				COALESCE((SELECT string_agg(c.name, ', ' ORDER BY c.population DESC NULLS LAST) FROM communes c
					JOIN commune_postal_codes p ON p.commune_id = c.id
					WHERE c.insee IS NOT NULL AND p.postal_code = $2), '')`,
			communeKeys(m.commune), m.postalCode).Scan(&known, &codes, &names)
		if err != nil {
			return fmt.Errorf("check commune %q: %w", m.commune, err)
		}
		if !known {
			errs.add(mf.table.errorAt(csvRow{line: m.line}, "commune", msgUnknownCommune,
				map[string]any{"Value": m.commune, "PostalCode": m.postalCode, "Codes": codes, "Names": names}))
		}
	}
	return nil
}

func existingMerchantRefs(ctx context.Context, db postgres.DBTX, refs []string) (map[string]bool, error) {
	existing := map[string]bool{}
	if len(refs) == 0 {
		return existing, nil
	}
	rows, err := db.Query(ctx, `SELECT ref FROM merchants WHERE ref = ANY($1)`, refs)
	if err != nil {
		return nil, fmt.Errorf("look up merchant refs: %w", err)
	}
	found, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("look up merchant refs: %w", err)
	}
	for _, ref := range found {
		existing[ref] = true
	}
	return existing, nil
}

// checkPhoneOwners reports the merchants whose phone is registered to a
// merchant of the database that the file does not list. A phone that moves
// between two merchants of the file passes, but writeImport may then fail.
func checkPhoneOwners(ctx context.Context, db postgres.DBTX, mf merchantFile, errs *errorList) error {
	if len(mf.rows) == 0 {
		return nil
	}
	phones := make([]string, 0, len(mf.rows))
	for _, m := range mf.rows {
		phones = append(phones, m.phone)
	}
	rows, err := db.Query(ctx, `SELECT phone, ref FROM merchants WHERE phone = ANY($1)`, phones)
	if err != nil {
		return fmt.Errorf("look up merchant phones: %w", err)
	}
	owners := map[string]string{} // phone → ref
	var phoneNumber, ref string
	_, err = pgx.ForEachRow(rows, []any{&phoneNumber, &ref}, func() error {
		owners[phoneNumber] = ref
		return nil
	})
	if err != nil {
		return fmt.Errorf("look up merchant phones: %w", err)
	}
	for _, m := range mf.rows {
		owner, registered := owners[m.phone]
		_, ownerInFile := mf.refLines[owner]
		if !registered || owner == m.ref || ownerInFile {
			continue
		}
		errs.add(mf.table.errorAt(csvRow{line: m.line}, "telephone", msgPhoneTaken,
			map[string]any{"Value": m.phone, "Ref": owner}))
	}
	return nil
}
