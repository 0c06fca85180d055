package bot

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/bot/gsm7"
	"github.com/drivelocal/drivelocal/conversation"
)

// segments returns the SMS segments text takes on the channel: counted on
// SMS only, 0 elsewhere.
func segments(ch Channel, text string) int {
	if ch != SMS {
		return 0
	}
	return gsm7.Segments(text)
}

// recordInbound completes the claimed inbound row with its conversation and
// its size in SMS segments.
func recordInbound(ctx context.Context, tx pgx.Tx, in Inbound, convID int64) error {
	_, err := tx.Exec(ctx, `UPDATE inbound_messages SET conversation_id = $3, segments = $4
		WHERE channel = $1 AND provider_id = $2`, in.Channel, in.ProviderID, convID, segments(in.Channel, in.Text))
	if err != nil {
		return fmt.Errorf("record inbound message: %w", err)
	}
	return nil
}

// orderOf returns the id of the order a result is about, and whether the
// result placed it.
func orderOf(r conversation.Result) (id int64, placed bool) {
	switch r := r.(type) {
	case conversation.OrderPlaced:
		return r.Order.ID, true
	case conversation.OrderChanged:
		return r.Order.ID, false
	}
	return 0, false
}

// attribute ties messages to the order they led to, so that segments can
// be counted per order. A placed order takes every message of the
// customer's conversation that no earlier order took. An order that
// changed takes the merchant's message that changed it.
func attribute(ctx context.Context, tx pgx.Tx, in Inbound, convID, orderID int64, placed bool) error {
	if placed {
		if _, err := tx.Exec(ctx, `UPDATE inbound_messages SET order_id = $1
			WHERE conversation_id = $2 AND order_id IS NULL`, orderID, convID); err != nil {
			return fmt.Errorf("attribute messages to order %d: %w", orderID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE outbox SET order_id = $1
			WHERE channel = $2 AND address = $3 AND order_id IS NULL`, orderID, in.Channel, in.Address); err != nil {
			return fmt.Errorf("attribute messages to order %d: %w", orderID, err)
		}
		return nil
	}
	_, err := tx.Exec(ctx, `UPDATE inbound_messages SET order_id = $1
		WHERE channel = $2 AND provider_id = $3`, orderID, in.Channel, in.ProviderID)
	if err != nil {
		return fmt.Errorf("attribute message to order %d: %w", orderID, err)
	}
	return nil
}
