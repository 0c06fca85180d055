package sms

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/twilio/twilio-go/client"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/phone"
)

// WebhookPath is the path to configure as the messaging webhook of the
// Twilio number, with method POST.
const WebhookPath = "/webhooks/twilio/sms"

// emptyTwiML is the response that sends no reply message, because every
// reply goes out through the Messages API once the outbox commits it.
const emptyTwiML = `<?xml version="1.0" encoding="UTF-8"?><Response/>`

// maxFormBytes bounds the request body. Twilio's form for one SMS is a few
// kilobytes: the body has at most 1,600 characters, and a message carries
// at most ten media URLs.
const maxFormBytes = 64 << 10

// Webhook is the http.Handler for Twilio's incoming message webhook. It
// checks the X-Twilio-Signature header, passes the message to a
// bot.Handler and responds with empty TwiML.
type Webhook struct {
	validator client.RequestValidator
	baseURL   string
	handler   bot.Handler
	logger    *slog.Logger
}

// NewWebhook returns a Webhook that checks signatures with authToken.
// publicBaseURL is the scheme and host Twilio calls, such as
// "https://drivelocal.example" (PUBLIC_BASE_URL): Twilio signs the full URL
// it requested, so a proxy in front must keep the request path and query
// unchanged. A nil logger means slog.Default().
func NewWebhook(authToken, publicBaseURL string, handler bot.Handler, logger *slog.Logger) (*Webhook, error) {
	if authToken == "" {
		return nil, errors.New("create sms webhook: auth token is empty")
	}
	if handler == nil {
		return nil, errors.New("create sms webhook: handler is nil")
	}
	base, err := parseBaseURL(publicBaseURL)
	if err != nil {
		return nil, fmt.Errorf("create sms webhook: %w", err)
	}
	if logger == nil {
		logger = slog.Default()
	}
	return &Webhook{
		validator: client.NewRequestValidator(authToken),
		baseURL:   strings.TrimSuffix(base.String(), "/"),
		handler:   handler,
		logger:    logger,
	}, nil
}

// parseBaseURL checks that raw is an absolute http or https URL without
// query or fragment.
func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("invalid base URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("invalid base URL %q: want an absolute http or https URL such as https://drivelocal.example", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("invalid base URL %q: remove the query and fragment", raw)
	}
	return u, nil
}

// ServeHTTP handles one incoming SMS. It responds 405 to methods other
// than POST, 403 when the signature is missing or wrong, 400 to a form
// without MessageSid or From, 500 when the handler fails, and 200 with
// empty TwiML once the handler has committed the message.
//
// NOTE: after a 500 Twilio logs error 11217 and redelivers the message
// only if the webhook URL asks for retries with connection overrides
// (https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides).
// Otherwise the customer has to send it again.
func (wh *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed: use POST", http.StatusMethodNotAllowed)
		return
	}

	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		wh.rejectForm(w, err)
		return
	}
	if !wh.validSignature(r) {
		http.Error(w, "invalid Twilio signature", http.StatusForbidden)
		return
	}

	in, ok := wh.inbound(w, r.PostForm)
	if !ok {
		return
	}
	attrs := []any{"channel", bot.SMS, "phone", phone.Mask(in.Address), "message_sid", in.ProviderID}
	if err := wh.handler.Handle(r.Context(), in); err != nil {
		wh.logger.Error("handle incoming sms failed",
			append(attrs, "elapsed_ms", time.Since(start).Milliseconds(), "error", err)...)
		http.Error(w, "internal error: the message was not stored", http.StatusInternalServerError)
		return
	}
	wh.logger.Info("incoming sms handled", append(attrs, "elapsed_ms", time.Since(start).Milliseconds())...)

	w.Header().Set("Content-Type", "text/xml")
	_, _ = w.Write([]byte(emptyTwiML))
}

func (wh *Webhook) rejectForm(w http.ResponseWriter, err error) {
	wh.logger.Warn("parse sms webhook form failed", "channel", bot.SMS, "error", err)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	http.Error(w, "invalid form", http.StatusBadRequest)
}
