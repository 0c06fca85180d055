package sms

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/twilio/twilio-go/client"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/phone"
)

// codeUnsubscribed is Twilio's error 21610, "Attempt to send to
// unsubscribed recipient": the recipient replied STOP to this sender, and
// Twilio rejects every message to them until they reply START
// (https://www.twilio.com/docs/errors/21610).
const codeUnsubscribed = 21610

// classify wraps err from CreateMessage in a *bot.SendError. status and
// header are those of the HTTP response, with status 0 when none arrived.
func classify(err error, status int, header http.Header) *bot.SendError {
	var restErr *client.TwilioRestError
	isRestErr := errors.As(err, &restErr)
	if isRestErr && restErr.Code == codeUnsubscribed {
		return &bot.SendError{Kind: bot.Stopped, Err: err}
	}
	if status == 0 && isRestErr {
		// twilio-go rejects credentials with characters other than letters
		// and digits before sending anything, as a TwilioRestError.
		status = restErr.Status
	}

	switch {
	case status == 0:
		// No response: network error, timeout or cancelled context.
		// NOTE: after a timeout Twilio may have queued the message anyway,
		// so a retry can send it twice.
		return &bot.SendError{Kind: bot.Retry, Err: err}
	case status == http.StatusTooManyRequests:
		// Twilio never processes a request that gets a 429
		// (https://www.twilio.com/docs/api/errors/20429).
		return &bot.SendError{Kind: bot.Retry, RetryAfter: retryAfter(header), Err: err}
	case status >= 500:
		return &bot.SendError{Kind: bot.Retry, Err: err}
	default:
		// Other 4xx, or a 2xx or 3xx whose body is not a Message. A 2xx
		// means Twilio queued the message, so it must not be sent again.
		return &bot.SendError{Kind: bot.Fail, Err: err}
	}
}

// retryAfter returns the delay of a Retry-After header in seconds or as an
// HTTP date, or zero.
func retryAfter(header http.Header) time.Duration {
	value := header.Get("Retry-After")
	if value == "" {
		return 0
	}
	if seconds, err := strconv.Atoi(value); err == nil && seconds > 0 {
		return time.Duration(seconds) * time.Second
	}
	if at, err := http.ParseTime(value); err == nil {
		return max(time.Until(at), 0)
	}
	return 0
}

// redactedError hides secrets and phone numbers in the message of an
// error and keeps the error chain for errors.As.
type redactedError struct {
	err      error
	replacer *strings.Replacer
}

func (e *redactedError) Error() string { return e.replacer.Replace(e.err.Error()) }

func (e *redactedError) Unwrap() error { return e.err }

// redact returns err with the auth token replaced by "[redacted]" and the
// recipient's number masked, because Twilio's messages quote the number,
// as in "The 'To' number +33612345678 is not a valid phone number.".
func redact(err error, authToken, to string) error {
	var pairs []string
	if authToken != "" {
		pairs = append(pairs, authToken, "[redacted]")
	}
	if to != "" {
		pairs = append(pairs, to, phone.Mask(to))
	}
	return &redactedError{err: err, replacer: strings.NewReplacer(pairs...)}
}
