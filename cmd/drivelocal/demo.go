package main

import (
	"context"

	"github.com/drivelocal/drivelocal/catalog"
)

// demo prepares the database, loads the demo catalog and opens the chat as
// the demo customer.
func (c *cli) demo(ctx context.Context, args []string) error {
	fs := c.flags("demo")
	number := fs.String("phone", demoCustomer, c.text("CLIFlagPhone", nil))
	if err := fs.Parse(args); err != nil {
		return c.fail("CLIBadArguments", nil)
	}
	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	report, err := catalog.LoadDemo(ctx, pool)
	if err != nil {
		return c.fail("CLIDemoFailed", map[string]any{"Error": err.Error()})
	}
	c.printf("CLIDemoLoaded", map[string]any{"Merchants": report.Merchants(), "Products": report.Products()})
	return c.chatAs(ctx, pool, *number)
}
