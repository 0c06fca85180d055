package main

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/catalog"
)

// demo prepares the database, loads the demo catalog and opens the chat as
// the demo customer.
func (c *cli) demo(ctx context.Context, args []string) error {
	return c.withChat(ctx, "demo", args, func(pool *pgxpool.Pool) error {
		report, err := catalog.LoadDemo(ctx, pool)
		if err != nil {
			return c.fail("CLIDemoFailed", map[string]any{"Error": err.Error()})
		}
		c.printf("CLIDemoLoaded", map[string]any{"Merchants": report.Merchants(), "Products": report.Products()})
		return nil
	})
}
