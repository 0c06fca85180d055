// Package console is the terminal channel: it reads a person's lines from
// standard input, hands each to the dispatcher as that phone number, and
// prints the messages queued for that number.
package console

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
)

// Chat is a console conversation as one phone number. Messages the
// product queues for that number on SMS are printed too, marked as SMS,
// because in the console the person reads both: a merchant's new orders
// arrive there.
type Chat struct {
	DB      *pgxpool.Pool
	Handler bot.Handler
	Phone   string // E.164
	In      io.Reader
	Out     io.Writer
	// Prompt is printed before each line is read; empty for none.
	Prompt string
}

// Run prints what is pending for the phone, then handles lines until the
// end of input or ctx is cancelled.
func (c *Chat) Run(ctx context.Context) error {
	if err := c.printPending(ctx); err != nil {
		return err
	}
	scanner := bufio.NewScanner(c.In)
	for {
		if c.Prompt != "" {
			fmt.Fprint(c.Out, c.Prompt)
		}
		if !scanner.Scan() {
			return scanner.Err()
		}
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		in := bot.Inbound{Channel: bot.Console, Address: c.Phone, ProviderID: newID(), Text: line}
		if err := c.Handler.Handle(ctx, in); err != nil {
			return fmt.Errorf("console: %w", err)
		}
		if err := c.printPending(ctx); err != nil {
			return err
		}
	}
}

func (c *Chat) printPending(ctx context.Context) error {
	msgs, err := bot.TakePending(ctx, c.DB, c.Phone, bot.Console, bot.SMS)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	for _, m := range msgs {
		prefix := "< "
		if m.Channel == bot.SMS {
			prefix = "< [SMS] "
		}
		fmt.Fprintln(c.Out, prefix+strings.ReplaceAll(m.Text, "\n", "\n  "))
	}
	return nil
}

// newID returns a random id for a console line, which has no provider id.
func newID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return "console-" + hex.EncodeToString(b)
}
