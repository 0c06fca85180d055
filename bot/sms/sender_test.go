package sms

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
)

var messageSID = regexp.MustCompile(`^SM[0-9a-f]{32}$`)

func newTestSender(t *testing.T, apiBaseURL string, timeout time.Duration) *Sender {
	t.Helper()
	s, err := NewSender(SenderConfig{
		AccountSID: testAccountSID,
		AuthToken:  testAuthToken,
		From:       "06 39 98 00 01",
		APIBaseURL: apiBaseURL,
		HTTPClient: &http.Client{Timeout: timeout},
	})
	if err != nil {
		t.Fatalf("NewSender: %v", err)
	}
	return s
}

func testMessage(text string) bot.Message {
	return bot.Message{ID: 7, Channel: bot.SMS, Address: testCustomer, Text: text}
}

// sendError sends one message and returns its *bot.SendError, failing the
// test when the send succeeds or returns another error type.
func sendError(t *testing.T, s *Sender, ctx context.Context) *bot.SendError {
	t.Helper()
	sid, err := s.Send(ctx, testMessage("Votre commande est prête"))
	if err == nil {
		t.Fatalf("Send returned SID %q, want an error", sid)
	}
	var sendErr *bot.SendError
	if !errors.As(err, &sendErr) {
		t.Fatalf("Send error %v (%T) is not a *bot.SendError", err, err)
	}
	if strings.Contains(err.Error(), testAuthToken) {
		t.Errorf("error %q contains the auth token", err)
	}
	if strings.Contains(err.Error(), testCustomer) {
		t.Errorf("error %q contains the unmasked phone number", err)
	}
	return sendErr
}

func TestSenderSuccess(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), time.Second)

	sid, err := s.Send(context.Background(), testMessage("Votre commande n°12 est prête à 9h.\nMerci !"))
	if err != nil {
		t.Fatalf("Send: %v", err)
	}

	if !messageSID.MatchString(sid) {
		t.Errorf("SID = %q, want SM and 32 hex digits", sid)
	}
	sent := fake.Sent()
	if len(sent) != 1 {
		t.Fatalf("fake received %d messages, want 1", len(sent))
	}
	if sent[0].SID != sid {
		t.Errorf("fake SID = %q, Send returned %q", sent[0].SID, sid)
	}
	if sent[0].To != testCustomer {
		t.Errorf("To = %q, want %q", sent[0].To, testCustomer)
	}
	if sent[0].From != testShopNumber {
		t.Errorf("From = %q, want the normalized %q", sent[0].From, testShopNumber)
	}
	if sent[0].Body != "Votre commande n°12 est prête à 9h.\nMerci !" {
		t.Errorf("Body = %q, want the message text unchanged", sent[0].Body)
	}
}

func TestSenderAlphanumericFrom(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s, err := NewSender(SenderConfig{
		AccountSID: testAccountSID, AuthToken: testAuthToken,
		From: "Drive Local", APIBaseURL: fake.URL(),
	})
	if err != nil {
		t.Fatalf("NewSender: %v", err)
	}

	if _, err := s.Send(context.Background(), testMessage("Bonjour")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got := fake.Sent()[0].From; got != "Drive Local" {
		t.Errorf("From = %q, want the sender ID", got)
	}
}

func TestSenderWrongAuthToken(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, "0123456789abcdef0123456789abcdef")
	s := newTestSender(t, fake.URL(), time.Second)

	sendErr := sendError(t, s, context.Background())

	if sendErr.Kind != bot.Fail {
		t.Errorf("kind = %v, want fail", sendErr.Kind)
	}
	if !strings.Contains(sendErr.Error(), "20003") {
		t.Errorf("error %q, want Twilio's error 20003", sendErr)
	}
	if got := fake.Sent(); len(got) != 0 {
		t.Errorf("fake accepted %+v, want nothing", got)
	}
}

