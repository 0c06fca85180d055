package main

import (
	"context"
	"io"
	"log/slog"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot/console"
	"github.com/drivelocal/drivelocal/phone"
)

// demoCustomer is the phone number of the demo's customer, outside the
// range of the demo merchants' numbers.
const demoCustomer = "+33600000001"

// chat talks to the conversation engine in the terminal as a phone number.
func (c *cli) chat(ctx context.Context, args []string) error {
	return c.withChat(ctx, "chat", args, nil)
}

// withChat reads the --phone flag, checks the number, opens the database,
// runs prepare if there is one, then the console chat as that number.
func (c *cli) withChat(ctx context.Context, name string, args []string, prepare func(*pgxpool.Pool) error) error {
	fs := c.flags(name)
	number := fs.String("phone", demoCustomer, c.text("CLIFlagPhone", nil))
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return c.fail("CLIBadArguments", nil)
	}
	if _, err := phone.Normalize(*number); err != nil {
		return c.fail("CLIBadPhone", map[string]any{"Phone": *number})
	}
	if err := c.checkSettings(); err != nil {
		return err
	}
	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()
	if prepare != nil {
		if err := prepare(pool); err != nil {
			return err
		}
	}
	return c.chatAs(ctx, pool, *number)
}

// chatAs runs the console chat as the phone number until the end of input.
func (c *cli) chatAs(ctx context.Context, pool *pgxpool.Pool, number string) error {
	e164, err := phone.Normalize(number)
	if err != nil {
		return c.fail("CLIBadPhone", map[string]any{"Phone": number})
	}
	d := c.newDispatcher(pool, loadConfig(), quietLogger(c.stderr))
	c.printf("CLIChatIntro", map[string]any{"Phone": e164})
	chat := &console.Chat{DB: pool, Handler: d, Phone: e164, In: c.stdin, Out: c.stdout}
	return chat.Run(ctx)
}

// quietLogger drops the dispatcher's info logs, which would mix with the
// conversation in the terminal.
func quietLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}
