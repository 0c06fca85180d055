package order

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// maxScheduledBatch bounds the orders one scheduler pass handles, so that a
// backlog is worked off in several short transactions.
const maxScheduledBatch = 50

// MarkReminders marks as reminded the pending orders placed at or before
// placedBefore and not reminded yet, and returns their references. The
// conditional update makes two schedulers remind each order once.
func MarkReminders(ctx context.Context, tx pgx.Tx, placedBefore, now time.Time) ([]string, error) {
	rows, err := tx.Query(ctx, `UPDATE orders SET reminded_at = $2
		WHERE id IN (
			SELECT id FROM orders
			WHERE status = 'pending' AND reminded_at IS NULL AND created_at <= $1
			ORDER BY id LIMIT $3
			FOR UPDATE SKIP LOCKED)
		AND status = 'pending' AND reminded_at IS NULL
		RETURNING ref`, placedBefore, now, maxScheduledBatch)
	if err != nil {
		return nil, fmt.Errorf("mark order reminders: %w", err)
	}
	refs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("mark order reminders: %w", err)
	}
	return refs, nil
}

// Due is an order whose time to answer is over, with the status it had.
type Due struct {
	Ref    string
	Status Status
}

// DueExpiries returns the orders whose time to answer is over: pending
// orders placed at or before deadline, and proposed orders proposed at or
// before it. Expire then moves each one conditionally.
func DueExpiries(ctx context.Context, tx pgx.Tx, deadline time.Time) ([]Due, error) {
	rows, err := tx.Query(ctx, `SELECT ref, status FROM orders
		WHERE (status = 'pending' AND created_at <= $1)
			OR (status = 'proposed' AND proposed_at <= $1)
		ORDER BY id LIMIT $2`, deadline, maxScheduledBatch)
	if err != nil {
		return nil, fmt.Errorf("list due expiries: %w", err)
	}
	due, err := pgx.CollectRows(rows, pgx.RowToStructByPos[Due])
	if err != nil {
		return nil, fmt.Errorf("list due expiries: %w", err)
	}
	return due, nil
}
