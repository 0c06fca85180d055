package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/catalog/communes"
)

// communesLockKey is the transaction-level advisory lock that serializes
// LoadCommunes between processes starting together.
const communesLockKey = 0x64726976656c6f63 // "driveloc" in ASCII

// communesDataName is the row of reference_data that records the checksum
// of the loaded communes file.
const communesDataName = "communes"

// LoadCommunes writes the reference communes embedded in the binary
// (package catalog/communes) to the communes and commune_postal_codes
// tables, in one transaction. It does nothing and returns false when the
// database already holds this version of the file.
//
// Communes that merchants' imports created are linked to the reference
// commune of the same folded name, spaces ignored, in the same département
// or sharing one of its postal codes. When several rows are linked to one
// reference commune, one of them becomes it and the others are merged into
// it and deleted (see mergeDuplicates). Rows whose INSEE code left the
// reference data, such as communes merged into a commune nouvelle, are kept
// with a NULL INSEE code because merchants may point at them. Coordinates,
// and postal codes that imports added, are never removed.
func LoadCommunes(ctx context.Context, pool *pgxpool.Pool) (bool, error) {
	checksum := communes.Checksum()
	loaded := false
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(communesLockKey)); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		current, err := loadedChecksum(ctx, tx)
		if err != nil || current == checksum {
			return err
		}
		if err := stageCommunes(ctx, tx); err != nil {
			return err
		}
		if err := mergeCommunes(ctx, tx); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO reference_data (name, checksum) VALUES ($1, $2)
			ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()`,
			communesDataName, checksum)
		if err != nil {
			return fmt.Errorf("record checksum: %w", err)
		}
		loaded = true
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("load communes: %w", err)
	}
	return loaded, nil
}

// loadedChecksum returns the checksum of the communes file last loaded, or
// "" when none was.
func loadedChecksum(ctx context.Context, tx pgx.Tx) (string, error) {
	var checksum string
	err := tx.QueryRow(ctx, `SELECT checksum FROM reference_data WHERE name = $1`, communesDataName).Scan(&checksum)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read checksum: %w", err)
	}
	return checksum, nil
}

// stageCommunes copies the embedded file into the temporary tables
// ref_communes and ref_postal_codes, dropped at commit.
func stageCommunes(ctx context.Context, tx pgx.Tx) error {
	list, err := communes.All()
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `
		CREATE TEMP TABLE ref_communes (
			insee       text PRIMARY KEY,
			name        text NOT NULL,
			name_folded text NOT NULL,
			name_key    text NOT NULL,
			departement text NOT NULL,
			epci_code   text,
			epci_name   text,
			population  integer
		) ON COMMIT DROP;
		CREATE TEMP TABLE ref_postal_codes (
			insee       text NOT NULL,
			postal_code text NOT NULL
		) ON COMMIT DROP`)
	if err != nil {
		return fmt.Errorf("create staging tables: %w", err)
	}

	communeRows := make([][]any, 0, len(list))
	var postalRows [][]any
	for _, c := range list {
		communeRows = append(communeRows, []any{c.Insee, c.Name, c.NameFolded, nameKey(c.NameFolded),
			c.Departement, nullIfEmpty(c.EpciCode), nullIfEmpty(c.EpciName), c.Population})
		for _, code := range c.PostalCodes {
			postalRows = append(postalRows, []any{c.Insee, code})
		}
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"ref_communes"},
		[]string{"insee", "name", "name_folded", "name_key", "departement", "epci_code", "epci_name", "population"},
		pgx.CopyFromRows(communeRows))
	if err != nil {
		return fmt.Errorf("copy communes: %w", err)
	}
	_, err = tx.CopyFrom(ctx, pgx.Identifier{"ref_postal_codes"}, []string{"insee", "postal_code"},
		pgx.CopyFromRows(postalRows))
	if err != nil {
		return fmt.Errorf("copy postal codes: %w", err)
	}
	return nil
}

// nameKey is the communes.name_key of a folded name.
func nameKey(folded string) string {
	key := make([]byte, 0, len(folded))
	for i := 0; i < len(folded); i++ {
		if folded[i] != ' ' {
			key = append(key, folded[i])
		}
	}
	return string(key)
}

func nullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
