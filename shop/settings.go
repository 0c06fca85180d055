package shop

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// ErrNotShopPhone is returned when notifications are sent to a phone that
// is neither the merchant's phone nor one of its staff phones.
var ErrNotShopPhone = errors.New("phone is not one of the merchant's")

// SetClosed stops (closed true) or resumes the merchant's orders. until is
// the last closed day, or nil to stay closed until the merchant reopens.
func SetClosed(ctx context.Context, tx pgx.Tx, merchantID int64, closed bool, until *time.Time) error {
	if !closed {
		until = nil
	}
	_, err := tx.Exec(ctx, `UPDATE merchants SET closed = $2, closed_until = $3, updated_at = now()
		WHERE id = $1`, merchantID, closed, until)
	if err != nil {
		return fmt.Errorf("set merchant %d closed: %w", merchantID, err)
	}
	return nil
}

// AddStaff lets a phone act for the merchant. A phone that already acts
// for a merchant, this one included, gives ErrPhoneTaken. So does the
// phone of a customer who ordered or fills a basket: as staff it would
// lose its customer conversation, and a mistyped number would take over
// a stranger's.
func AddStaff(ctx context.Context, tx pgx.Tx, merchantID int64, phone string) error {
	tag, err := tx.Exec(ctx, `INSERT INTO merchant_phones (phone, merchant_id)
		SELECT $1, $2
		WHERE NOT EXISTS (SELECT 1 FROM merchants WHERE phone = $1 AND status <> 'rejected')
		AND NOT EXISTS (SELECT 1 FROM conversations c
			WHERE c.address = $1 AND c.channel IN ('sms', 'console')
			AND (EXISTS (SELECT 1 FROM orders o WHERE o.conversation_id = c.id)
				OR jsonb_array_length(COALESCE(c.state->'basket'->'lines', '[]')) > 0))
		ON CONFLICT (phone) DO NOTHING`, phone, merchantID)
	if err != nil {
		return fmt.Errorf("add staff phone to merchant %d: %w", merchantID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("add staff phone to merchant %d: %w", merchantID, ErrPhoneTaken)
	}
	return nil
}

// Staff returns the merchant's staff phones, oldest first.
func Staff(ctx context.Context, db postgres.DBTX, merchantID int64) ([]string, error) {
	rows, err := db.Query(ctx, `SELECT phone FROM merchant_phones WHERE merchant_id = $1 ORDER BY created_at, phone`, merchantID)
	if err != nil {
		return nil, fmt.Errorf("list staff of merchant %d: %w", merchantID, err)
	}
	phones, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list staff of merchant %d: %w", merchantID, err)
	}
	return phones, nil
}

// SetNotifyPhone sends the merchant's notifications (new orders,
// reminders, summaries) to one of its phones.
func SetNotifyPhone(ctx context.Context, tx pgx.Tx, merchantID int64, phone string) error {
	tag, err := tx.Exec(ctx, `UPDATE merchants SET notify_phone = $2, updated_at = now()
		WHERE id = $1 AND (phone = $2 OR EXISTS (
			SELECT 1 FROM merchant_phones WHERE phone = $2 AND merchant_id = $1))`, merchantID, phone)
	if err != nil {
		return fmt.Errorf("set notification phone of merchant %d: %w", merchantID, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("set notification phone of merchant %d: %w", merchantID, ErrNotShopPhone)
	}
	return nil
}

// SetSummaryTime sets the daily summary's time in minutes after midnight
// (Europe/Paris), or stops it when minute is nil. A non-nil sentOn is
// recorded as the last day sent, so that a time already past today starts
// tomorrow; nil keeps the day recorded.
func SetSummaryTime(ctx context.Context, tx pgx.Tx, merchantID int64, minute *int, sentOn *time.Time) error {
	_, err := tx.Exec(ctx, `UPDATE merchants SET summary_minute = $2,
			summary_sent_on = COALESCE($3::date, summary_sent_on), updated_at = now()
		WHERE id = $1`, merchantID, minute, sentOn)
	if err != nil {
		return fmt.Errorf("set summary time of merchant %d: %w", merchantID, err)
	}
	return nil
}

// MarkSummaries marks as sent today the summaries of the approved
// merchants whose time (minutes after midnight) is at or before minute and
// that were not sent today, and returns their ids. The conditional update
// makes two schedulers send each summary once.
func MarkSummaries(ctx context.Context, tx pgx.Tx, today time.Time, minute int) ([]int64, error) {
	rows, err := tx.Query(ctx, `UPDATE merchants SET summary_sent_on = $1
		WHERE status = 'approved' AND summary_minute <= $2
			AND (summary_sent_on IS NULL OR summary_sent_on < $1)
		RETURNING id`, today, minute)
	if err != nil {
		return nil, fmt.Errorf("mark daily summaries: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("mark daily summaries: %w", err)
	}
	return ids, nil
}

// Settings are the options a merchant sets by SMS beyond its catalog.
type Settings struct {
	Staff         []string // staff phones, E.164
	NotifyPhone   string   // the phone that receives notifications
	SummaryMinute *int     // daily summary time, minutes after midnight
	OpeningHours  string
}

// GetSettings returns the merchant's settings.
func GetSettings(ctx context.Context, db postgres.DBTX, merchantID int64) (Settings, error) {
	var s Settings
	err := db.QueryRow(ctx, `SELECT COALESCE(notify_phone, phone), summary_minute, opening_hours
		FROM merchants WHERE id = $1`, merchantID).Scan(&s.NotifyPhone, &s.SummaryMinute, &s.OpeningHours)
	if err != nil {
		return Settings{}, fmt.Errorf("get settings of merchant %d: %w", merchantID, err)
	}
	if s.Staff, err = Staff(ctx, db, merchantID); err != nil {
		return Settings{}, err
	}
	return s, nil
}
