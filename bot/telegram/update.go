package telegram

import (
	"context"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/phone"
)

// answerTimeout bounds one answerCallbackQuery request.
const answerTimeout = 10 * time.Second

// process answers u's callback query if it has one, then hands u to the
// handler. It reports false when ctx was cancelled before u was handled or
// skipped, so that its offset must not be stored.
func (p *Poller) process(ctx context.Context, u tgbotapi.Update) bool {
	if u.CallbackQuery != nil {
		p.answerCallback(ctx, u.UpdateID, u.CallbackQuery)
	}
	in, ok := toInbound(u)
	if !ok {
		p.log.Debug("telegram update skipped: not a message or a callback query from a chat",
			"channel", bot.Telegram, "update_id", u.UpdateID)
		return true
	}
	return p.handle(ctx, u.UpdateID, in)
}

// handle calls the handler until it succeeds or fails HandleAttempts
// times, waiting with a backoff between attempts.
func (p *Poller) handle(ctx context.Context, updateID int, in bot.Inbound) bool {
	retries := p.newBackoff()
	chat := phone.Mask(in.Address)
	for attempt := 1; ; attempt++ {
		start := time.Now()
		err := p.handler.Handle(ctx, in)
		elapsed := time.Since(start).Milliseconds()
		if err == nil {
			p.log.Debug("telegram update handled",
				"channel", bot.Telegram, "chat", chat, "update_id", updateID, "elapsed_ms", elapsed)
			return true
		}
		if ctx.Err() != nil {
			return false
		}

		err = scrub(err, p.api.Token)
		if attempt >= HandleAttempts {
			p.log.Error("telegram update skipped after failed attempts",
				"channel", bot.Telegram, "chat", chat, "update_id", updateID, "attempts", attempt, "error", err)
			return true
		}
		delay := retries.next()
		p.log.Warn("handle telegram update failed, retrying",
			"channel", bot.Telegram, "chat", chat, "update_id", updateID, "attempt", attempt,
			"elapsed_ms", elapsed, "delay_ms", delay.Milliseconds(), "error", err)
		if !sleep(ctx, delay) {
			return false
		}
	}
}

// answerCallback answers q at once, so that the person's app stops showing
// progress on the button. A failed answer is logged and not retried,
// because the handler replies anyway.
func (p *Poller) answerCallback(ctx context.Context, updateID int, q *tgbotapi.CallbackQuery) {
	ctx, cancel := context.WithTimeout(ctx, answerTimeout)
	defer cancel()
	if _, err := withContext(ctx, p.api).Request(tgbotapi.NewCallback(q.ID, "")); err != nil {
		p.log.Warn("telegram answerCallbackQuery failed",
			"channel", bot.Telegram, "update_id", updateID, "error", scrub(err, p.api.Token))
	}
}
