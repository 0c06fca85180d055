package main

import (
	"context"
	"net/url"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/postgres"
)

// openDatabase creates the database if it is missing, connects and applies
// the migrations. Errors come back in the operator's language, with how to
// start or install PostgreSQL when it cannot be reached.
func (c *cli) openDatabase(ctx context.Context, dbURL string) (*pgxpool.Pool, error) {
	if err := postgres.EnsureDatabase(ctx, dbURL); err != nil {
		return nil, c.fail("CLIDatabaseUnreachable", map[string]any{"URL": redact(dbURL), "Error": err.Error()})
	}
	pool, err := postgres.Open(ctx, dbURL)
	if err != nil {
		return nil, c.fail("CLIDatabaseUnreachable", map[string]any{"URL": redact(dbURL), "Error": err.Error()})
	}
	if err := postgres.Migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, c.fail("CLIMigrateFailed", map[string]any{"Error": err.Error()})
	}
	return pool, nil
}

// redact hides the password of a connection URL.
func redact(dbURL string) string {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "(DATABASE_URL)"
	}
	return u.Redacted()
}