func TestSenderRateLimited(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), time.Second)
	fake.FailNext(1, twiliotest.RateLimited())

	sendErr := sendError(t, s, context.Background())

	if sendErr.Kind != bot.Retry {
		t.Errorf("kind = %v, want retry", sendErr.Kind)
	}
	if sendErr.RetryAfter != 0 {
		t.Errorf("RetryAfter = %v, want 0 without a Retry-After header", sendErr.RetryAfter)
	}
	if _, err := s.Send(context.Background(), testMessage("Bonjour")); err != nil {
		t.Errorf("second Send: %v, want success once the fault is used", err)
	}
}

func TestSenderRetryAfterHeader(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), time.Second)
	fault := twiliotest.RateLimited()
	fault.RetryAfter = 3 * time.Second
	fake.FailNext(1, fault)

	sendErr := sendError(t, s, context.Background())

	if sendErr.RetryAfter != 3*time.Second {
		t.Errorf("RetryAfter = %v, want 3s", sendErr.RetryAfter)
	}
}

func TestSenderServerError(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), time.Second)
	fake.FailNext(1, twiliotest.ServerError())

	if kind := sendError(t, s, context.Background()).Kind; kind != bot.Retry {
		t.Errorf("kind = %v, want retry", kind)
	}
}

func TestSenderUnsubscribed(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), time.Second)
	fake.FailNext(1, twiliotest.Unsubscribed())

	sendErr := sendError(t, s, context.Background())

	if sendErr.Kind != bot.Stopped {
		t.Errorf("kind = %v, want stopped", sendErr.Kind)
	}
	if !strings.Contains(sendErr.Error(), "21610") {
		t.Errorf("error %q, want Twilio's code 21610", sendErr)
	}
}

func TestSenderInvalidTo(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), time.Second)
	fake.FailNext(1, twiliotest.InvalidTo())

	sendErr := sendError(t, s, context.Background())

	if sendErr.Kind != bot.Fail {
		t.Errorf("kind = %v, want fail", sendErr.Kind)
	}
	// Twilio's message quotes the number, which must appear masked.
	if !strings.Contains(sendErr.Error(), "+33*******78") {
		t.Errorf("error %q, want the masked number", sendErr)
	}
}

func TestSenderTimeout(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), 200*time.Millisecond)
	fake.FailNext(1, twiliotest.Slow(5*time.Second))

	start := time.Now()
	sendErr := sendError(t, s, context.Background())

	if sendErr.Kind != bot.Retry {
		t.Errorf("kind = %v, want retry", sendErr.Kind)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("Send took %v, want about the 200ms timeout", elapsed)
	}
	if !errors.Is(sendErr, context.DeadlineExceeded) {
		t.Errorf("error %v, want context.DeadlineExceeded in its chain", sendErr)
	}
}

func TestSenderCancelledContext(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), 5*time.Second)
	fake.FailNext(1, twiliotest.Slow(5*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()

	start := time.Now()
	sendErr := sendError(t, s, ctx)

	if sendErr.Kind != bot.Retry {
		t.Errorf("kind = %v, want retry", sendErr.Kind)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("Send took %v, want it to stop with the context", elapsed)
	}
}

func TestSenderConnectionRefused(t *testing.T) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedURL := "http://" + listener.Addr().String()
	listener.Close()
	s := newTestSender(t, closedURL, time.Second)

	if kind := sendError(t, s, context.Background()).Kind; kind != bot.Retry {
		t.Errorf("kind = %v, want retry", kind)
	}
}

func TestSenderProxyErrorPage(t *testing.T) {
	// A proxy in front of Twilio returns a 502 HTML page, which twilio-go
	// cannot decode as a Twilio error.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html><body>502 Bad Gateway</body></html>"))
	}))
	defer proxy.Close()
	s := newTestSender(t, proxy.URL, time.Second)

	if kind := sendError(t, s, context.Background()).Kind; kind != bot.Retry {
		t.Errorf("kind = %v, want retry", kind)
	}
}

