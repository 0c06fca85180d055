package main

import "context"

// migrate applies the schema and exits.
func (c *cli) migrate(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return c.fail("CLIBadArguments", nil)
	}
	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	pool.Close()
	c.printf("CLIMigrated", nil)
	return nil
}
