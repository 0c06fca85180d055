package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/shop"
)

// expire expires the orders whose time to answer is over, tells their
// customer and merchant, and puts the stock back. An order that its
// merchant or customer moved meanwhile is left alone.
func (s *Scheduler) expire(ctx context.Context, tx pgx.Tx, now time.Time) error {
	due, err := order.DueExpiries(ctx, tx, now.Add(-s.OrderExpiry))
	if err != nil {
		return err
	}
	for _, d := range due {
		o, err := order.Expire(ctx, tx, d.Ref)
		var statusErr *order.StatusError
		if errors.As(err, &statusErr) {
			continue
		}
		if err != nil {
			return err
		}
		if _, err := Notify(ctx, tx, s.Renderer, conversation.ExpiredNotices(o, d.Status)...); err != nil {
			return err
		}
		s.Logger.Info("order expired", "order_ref", o.Ref, "merchant", o.MerchantID, "was", d.Status)
	}
	return nil
}

// remind reminds merchants of the pending orders placed more than half
// of OrderExpiry ago.
func (s *Scheduler) remind(ctx context.Context, tx pgx.Tx, now time.Time) error {
	refs, err := order.MarkReminders(ctx, tx, now.Add(-s.OrderExpiry/2), now)
	if err != nil {
		return err
	}
	for _, ref := range refs {
		o, err := order.Get(ctx, tx, ref)
		if err != nil {
			return err
		}
		notice := conversation.ReminderNotice(o, o.CreatedAt.Add(s.OrderExpiry))
		if _, err := Notify(ctx, tx, s.Renderer, notice); err != nil {
			return err
		}
		s.Logger.Info("merchant reminded of order", "order_ref", o.Ref, "merchant", o.MerchantID)
	}
	return nil
}

// summarize sends the daily summaries due at now.
func (s *Scheduler) summarize(ctx context.Context, tx pgx.Tx, now time.Time) error {
	day, minute := localDay(now)
	ids, err := shop.MarkSummaries(ctx, tx, day, minute)
	if err != nil {
		return err
	}
	local := now.In(conversation.Paris)
	start := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, conversation.Paris)
	for _, id := range ids {
		if err := s.summarizeMerchant(ctx, tx, id, start, now); err != nil {
			return err
		}
	}
	return nil
}

func (s *Scheduler) summarizeMerchant(ctx context.Context, tx pgx.Tx, merchantID int64, from, to time.Time) error {
	m, err := catalog.GetMerchant(ctx, tx, merchantID)
	if err != nil {
		return fmt.Errorf("daily summary: %w", err)
	}
	summary, err := order.SummarizeDay(ctx, tx, merchantID, from, to)
	if err != nil {
		return err
	}
	out, err := shop.OutOfStock(ctx, tx, merchantID)
	if err != nil {
		return err
	}
	settings, err := shop.GetSettings(ctx, tx, merchantID)
	if err != nil {
		return err
	}
	if _, err := Notify(ctx, tx, s.Renderer, conversation.SummaryNotice(settings.NotifyPhone, from, summary, out)); err != nil {
		return err
	}
	s.Logger.Info("daily summary sent", "merchant", m.Ref, "orders", summary.Orders)
	return nil
}
