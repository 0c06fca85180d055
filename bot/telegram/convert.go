package telegram

import (
	"strconv"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/drivelocal/drivelocal/bot"
)

// allowedUpdates are the update types the poller requests. While this list
// is in force Telegram sends no other types, such as edited_message, which
// also carries each move of a live location.
var allowedUpdates = []string{"message", "callback_query"}

// toInbound converts u into the Inbound handed to the handler, and reports
// false for an update the handler should not see. A message with neither
// text nor location (a sticker, a photo, a voice note) becomes an Inbound
// with empty Text, so that the conversation can reply with a hint. Updates
// other than a message or a callback query, and updates with no chat to
// reply to (a callback query on an inline message), are reported false.
func toInbound(u tgbotapi.Update) (bot.Inbound, bool) {
	in := bot.Inbound{
		Channel:    bot.Telegram,
		ProviderID: strconv.Itoa(u.UpdateID),
	}
	switch {
	case u.Message != nil:
		return fromMessage(in, u.Message)
	case u.CallbackQuery != nil:
		return fromCallback(in, u.CallbackQuery)
	}
	return in, false
}

func fromMessage(in bot.Inbound, m *tgbotapi.Message) (bot.Inbound, bool) {
	if m.Chat == nil {
		return in, false
	}
	in.Address = strconv.FormatInt(m.Chat.ID, 10)
	in.Text = m.Text
	if m.Location != nil {
		in.Location = &bot.Location{Latitude: m.Location.Latitude, Longitude: m.Location.Longitude}
	}
	if m.From != nil {
		in.FirstName = m.From.FirstName
	}
	return in, true
}

func fromCallback(in bot.Inbound, q *tgbotapi.CallbackQuery) (bot.Inbound, bool) {
	if q.Message == nil || q.Message.Chat == nil {
		return in, false
	}
	in.Address = strconv.FormatInt(q.Message.Chat.ID, 10)
	in.Data = q.Data
	if q.From != nil {
		in.FirstName = q.From.FirstName
	}
	return in, true
}
