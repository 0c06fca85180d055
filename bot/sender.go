package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"golang.org/x/time/rate"

	"github.com/drivelocal/drivelocal/phone"
)

// Defaults of a SenderLoop.
const (
	DefaultPollInterval = 2 * time.Second
	DefaultMaxAttempts  = 8
	DefaultLease        = 2 * time.Minute
	DefaultSendTimeout  = 30 * time.Second
	maxBackoff          = 10 * time.Minute
	claimBatch          = 20
)

// SenderLoop drains the outbox of one channel through its Sender, within a
// rate limit, and records the outcome of every attempt.
type SenderLoop struct {
	DB      *pgxpool.Pool
	Channel Channel
	Sender  Sender
	// Limiter bounds the send rate; nil means no limit.
	Limiter *rate.Limiter
	Logger  *slog.Logger

	PollInterval time.Duration // between two looks at the outbox without a NOTIFY
	MaxAttempts  int           // attempts before a message is marked failed
	Lease        time.Duration // how long a claimed message is kept from other senders
	SendTimeout  time.Duration // for one provider call
}

func (l *SenderLoop) defaults() {
	if l.PollInterval == 0 {
		l.PollInterval = DefaultPollInterval
	}
	if l.MaxAttempts == 0 {
		l.MaxAttempts = DefaultMaxAttempts
	}
	if l.Lease == 0 {
		l.Lease = DefaultLease
	}
	if l.SendTimeout == 0 {
		l.SendTimeout = DefaultSendTimeout
	}
	if l.Logger == nil {
		l.Logger = slog.Default()
	}
}

// Run sends until ctx is cancelled. It wakes on the outbox NOTIFY that
// Enqueue sends, and also every PollInterval for retries that fall due.
func (l *SenderLoop) Run(ctx context.Context) error {
	l.defaults()
	l.Logger.Info("sender started", "channel", l.Channel)
	defer l.Logger.Info("sender stopped", "channel", l.Channel)

	conn, err := l.DB.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("sender %s: %w", l.Channel, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+outboxNotifyChannel); err != nil {
		return fmt.Errorf("sender %s: listen: %w", l.Channel, err)
	}

	for {
		if _, err := l.Drain(ctx); err != nil && ctx.Err() == nil {
			l.Logger.Error("drain outbox failed", "channel", l.Channel, "error", err)
		}
		wait, cancel := context.WithTimeout(ctx, l.PollInterval)
		_, err := conn.Conn().WaitForNotification(wait)
		cancel()
		if ctx.Err() != nil {
			return nil
		}
		if err != nil && !errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("sender %s: wait for notification: %w", l.Channel, err)
		}
	}
}

// Drain sends every message that is due now and returns how many it tried.
func (l *SenderLoop) Drain(ctx context.Context) (int, error) {
	l.defaults()
	total := 0
	for {
		msgs, err := claim(ctx, l.DB, l.Channel, claimBatch, l.Lease)
		if err != nil {
			return total, err
		}
		if len(msgs) == 0 {
			return total, nil
		}
		for _, m := range msgs {
			if err := l.send(ctx, m); err != nil {
				return total, err
			}
			total++
		}
	}
}

// send makes one attempt and records its outcome. It returns an error only
// when the outcome could not be recorded.
func (l *SenderLoop) send(ctx context.Context, m claimed) error {
	if l.Limiter != nil {
		if err := l.Limiter.Wait(ctx); err != nil {
			return err
		}
	}
	start := time.Now()
	sendCtx, cancel := context.WithTimeout(ctx, l.SendTimeout)
	providerID, err := l.Sender.Send(sendCtx, m.Message)
	cancel()
	log := l.Logger.With("channel", l.Channel, "outbox_id", m.ID, "to", phone.Mask(m.Address),
		"attempt", m.Attempt, "elapsed_ms", time.Since(start).Milliseconds())

	if err == nil {
		outboundTotal.WithLabelValues(string(l.Channel), "sent").Inc()
		log.Debug("message sent", "provider_id", providerID)
		return markSent(ctx, l.DB, m.ID, providerID)
	}

	kind, after := ClassifySendError(err)
	if kind == Retry && m.Attempt >= l.MaxAttempts {
		kind = Fail
	}
	outboundTotal.WithLabelValues(string(l.Channel), kind.String()).Inc()
	switch kind {
	case Retry:
		if after == 0 {
			after = backoff(m.Attempt)
		}
		log.Warn("send failed, will retry", "error", err, "retry_in_ms", after.Milliseconds())
		return markRetry(ctx, l.DB, m.ID, after, err)
	case Stopped:
		log.Warn("recipient stopped messages", "error", err)
		if err := optOut(ctx, l.DB, l.Channel, m.Address, "provider"); err != nil {
			return err
		}
		return markFinal(ctx, l.DB, m.ID, "stopped", err)
	default:
		log.Error("send failed for good", "error", err)
		return markFinal(ctx, l.DB, m.ID, "failed", err)
	}
}

// backoff doubles the wait with each attempt: 1 s, 2 s, 4 s... up to
// maxBackoff.
func backoff(attempt int) time.Duration {
	d := time.Second << max(attempt-1, 0)
	if d <= 0 || d > maxBackoff {
		return maxBackoff
	}
	return d
}
