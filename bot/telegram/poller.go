package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
)

// Defaults of a Poller's settings.
const (
	DefaultTimeout    = 30 * time.Second
	DefaultBackoff    = time.Second
	DefaultMaxBackoff = time.Minute
)

// HandleAttempts is how many times the poller calls Handle for one update
// before it logs an error and skips the update.
const HandleAttempts = 5

const (
	// updatesLimit is the maximum number of updates one getUpdates returns,
	// the Bot API's maximum.
	updatesLimit = 100
	// requestMargin is added to the poll timeout to get the deadline of a
	// getUpdates request, to leave time for the network.
	requestMargin = 10 * time.Second
	// storeTimeout bounds the write of the offset, which also runs while
	// the poller stops.
	storeTimeout = 5 * time.Second
)

// Poller long-polls getUpdates and hands each update to a bot.Handler, one
// at a time and in update_id order. Run only one Poller per bot token,
// because Telegram ends all but the latest of concurrent getUpdates calls
// with 409 Conflict.
type Poller struct {
	// Timeout is how long one getUpdates call waits for an update. The Bot
	// API takes whole seconds, so it is rounded up to a whole second. Zero
	// means DefaultTimeout.
	Timeout time.Duration
	// Backoff is the wait after the first failure of getUpdates or Handle,
	// doubled after each further failure. Zero means DefaultBackoff.
	Backoff time.Duration
	// MaxBackoff is the maximum wait between retries. Zero means
	// DefaultMaxBackoff.
	MaxBackoff time.Duration

	api     *tgbotapi.BotAPI
	db      *pgxpool.Pool
	handler bot.Handler
	log     *slog.Logger
}

// NewPoller returns a Poller that reads updates with api, stores its
// offset in db and hands updates to handler. A nil log means
// slog.Default().
func NewPoller(api *tgbotapi.BotAPI, db *pgxpool.Pool, handler bot.Handler, log *slog.Logger) *Poller {
	if log == nil {
		log = slog.Default()
	}
	return &Poller{api: api, db: db, handler: handler, log: log}
}

// Run polls for updates and handles them until ctx is cancelled, then
// returns nil. It starts from the offset stored in poller_offsets under
// the name "telegram", or 0 when none is stored. After an update is
// handled or skipped, Run stores update_id+1 as the next offset before it
// moves on. So an update is handed over twice only when the process stops
// between Handle and that write, and the handler then ignores it by its
// ProviderID. Run returns an error only when the API's *http.Client has a
// timeout that is not longer than the poll timeout.
func (p *Poller) Run(ctx context.Context) error {
	if err := p.checkClientTimeout(); err != nil {
		return err
	}
	offset, ok := p.startOffset(ctx)
	if !ok {
		return nil
	}
	p.log.Info("telegram poller started", "channel", bot.Telegram, "next_offset", offset)
	defer p.log.Info("telegram poller stopped", "channel", bot.Telegram)

	retries := p.newBackoff()
	for ctx.Err() == nil {
		updates, err := p.fetch(ctx, offset)
		if err != nil {
			p.waitAfterFetchError(ctx, err, &retries)
			continue
		}
		retries.reset()

		for _, u := range updates {
			if u.UpdateID < offset {
				continue
			}
			if !p.process(ctx, u) {
				return nil
			}
			offset = u.UpdateID + 1
			p.saveOffset(ctx, offset)
		}
	}
	return nil
}

func (p *Poller) fetch(ctx context.Context, offset int) ([]tgbotapi.Update, error) {
	timeout := p.pollTimeout()
	ctx, cancel := context.WithTimeout(ctx, timeout+requestMargin)
	defer cancel()

	cfg := tgbotapi.UpdateConfig{
		Offset:         offset,
		Limit:          updatesLimit,
		Timeout:        int(timeout / time.Second),
		AllowedUpdates: allowedUpdates,
	}
	updates, err := withContext(ctx, p.api).GetUpdates(cfg)
	if err != nil {
		return nil, fmt.Errorf("telegram getUpdates from offset %d: %w", offset, scrub(err, p.api.Token))
	}
	return updates, nil
}

// waitAfterFetchError logs err and waits for the next backoff, or for the
// retry_after of a 429 response when that is longer.
func (p *Poller) waitAfterFetchError(ctx context.Context, err error, retries *backoff) {
	if ctx.Err() != nil {
		return
	}
	delay := retries.next()
	if requested := retryAfter(err); requested > delay {
		delay = requested
	}
	p.log.Warn("telegram getUpdates failed, retrying",
		"channel", bot.Telegram, "failures", retries.failures, "delay_ms", delay.Milliseconds(), "error", err)
	sleep(ctx, delay)
}

// startOffset loads the stored offset, retrying until it succeeds or ctx
// is cancelled.
func (p *Poller) startOffset(ctx context.Context) (int, bool) {
	retries := p.newBackoff()
	for {
		offset, err := loadOffset(ctx, p.db)
		if err == nil {
			return offset, true
		}
		if ctx.Err() != nil {
			return 0, false
		}
		delay := retries.next()
		p.log.Error("telegram poller cannot start, retrying",
			"channel", bot.Telegram, "delay_ms", delay.Milliseconds(), "error", err)
		if !sleep(ctx, delay) {
			return 0, false
		}
	}
}

// saveOffset stores next even while ctx is being cancelled, so that an
// update handled just before a stop is not handed over again. A failed
// write is only logged: the next successful one covers this update.
func (p *Poller) saveOffset(ctx context.Context, next int) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeTimeout)
	defer cancel()
	if err := storeOffset(ctx, p.db, next); err != nil {
		p.log.Error("telegram offset not stored", "channel", bot.Telegram, "next_offset", next, "error", err)
	}
}

func (p *Poller) checkClientTimeout() error {
	client, ok := p.api.Client.(*http.Client)
	if !ok || client.Timeout == 0 || client.Timeout > p.pollTimeout() {
		return nil
	}
	return fmt.Errorf("run telegram poller: http client timeout %s is not longer than the poll timeout %s: raise the client timeout or lower Poller.Timeout",
		client.Timeout, p.pollTimeout())
}

// pollTimeout returns Timeout rounded up to whole seconds.
func (p *Poller) pollTimeout() time.Duration {
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return (timeout + time.Second - 1).Truncate(time.Second)
}

func (p *Poller) newBackoff() backoff {
	b := backoff{base: p.Backoff, max: p.MaxBackoff}
	if b.base <= 0 {
		b.base = DefaultBackoff
	}
	if b.max <= 0 {
		b.max = DefaultMaxBackoff
	}
	return b
}

// retryAfter returns the retry_after of a 429 response, or zero.
func retryAfter(err error) time.Duration {
	var apiErr *tgbotapi.Error
	if !errors.As(err, &apiErr) || apiErr.Code != http.StatusTooManyRequests {
		return 0
	}
	return time.Duration(apiErr.RetryAfter) * time.Second
}
