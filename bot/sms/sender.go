package sms

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"time"

	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/phone"
)

// DefaultTimeout bounds one Messages API request when
// SenderConfig.HTTPClient is nil or has no Timeout. It is twilio-go's
// default.
const DefaultTimeout = 10 * time.Second

// An Alphanumeric Sender ID has up to 11 ASCII letters, digits and
// spaces, with at least one letter
// (https://www.twilio.com/docs/glossary/what-alphanumeric-sender-id).
var (
	senderIDChars  = regexp.MustCompile(`^[A-Za-z0-9 ]{1,11}$`)
	senderIDLetter = regexp.MustCompile(`[A-Za-z]`)
)

var lettersAndDigits = regexp.MustCompile(`^[A-Za-z0-9]+$`)

// SenderConfig configures a Sender.
type SenderConfig struct {
	AccountSID string // TWILIO_ACCOUNT_SID, "AC" and 32 hex digits
	AuthToken  string // TWILIO_AUTH_TOKEN
	// From is the Twilio phone number, in any form phone.Normalize
	// accepts, or an Alphanumeric Sender ID.
	From string
	// APIBaseURL replaces https://api.twilio.com, for a proxy or a fake
	// such as twiliotest (TWILIO_API_BASE_URL). Empty means Twilio.
	APIBaseURL string
	// HTTPClient sends the requests. Its Timeout bounds each send, and
	// DefaultTimeout applies when it is zero. Nil means a client with
	// http.DefaultTransport. Redirects are never followed, as in twilio-go.
	HTTPClient *http.Client
}

// Sender sends SMS through Twilio's Messages API with twilio-go. It
// implements bot.Sender and is safe for concurrent use.
type Sender struct {
	accountSID string
	authToken  string
	from       string
	baseURL    *url.URL // nil for Twilio itself
	httpClient http.Client
	timeout    time.Duration
}

// NewSender checks cfg and returns a Sender.
func NewSender(cfg SenderConfig) (*Sender, error) {
	if cfg.AccountSID == "" || cfg.AuthToken == "" {
		return nil, errors.New("create sms sender: account SID and auth token are required")
	}
	// twilio-go rejects other characters in each request (errors 21222
	// and 21224), so reject them once here.
	if !lettersAndDigits.MatchString(cfg.AccountSID) || !lettersAndDigits.MatchString(cfg.AuthToken) {
		return nil, errors.New("create sms sender: account SID and auth token must contain only letters and digits")
	}
	from, err := normalizeFrom(cfg.From)
	if err != nil {
		return nil, fmt.Errorf("create sms sender: %w", err)
	}
	s := &Sender{accountSID: cfg.AccountSID, authToken: cfg.AuthToken, from: from}
	if cfg.APIBaseURL != "" {
		if s.baseURL, err = parseBaseURL(cfg.APIBaseURL); err != nil {
			return nil, fmt.Errorf("create sms sender: API %w", err)
		}
	}
	s.httpClient, s.timeout = splitHTTPClient(cfg.HTTPClient)
	if s.baseURL != nil {
		s.httpClient.Transport = &baseURLTransport{base: s.baseURL, next: s.httpClient.Transport}
	}
	return s, nil
}

// normalizeFrom returns from in E.164 form, or unchanged when it is an
// Alphanumeric Sender ID.
func normalizeFrom(from string) (string, error) {
	e164, err := phone.Normalize(from)
	if err == nil {
		return e164, nil
	}
	if senderIDChars.MatchString(from) && senderIDLetter.MatchString(from) {
		return from, nil
	}
	return "", fmt.Errorf("invalid From %q: want a phone number or an Alphanumeric Sender ID: %w", from, err)
}

// splitHTTPClient copies hc without its Timeout, which Send applies to its
// context instead (see callTransport), and returns the timeout.
func splitHTTPClient(hc *http.Client) (http.Client, time.Duration) {
	var c http.Client
	if hc != nil {
		c = *hc
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	c.Timeout = 0
	if c.Transport == nil {
		c.Transport = http.DefaultTransport
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c, timeout
}

// Send sends m.Text to m.Address and returns the Message SID. Every error
// is a *bot.SendError. Twilio error 21610 (the recipient replied STOP) is
// Stopped. HTTP 429, 5xx, network errors and timeouts are Retry. Other 4xx,
// a success response without a Message SID and an address that is not a
// phone number are Fail.
// Errors never contain the auth token, and show phone numbers masked.
func (s *Sender) Send(ctx context.Context, m bot.Message) (string, error) {
	to, err := phone.Normalize(m.Address)
	if err != nil {
		return "", &bot.SendError{Kind: bot.Fail, Err: fmt.Errorf("send sms: %w", redact(err, "", m.Address))}
	}

	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	call := &callTransport{ctx: ctx, next: s.httpClient.Transport}

	params := (&openapi.CreateMessageParams{}).SetTo(to).SetFrom(s.from).SetBody(m.Text)
	msg, err := s.api(call).CreateMessage(params)
	if err == nil && (msg.Sid == nil || *msg.Sid == "") {
		err = errors.New("response has no sid")
	}
	if err != nil {
		err = fmt.Errorf("create twilio message to %s: %w", phone.Mask(to), err)
		return "", classify(redact(err, s.authToken, to), call.status, call.header)
	}
	return *msg.Sid, nil
}

// api returns a Messages API client whose requests go through call.
func (s *Sender) api(call *callTransport) *openapi.ApiService {
	hc := s.httpClient
	hc.Transport = call
	c := &client.Client{Credentials: client.NewCredentials(s.accountSID, s.authToken), HTTPClient: &hc}
	c.SetAccountSid(s.accountSID)
	if s.baseURL == nil {
		return openapi.NewApiServiceWithClient(c)
	}
	// Without TWILIO_EDGE and TWILIO_REGION, which NewRequestHandler reads
	// and which would move requests off api.twilio.com, the host that
	// baseURLTransport rewrites.
	return openapi.NewApiService(&client.RequestHandler{Client: c})
}
