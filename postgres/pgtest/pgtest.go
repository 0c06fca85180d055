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

// Truncate empties every table of the schema except goose's own.
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
