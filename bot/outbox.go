package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/postgres"
)

// outboxNotifyChannel is the PostgreSQL NOTIFY channel that wakes senders
// when a message is queued; its payload is the message's Channel.
const outboxNotifyChannel = "outbox"

// Enqueue queues m for sending, inside the caller's transaction: the
// message exists for the sender only once its cause is committed.
func Enqueue(ctx context.Context, db postgres.DBTX, m Message, orderID int64) (int64, error) {
	var buttons []byte
	if len(m.Buttons) > 0 {
		var err error
		if buttons, err = json.Marshal(m.Buttons); err != nil {
			return 0, fmt.Errorf("enqueue message: %w", err)
		}
	}
	var order *int64
	if orderID != 0 {
		order = &orderID
	}
	var id int64
	err := db.QueryRow(ctx, `INSERT INTO outbox (channel, address, body, buttons, order_id, segments)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		m.Channel, m.Address, m.Text, buttons, order, segments(m.Channel, m.Text)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("enqueue message: %w", err)
	}
	if _, err := db.Exec(ctx, "SELECT pg_notify($1, $2)", outboxNotifyChannel, string(m.Channel)); err != nil {
		return 0, fmt.Errorf("enqueue message: %w", err)
	}
	return id, nil
}

// claim takes up to limit due messages of the channel, oldest first, and
// leases them: their attempt is counted, and they are not due again until
// the lease ends. A sender that dies mid-send thus leaves them to be
// retried, and two senders never take the same message at once.
func claim(ctx context.Context, db *pgxpool.Pool, channel Channel, limit int, lease time.Duration) ([]claimed, error) {
	rows, err := db.Query(ctx, `
		UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + $3 * interval '1 millisecond'
		WHERE id IN (
			SELECT id FROM outbox
			WHERE channel = $1 AND status = 'pending' AND next_attempt_at <= now()
			ORDER BY id LIMIT $2
			FOR UPDATE SKIP LOCKED)
		RETURNING id, channel, address, body, buttons, attempts`,
		channel, limit, lease.Milliseconds())
	if err != nil {
		return nil, fmt.Errorf("claim outbox messages: %w", err)
	}
	msgs, err := pgx.CollectRows(rows, scanClaimed)
	if err != nil {
		return nil, fmt.Errorf("claim outbox messages: %w", err)
	}
	sortByID(msgs)
	return msgs, nil
}

// claimed is a message taken from the outbox with its attempt number.
type claimed struct {
	Message
	Attempt int
}

func scanClaimed(r pgx.CollectableRow) (claimed, error) {
	var c claimed
	var buttons []byte
	err := r.Scan(&c.ID, &c.Channel, &c.Address, &c.Text, &buttons, &c.Attempt)
	if err == nil && len(buttons) > 0 {
		err = json.Unmarshal(buttons, &c.Buttons)
	}
	return c, err
}

// sortByID restores queue order, which UPDATE ... RETURNING does not keep.
func sortByID(msgs []claimed) {
	slices.SortFunc(msgs, func(a, b claimed) int { return cmp.Compare(a.ID, b.ID) })
}

func markSent(ctx context.Context, db postgres.DBTX, id int64, providerID string) error {
	_, err := db.Exec(ctx, `UPDATE outbox SET status = 'sent', sent_at = now(),
		provider_message_id = $2, last_error = '' WHERE id = $1`, id, providerID)
	if err != nil {
		return fmt.Errorf("mark message %d sent: %w", id, err)
	}
	return nil
}

func markRetry(ctx context.Context, db postgres.DBTX, id int64, after time.Duration, cause error) error {
	_, err := db.Exec(ctx, `UPDATE outbox SET next_attempt_at = now() + $2 * interval '1 millisecond',
		last_error = $3 WHERE id = $1`, id, after.Milliseconds(), cause.Error())
	if err != nil {
		return fmt.Errorf("mark message %d for retry: %w", id, err)
	}
	return nil
}

func markFinal(ctx context.Context, db postgres.DBTX, id int64, status string, cause error) error {
	_, err := db.Exec(ctx, `UPDATE outbox SET status = $2, last_error = $3 WHERE id = $1`, id, status, cause.Error())
	if err != nil {
		return fmt.Errorf("mark message %d %s: %w", id, status, err)
	}
	return nil
}

// TakePending marks as sent and returns every pending message to address
// on the channels given, oldest first. The console uses it to print the
// messages of the person it stands for.
func TakePending(ctx context.Context, db postgres.DBTX, address string, channels ...Channel) ([]Message, error) {
	names := make([]string, len(channels))
	for i, c := range channels {
		names[i] = string(c)
	}
	rows, err := db.Query(ctx, `
		UPDATE outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1,
			provider_message_id = 'console'
		WHERE id IN (
			SELECT id FROM outbox
			WHERE address = $1 AND channel = ANY($2) AND status = 'pending'
			FOR UPDATE SKIP LOCKED)
		RETURNING id, channel, address, body, buttons, attempts`, address, names)
	if err != nil {
		return nil, fmt.Errorf("take pending messages: %w", err)
	}
	msgs, err := pgx.CollectRows(rows, scanClaimed)
	if err != nil {
		return nil, fmt.Errorf("take pending messages: %w", err)
	}
	sortByID(msgs)
	out := make([]Message, len(msgs))
	for i, m := range msgs {
		out[i] = m.Message
	}
	return out, nil
}
