// Package pgtest gives each test package its own migrated PostgreSQL
// database on the local server.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/postgres"
)

// ServerURL is the server the tests use unless TEST_DATABASE_URL names
// another; its database part is replaced by the package's own.
const ServerURL = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

var (
	once    sync.Once
	pool    *pgxpool.Pool
	openErr error
)

// Pool returns the pool of the database named drivelocal_test_<name>,
// dropped, created and migrated on the first call in the test binary.
// Every call empties all tables, so tests that use it must not run in
// parallel with each other.
func Pool(t testing.TB, name string) *pgxpool.Pool {
	t.Helper()
	once.Do(func() { pool, openErr = create(name) })
	if openErr != nil {
		t.Fatalf("test database: %v", openErr)
	}
	if err := Truncate(context.Background(), pool); err != nil {
		t.Fatalf("test database: %v", err)
	}
	return pool
}

// PoolWithCommunes is Pool with the reference communes back after the
// tables were emptied, as postgres.Migrate loads them in production. The
// first call in the test binary loads them with postgres.LoadCommunes and
// keeps a copy in the schema pgtest, which Truncate leaves alone. Later
// calls restore that copy, which skips parsing and merging and so takes
// about half the time of a load.
func PoolWithCommunes(t testing.TB, name string) *pgxpool.Pool {
	t.Helper()
	p := Pool(t, name)
	if err := restoreCommunes(context.Background(), p); err != nil {
		t.Fatalf("test database: %v", err)
	}
	return p
}

// communeTables are the tables that LoadCommunes fills, parents first.
var communeTables = []string{"communes", "commune_postal_codes", "reference_data"}

// restoreCommunes copies the reference communes from the schema pgtest
// into the emptied tables, loading and saving them there first if needed.
func restoreCommunes(ctx context.Context, db *pgxpool.Pool) error {
	var saved bool
	if err := db.QueryRow(ctx, `SELECT to_regclass('pgtest.reference_data') IS NOT NULL`).Scan(&saved); err != nil {
		return fmt.Errorf("look up saved communes: %w", err)
	}
	if !saved {
		if _, err := postgres.LoadCommunes(ctx, db); err != nil {
			return err
		}
	}
	for _, table := range communeTables {
		columns, err := storedColumns(ctx, db, table)
		if err != nil {
			return err
		}
		copySQL := "INSERT INTO public." + table + " (" + columns + ") SELECT " + columns + " FROM pgtest." + table
		if !saved {
			copySQL = "CREATE SCHEMA IF NOT EXISTS pgtest; CREATE TABLE pgtest." + table + " AS SELECT " + columns + " FROM public." + table
		}
		if _, err := db.Exec(ctx, copySQL, pgx.QueryExecModeSimpleProtocol); err != nil {
			return fmt.Errorf("copy %s: %w", table, err)
		}
	}
	_, err := db.Exec(ctx, `SELECT setval(pg_get_serial_sequence('communes', 'id'), max(id)) FROM communes`)
	return err
}

// storedColumns returns the comma-separated columns of the public table
// that an INSERT can set: all but generated ones.
func storedColumns(ctx context.Context, db *pgxpool.Pool, table string) (string, error) {
	rows, err := db.Query(ctx, `SELECT quote_ident(column_name) FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
		ORDER BY ordinal_position`, table)
	if err != nil {
		return "", fmt.Errorf("list columns of %s: %w", table, err)
	}
	columns, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return "", fmt.Errorf("list columns of %s: %w", table, err)
	}
	return strings.Join(columns, ", "), nil
}

// URL returns the connection string of the test database called name.
func URL(name string) (string, error) {
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		base = ServerURL
	}
	u, err := url.Parse(base)
	if err != nil {
		return "", fmt.Errorf("parse TEST_DATABASE_URL: %w", err)
	}
	u.Path = "/drivelocal_test_" + regexp.MustCompile(`[^a-z0-9_]`).ReplaceAllString(strings.ToLower(name), "_")
	return u.String(), nil
}

func create(name string) (*pgxpool.Pool, error) {
	ctx := context.Background()
	dbURL, err := URL(name)
	if err != nil {
		return nil, err
	}
	if err := drop(ctx, dbURL); err != nil {
		return nil, err
	}
	if err := postgres.EnsureDatabase(ctx, dbURL); err != nil {
		return nil, err
	}
	p, err := postgres.Open(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	if err := postgres.Migrate(ctx, p); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

func drop(ctx context.Context, dbURL string) error {
	cfg, err := pgx.ParseConfig(dbURL)
	if err != nil {
		return err
	}
	name := cfg.Database
	cfg.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connect to test server (is PostgreSQL running on 127.0.0.1:5432?): %w", err)
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)")
	return err
}

// Truncate empties every table of the schema except goose's own, so also
// the reference communes and their checksum in reference_data:
// PoolWithCommunes restores them.
func Truncate(ctx context.Context, db *pgxpool.Pool) error {
	rows, err := db.Query(ctx, `SELECT tablename FROM pg_tables
		WHERE schemaname = 'public' AND tablename <> 'goose_db_version'`)
	if err != nil {
		return err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return nil
	}
	_, err = db.Exec(ctx, "TRUNCATE "+strings.Join(names, ", ")+" RESTART IDENTITY CASCADE")
	return err
}
