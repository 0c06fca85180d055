package telegram

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/phone"
)

// DefaultSendTimeout bounds one sendMessage request when Sender.Timeout is
// zero.
const DefaultSendTimeout = 10 * time.Second

// Sender delivers messages with sendMessage: plain text, without parse
// mode, and the buttons as an inline keyboard. It implements bot.Sender.
type Sender struct {
	// Timeout bounds one sendMessage request. Zero means
	// DefaultSendTimeout.
	Timeout time.Duration

	api *tgbotapi.BotAPI
}

// NewSender returns a Sender that sends with api.
func NewSender(api *tgbotapi.BotAPI) *Sender {
	return &Sender{api: api}
}

// Send sends m to the chat whose id is m.Address and returns Telegram's
// message_id as a decimal string. Every error is a *bot.SendError. Its kind
// is Retry for 429 (with RetryAfter set from retry_after), 5xx, network
// errors and timeouts. It is Stopped for 403, which means the person
// blocked the bot or deleted their account. It is Fail for other 4xx and
// for a message whose channel or address is not Telegram's.
func (s *Sender) Send(ctx context.Context, m bot.Message) (string, error) {
	cfg, err := messageConfig(m)
	if err != nil {
		return "", &bot.SendError{Kind: bot.Fail, Err: err}
	}

	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultSendTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	sent, err := withContext(ctx, s.api).Send(cfg)
	if err != nil {
		err = fmt.Errorf("telegram sendMessage to chat %s: %w", phone.Mask(m.Address), scrub(err, s.api.Token))
		return "", classify(err)
	}
	return strconv.Itoa(sent.MessageID), nil
}

func messageConfig(m bot.Message) (tgbotapi.MessageConfig, error) {
	if m.Channel != bot.Telegram {
		return tgbotapi.MessageConfig{}, fmt.Errorf("send outbox message %d with telegram: channel is %q, not %q", m.ID, m.Channel, bot.Telegram)
	}
	chatID, err := parseChatID(m.Address)
	if err != nil {
		return tgbotapi.MessageConfig{}, fmt.Errorf("send outbox message %d with telegram: %w", m.ID, err)
	}
	cfg := tgbotapi.NewMessage(chatID, m.Text)
	if keyboard := inlineKeyboard(m.Buttons); keyboard != nil {
		cfg.ReplyMarkup = *keyboard
	}
	return cfg, nil
}

// parseChatID parses a chat id written in decimal. It rejects a leading
// "+", which strconv accepts, so that a phone number is never taken for a
// chat id.
func parseChatID(address string) (int64, error) {
	id, err := strconv.ParseInt(address, 10, 64)
	if err != nil || strings.HasPrefix(address, "+") || id == 0 {
		return 0, fmt.Errorf("invalid chat id %q: want a decimal Telegram chat id", phone.Mask(address))
	}
	return id, nil
}

// inlineKeyboard returns one keyboard row per row of buttons, skipping
// empty rows, or nil when there is no button.
func inlineKeyboard(rows [][]bot.Button) *tgbotapi.InlineKeyboardMarkup {
	var keyboard [][]tgbotapi.InlineKeyboardButton
	for _, row := range rows {
		if len(row) == 0 {
			continue
		}
		buttons := make([]tgbotapi.InlineKeyboardButton, 0, len(row))
		for _, b := range row {
			buttons = append(buttons, tgbotapi.NewInlineKeyboardButtonData(b.Label, b.Data))
		}
		keyboard = append(keyboard, buttons)
	}
	if keyboard == nil {
		return nil
	}
	markup := tgbotapi.NewInlineKeyboardMarkup(keyboard...)
	return &markup
}

// classify wraps err in a *bot.SendError whose kind follows the Bot API's
// error_code. Errors without a code (network errors, timeouts, a response
// that is not JSON) are Retry.
func classify(err error) *bot.SendError {
	var apiErr *tgbotapi.Error
	if !errors.As(err, &apiErr) {
		return &bot.SendError{Kind: bot.Retry, Err: err}
	}
	switch code := apiErr.Code; {
	case code == http.StatusTooManyRequests:
		return &bot.SendError{Kind: bot.Retry, RetryAfter: retryAfter(err), Err: err}
	case code == http.StatusForbidden:
		return &bot.SendError{Kind: bot.Stopped, Err: err}
	case code >= 400 && code < 500:
		return &bot.SendError{Kind: bot.Fail, Err: err}
	default:
		return &bot.SendError{Kind: bot.Retry, Err: err}
	}
}