func TestSenderUndecodableSuccess(t *testing.T) {
	// A 201 means Twilio queued the message: sending it again would
	// duplicate it, even if the body cannot be read.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte("queued"))
	}))
	defer proxy.Close()
	s := newTestSender(t, proxy.URL, time.Second)

	if kind := sendError(t, s, context.Background()).Kind; kind != bot.Fail {
		t.Errorf("kind = %v, want fail", kind)
	}
}

func TestSenderInvalidAddress(t *testing.T) {
	s := newTestSender(t, "http://127.0.0.1:1", time.Second)
	m := testMessage("Bonjour")
	m.Address = "12"

	_, err := s.Send(context.Background(), m)

	if kind, _ := bot.ClassifySendError(err); err == nil || kind != bot.Fail {
		t.Errorf("Send error = %v, want a fail", err)
	}
}

func TestSenderAPIBaseURLWithPath(t *testing.T) {
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	target, err := url.Parse(fake.URL())
	if err != nil {
		t.Fatal(err)
	}
	proxy := httptest.NewServer(http.StripPrefix("/twilio", httputil.NewSingleHostReverseProxy(target)))
	defer proxy.Close()
	s := newTestSender(t, proxy.URL+"/twilio/", time.Second)

	if _, err := s.Send(context.Background(), testMessage("Bonjour")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got := len(fake.Sent()); got != 1 {
		t.Errorf("fake received %d messages, want 1", got)
	}
}

func TestSenderIgnoresEdgeWithAPIBaseURL(t *testing.T) {
	// twilio-go would send to api.dublin.ie1.twilio.com.
	t.Setenv("TWILIO_EDGE", "dublin")
	t.Setenv("TWILIO_REGION", "ie1")
	fake := twiliotest.New(t, testAccountSID, testAuthToken)
	s := newTestSender(t, fake.URL(), time.Second)

	if _, err := s.Send(context.Background(), testMessage("Bonjour")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if got := len(fake.Sent()); got != 1 {
		t.Errorf("fake received %d messages, want 1", got)
	}
}

func TestNewSenderRejectsBadConfig(t *testing.T) {
	valid := SenderConfig{AccountSID: testAccountSID, AuthToken: testAuthToken, From: testShopNumber}
	tests := []struct {
		name   string
		change func(*SenderConfig)
	}{
		{"empty account SID", func(c *SenderConfig) { c.AccountSID = "" }},
		{"empty auth token", func(c *SenderConfig) { c.AuthToken = "" }},
		{"auth token with symbols", func(c *SenderConfig) { c.AuthToken = testAuthToken + "%" }},
		{"empty from", func(c *SenderConfig) { c.From = "" }},
		{"from neither number nor sender ID", func(c *SenderConfig) { c.From = "Drive-Local!" }},
		{"sender ID too long", func(c *SenderConfig) { c.From = "DriveLocal12" }},
		{"API base URL without scheme", func(c *SenderConfig) { c.APIBaseURL = "127.0.0.1:8080" }},
		{"API base URL with query", func(c *SenderConfig) { c.APIBaseURL = "http://127.0.0.1:8080?a=1" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := valid
			tt.change(&cfg)
			_, err := NewSender(cfg)
			if err == nil {
				t.Fatal("NewSender returned no error")
			}
			if strings.Contains(err.Error(), testAuthToken) {
				t.Errorf("error %q contains the auth token", err)
			}
		})
	}
}

func TestRedactHidesTokenAndNumber(t *testing.T) {
	inner := errors.New("POST https://AC1:" + testAuthToken + "@api.twilio.com for " + testCustomer)

	err := redact(inner, testAuthToken, testCustomer)

	if strings.Contains(err.Error(), testAuthToken) {
		t.Errorf("error %q contains the auth token", err)
	}
	if strings.Contains(err.Error(), testCustomer) {
		t.Errorf("error %q contains the unmasked number", err)
	}
	if !errors.Is(err, inner) {
		t.Error("redacted error does not wrap the original")
	}
}
