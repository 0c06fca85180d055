package bot

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/conversation"
)

// Defaults of a Scheduler.
const (
	DefaultOrderExpiry       = 120 * time.Minute
	DefaultSchedulerInterval = time.Minute
)

// Scheduler runs the timed jobs: it reminds merchants of orders they did
// not answer, halfway through OrderExpiry; it expires the orders nobody
// answered within OrderExpiry, putting their stock back; and it sends each
// merchant's daily summary at the time the merchant chose. Every job is a
// conditional update, so several schedulers may run at once.
type Scheduler struct {
	DB       *pgxpool.Pool
	Renderer *Renderer
	Logger   *slog.Logger
	// Now is the clock; nil means time.Now. Tests move it instead of
	// sleeping.
	Now func() time.Time
	// OrderExpiry is how long a pending order waits for its merchant, and
	// a proposed order for its customer; 0 means DefaultOrderExpiry.
	OrderExpiry time.Duration
	// Interval is the time between two runs of the jobs; 0 means
	// DefaultSchedulerInterval.
	Interval time.Duration
}

func (s *Scheduler) defaults() {
	if s.OrderExpiry == 0 {
		s.OrderExpiry = DefaultOrderExpiry
	}
	if s.Interval == 0 {
		s.Interval = DefaultSchedulerInterval
	}
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
	if s.Now == nil {
		s.Now = time.Now
	}
}

// Run runs the jobs every Interval until ctx is cancelled. A failed run is
// logged and retried at the next interval.
func (s *Scheduler) Run(ctx context.Context) error {
	s.defaults()
	s.Logger.Info("scheduler started", "order_expiry", s.OrderExpiry.String(), "interval", s.Interval.String())
	defer s.Logger.Info("scheduler stopped")
	ticker := time.NewTicker(s.Interval)
	defer ticker.Stop()
	for {
		if err := s.Tick(ctx); err != nil && ctx.Err() == nil {
			s.Logger.Error("scheduled jobs failed", "error", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-ticker.C:
		}
	}
}

// Tick runs every job once, at the time of the clock: expiries first, so
// that an order due for both is not reminded, then reminders, then daily
// summaries.
func (s *Scheduler) Tick(ctx context.Context) error {
	s.defaults()
	now := s.Now()
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return s.expire(ctx, tx, now) }); err != nil {
		return err
	}
	if err := s.inTx(ctx, func(tx pgx.Tx) error { return s.remind(ctx, tx, now) }); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx pgx.Tx) error { return s.summarize(ctx, tx, now) })
}

// inTx runs job in a transaction and commits it.
func (s *Scheduler) inTx(ctx context.Context, job func(pgx.Tx) error) error {
	tx, err := s.DB.Begin(ctx)
	if err != nil {
		return fmt.Errorf("scheduled job: %w", err)
	}
	defer tx.Rollback(ctx)
	if err := job(tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("scheduled job: commit: %w", err)
	}
	return nil
}

// localDay returns the day of t in Europe/Paris, as a date at midnight
// UTC (how PostgreSQL's date values come back), and the minutes after
// midnight.
func localDay(t time.Time) (time.Time, int) {
	local := t.In(conversation.Paris)
	day := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
	return day, local.Hour()*60 + local.Minute()
}
