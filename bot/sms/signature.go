package sms

import (
	"net/http"

	"github.com/drivelocal/drivelocal/bot"
)

// signatureHeader carries Twilio's HMAC-SHA1 of the request URL and POST
// parameters, keyed with the account's auth token
// (https://www.twilio.com/docs/usage/webhooks/webhooks-security).
const signatureHeader = "X-Twilio-Signature"

// validSignature checks the X-Twilio-Signature of r, whose form is parsed,
// against the public URL Twilio called. Only the POST parameters are
// signed as parameters: the query string is part of the URL.
func (wh *Webhook) validSignature(r *http.Request) bool {
	sid := r.PostForm.Get("MessageSid")
	signature := r.Header.Get(signatureHeader)
	if signature == "" {
		wh.logger.Warn("sms webhook signature missing", "channel", bot.SMS, "message_sid", sid)
		return false
	}

	// twilio-go's Validate takes one value per parameter. Twilio's form for
	// an incoming SMS never repeats a parameter.
	params := make(map[string]string, len(r.PostForm))
	for name, values := range r.PostForm {
		params[name] = values[0]
	}
	fullURL := wh.baseURL + r.URL.RequestURI()
	if !wh.validator.Validate(fullURL, params, signature) {
		wh.logger.Warn("sms webhook signature invalid", "channel", bot.SMS, "message_sid", sid)
		return false
	}
	return true
}
