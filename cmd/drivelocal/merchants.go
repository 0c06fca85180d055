package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/shop"
)

// merchants runs the operator's commands on sign-ups: list, approve and
// reject.
func (c *cli) merchants(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return c.fail("CLIMerchantsUsage", nil)
	}
	switch args[0] {
	case "list":
		return c.listMerchants(ctx, args[1:])
	case "approve", "reject":
		return c.decideMerchant(ctx, args[0], args[1:])
	}
	return c.fail("CLIMerchantsUsage", nil)
}

// listMerchants prints the merchants, only the pending ones with
// --pending.
func (c *cli) listMerchants(ctx context.Context, args []string) error {
	fs := c.flags("merchants list")
	pending := fs.Bool("pending", false, c.text("CLIFlagPending", nil))
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return c.fail("CLIMerchantsUsage", nil)
	}
	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	status := ""
	if *pending {
		status = catalog.MerchantPending
	}
	list, err := shop.List(ctx, pool, status)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		c.printf("CLIMerchantsEmpty", nil)
		return nil
	}
	w := tabwriter.NewWriter(c.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, c.text("CLIMerchantsHeader", nil))
	for _, m := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.Ref, m.Name, m.Category, m.CommuneName, m.Phone,
			c.text("CLIFulfilment", map[string]any{"Drive": m.Drive, "Delivery": m.Delivery}), m.OpeningHours,
			c.text("MerchantStatus_"+m.Status, nil))
	}
	return w.Flush()
}

// decideMerchant approves or rejects a pending sign-up: "approve REF" or
// "reject REF --reason TEXT", the flags before or after REF.
func (c *cli) decideMerchant(ctx context.Context, action string, args []string) error {
	fs := c.flags("merchants " + action)
	reason := fs.String("reason", "", c.text("CLIFlagReason", nil))
	ref, rest := "", args
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		ref, rest = args[0], args[1:]
	}
	if err := fs.Parse(rest); err != nil {
		return c.fail("CLIMerchantsUsage", nil)
	}
	if ref == "" && fs.NArg() == 1 {
		ref = fs.Arg(0)
	} else if fs.NArg() > 0 || ref == "" {
		return c.fail("CLIMerchantsUsage", nil)
	}
	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	renderer := bot.NewRenderer(c.bundle)
	var m catalog.Merchant
	if action == "approve" {
		m, err = bot.ApproveShop(ctx, pool, renderer, ref)
	} else {
		m, err = bot.RejectShop(ctx, pool, renderer, ref, *reason)
	}
	switch {
	case errors.Is(err, catalog.ErrNotFound):
		return c.fail("CLIMerchantUnknown", map[string]any{"Ref": ref})
	case errors.Is(err, shop.ErrNotPending):
		return c.fail("CLIMerchantNotPending", map[string]any{"Ref": ref, "Status": c.text("MerchantStatus_"+m.Status, nil)})
	case err != nil:
		return err
	}
	c.printf("CLIMerchantDecided", map[string]any{"Ref": ref, "Name": m.Name, "Approved": action == "approve"})
	return nil
}
