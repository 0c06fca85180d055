package sms

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/phone"
)

// inbound builds the bot.Inbound of a signed form. It responds 400 and
// returns false when MessageSid or From is missing.
func (wh *Webhook) inbound(w http.ResponseWriter, form url.Values) (bot.Inbound, bool) {
	sid := form.Get("MessageSid")
	from := form.Get("From")
	if sid == "" || from == "" {
		wh.logger.Warn("sms webhook form incomplete", "channel", bot.SMS, "message_sid", sid, "phone", phone.Mask(from))
		http.Error(w, "invalid form: MessageSid and From are required", http.StatusBadRequest)
		return bot.Inbound{}, false
	}
	return bot.Inbound{
		Channel:    bot.SMS,
		Address:    wh.normalizeSender(from, sid),
		ProviderID: sid,
		Text:       form.Get("Body"),
	}, true
}

// normalizeSender returns from in E.164 form. Twilio already sends E.164
// for phone numbers, but a sender can also be a short code or an
// alphanumeric sender ID, which is kept as is.
func (wh *Webhook) normalizeSender(from, sid string) string {
	e164, err := phone.Normalize(from)
	if err == nil {
		return e164
	}
	// phone.Normalize quotes the number in its error: mask it there too.
	masked := strings.ReplaceAll(err.Error(), from, phone.Mask(from))
	wh.logger.Warn("normalize sms sender failed, keeping it as is",
		"channel", bot.SMS, "phone", phone.Mask(from), "message_sid", sid, "error", masked)
	return from
}
