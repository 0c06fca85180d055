package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// SQLSTATE codes that mergeDuplicates tolerates.
const (
	uniqueViolation     = "23505"
	foreignKeyViolation = "23503"
)

// mergeDuplicates moves what points at each row of ref_duplicates to its
// keeper, then deletes the duplicate. Postal codes and coordinates are
// merged into the keeper's. Every other single-column foreign key to
// communes is repointed, table by table. When that would break a unique
// constraint, such as a merchant delivering both communes, that table's rows
// stay on the duplicate, which is then kept, so no row of another table is
// lost.
func mergeDuplicates(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO commune_postal_codes (postal_code, commune_id)
		SELECT p.postal_code, d.keeper_id
		FROM commune_postal_codes p JOIN ref_duplicates d ON d.duplicate_id = p.commune_id
		ON CONFLICT DO NOTHING`)
	if err != nil {
		return fmt.Errorf("move postal codes: %w", err)
	}
	_, err = tx.Exec(ctx, `
		UPDATE communes k SET latitude = c.latitude, longitude = c.longitude
		FROM ref_duplicates d JOIN communes c ON c.id = d.duplicate_id
		WHERE k.id = d.keeper_id AND (k.latitude IS NULL OR k.longitude IS NULL)
			AND c.latitude IS NOT NULL AND c.longitude IS NOT NULL`)
	if err != nil {
		return fmt.Errorf("move coordinates: %w", err)
	}

	references, err := communeReferences(ctx, tx)
	if err != nil {
		return err
	}
	for _, ref := range references {
		if err := repoint(ctx, tx, ref); err != nil {
			return err
		}
	}
	return deleteDuplicates(ctx, tx)
}

// communeReference is a column that references communes.id.
type communeReference struct{ table, column string }

// communeReferences lists the single-column foreign keys to communes.id,
// except commune_postal_codes', which mergeDuplicates merges itself.
func communeReferences(ctx context.Context, tx pgx.Tx) ([]communeReference, error) {
	rows, err := tx.Query(ctx, `
		SELECT c.conrelid::regclass::text, a.attname
		FROM pg_constraint c
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.contype = 'f' AND c.confrelid = 'communes'::regclass
			AND cardinality(c.conkey) = 1
			AND c.conrelid <> 'commune_postal_codes'::regclass
		ORDER BY 1, 2`)
	if err != nil {
		return nil, fmt.Errorf("list references to communes: %w", err)
	}
	var references []communeReference
	var ref communeReference
	_, err = pgx.ForEachRow(rows, []any{&ref.table, &ref.column}, func() error {
		references = append(references, ref)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list references to communes: %w", err)
	}
	return references, nil
}

// repoint moves the rows of ref from duplicates to their keepers, or leaves
// them all when one would break a unique constraint.
func repoint(ctx context.Context, tx pgx.Tx, ref communeReference) error {
	column := pgx.Identifier{ref.column}.Sanitize()
	// The table name comes from regclass, so it is already quoted as needed.
	sql := `UPDATE ` + ref.table + ` t SET ` + column + ` = d.keeper_id
		FROM ref_duplicates d WHERE t.` + column + ` = d.duplicate_id`
	err := pgx.BeginFunc(ctx, tx, func(savepoint pgx.Tx) error {
		_, err := savepoint.Exec(ctx, sql)
		return err
	})
	if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok && pgErr.Code == uniqueViolation {
		return nil
	}
	if err != nil {
		return fmt.Errorf("move %s.%s: %w", ref.table, ref.column, err)
	}
	return nil
}

// deleteDuplicates deletes each duplicate and its postal codes, keeping
// those that rows of other tables still reference.
func deleteDuplicates(ctx context.Context, tx pgx.Tx) error {
	rows, err := tx.Query(ctx, `SELECT duplicate_id FROM ref_duplicates ORDER BY duplicate_id`)
	if err != nil {
		return fmt.Errorf("list duplicates: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("list duplicates: %w", err)
	}
	for _, id := range ids {
		err := pgx.BeginFunc(ctx, tx, func(savepoint pgx.Tx) error {
			if _, err := savepoint.Exec(ctx, `DELETE FROM commune_postal_codes WHERE commune_id = $1`, id); err != nil {
				return err
			}
			_, err := savepoint.Exec(ctx, `DELETE FROM communes WHERE id = $1`, id)
			return err
		})
		if pgErr, ok := errors.AsType[*pgconn.PgError](err); ok && pgErr.Code == foreignKeyViolation {
			continue
		}
		if err != nil {
			return fmt.Errorf("delete duplicate commune %d: %w", id, err)
		}
	}
	return nil
}
