package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/drivelocal/drivelocal/order"
)

// report prints the SMS segments of the latest orders.
func (c *cli) report(ctx context.Context, args []string) error {
	fs := c.flags("report")
	limit := fs.Int("limit", 50, c.text("CLIFlagLimit", nil))
	if err := fs.Parse(args); err != nil || *limit <= 0 {
		return c.fail("CLIBadArguments", nil)
	}
	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	usage, err := order.Segments(ctx, pool, *limit)
	if err != nil {
		return err
	}
	if len(usage) == 0 {
		c.printf("CLIReportEmpty", nil)
		return nil
	}
	w := tabwriter.NewWriter(c.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, c.text("CLIReportHeader", nil))
	for _, u := range usage {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%d\n", u.Ref, u.MerchantName, c.text("Status_"+string(u.Status), nil),
			u.CreatedAt.Local().Format("02/01/2006 15:04"), u.Inbound, u.Outbound, u.Inbound+u.Outbound)
	}
	return w.Flush()
}
