package telegram

import (
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/bot/telegram/telegramtest"
)

func TestNewAPIChecksTokenWithGetMe(t *testing.T) {
	fake := telegramtest.New(t)

	api, err := NewAPI(fake.Token(), fake.Endpoint(), nil)

	if err != nil {
		t.Fatalf("NewAPI: %v", err)
	}
	if api.Self.UserName != "drivelocal_test_bot" {
		t.Errorf("Self.UserName = %q, want %q", api.Self.UserName, "drivelocal_test_bot")
	}
	if api.Debug {
		t.Errorf("Debug = true, want false")
	}
}

func TestNewAPIRejectsWrongToken(t *testing.T) {
	fake := telegramtest.New(t)
	const wrong = "999999:AAWrongTokenWrongTokenWrongToken"

	_, err := NewAPI(wrong, fake.Endpoint(), nil)

	if err == nil {
		t.Fatalf("NewAPI with a wrong token returned no error")
	}
	if !strings.Contains(err.Error(), "Unauthorized") {
		t.Errorf("error = %q, want it to contain %q", err, "Unauthorized")
	}
	if strings.Contains(err.Error(), wrong) {
		t.Errorf("error = %q contains the token", err)
	}
}

func TestNewAPIScrubsTokenFromNetworkError(t *testing.T) {
	const token = "123456:AASecretTokenThatMustNotLeak"

	_, err := NewAPI(token, closedEndpoint(t), nil)

	if err == nil {
		t.Fatalf("NewAPI against a closed port returned no error")
	}
	if strings.Contains(err.Error(), token) {
		t.Errorf("error = %q contains the token", err)
	}
	if !strings.Contains(err.Error(), "/bot***/getMe") {
		t.Errorf("error = %q, want the URL with the token replaced by ***", err)
	}
}

func TestNewAPIRejectsInvalidSettings(t *testing.T) {
	cases := []struct {
		name     string
		token    string
		endpoint string
		want     string
	}{
		{name: "empty token", token: "", endpoint: "", want: "bot token is empty"},
		{name: "endpoint without verbs", token: "123:abc", endpoint: "http://127.0.0.1:1/bot", want: "invalid endpoint"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewAPI(tc.token, tc.endpoint, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestScrubKeepsURLErrorType(t *testing.T) {
	const token = "123456:AA/Secret+Token"
	inner := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("i/o timeout")}
	original := &url.Error{Op: "Post", URL: "https://api.telegram.org/bot" + url.PathEscape(token) + "/getMe", Err: inner}

	err := scrub(original, token)

	var urlErr *url.Error
	if !errors.As(err, &urlErr) {
		t.Fatalf("scrub returned %T, want *url.Error", err)
	}
	if urlErr.URL != "https://api.telegram.org/bot***/getMe" {
		t.Errorf("URL = %q, want the token replaced by ***", urlErr.URL)
	}
	if !errors.Is(err, inner) {
		t.Errorf("scrubbed error does not wrap the original inner error")
	}
}

func TestScrubFlattensOtherErrors(t *testing.T) {
	const token = "123456:AASecret"

	err := scrub(errors.New("request to /bot123456:AASecret/getMe failed"), token)

	if err.Error() != "request to /bot***/getMe failed" {
		t.Errorf("error = %q, want the token replaced by ***", err)
	}
}

func TestScrubLeavesErrorsWithoutToken(t *testing.T) {
	original := errors.New("Too Many Requests: retry after 3")

	if err := scrub(original, "123456:AASecret"); err != original {
		t.Errorf("scrub returned %v, want the original error", err)
	}
}

func TestWithContextKeepsOriginalClient(t *testing.T) {
	fake := telegramtest.New(t)
	client := &http.Client{Timeout: time.Minute}
	api, err := NewAPI(fake.Token(), fake.Endpoint(), client)
	if err != nil {
		t.Fatalf("NewAPI: %v", err)
	}

	bound := withContext(t.Context(), api)

	if api.Client != client {
		t.Errorf("withContext changed the client of the original BotAPI")
	}
	if _, err := bound.GetMe(); err != nil {
		t.Errorf("GetMe through the bound copy: %v", err)
	}
}

func TestNewAPIKeepsGivenClient(t *testing.T) {
	fake := telegramtest.New(t)
	client := &http.Client{Timeout: time.Minute}

	api, err := NewAPI(fake.Token(), fake.Endpoint(), client)

	if err != nil {
		t.Fatalf("NewAPI: %v", err)
	}
	if api.Client != client {
		t.Errorf("Client = %v, want the client given to NewAPI", api.Client)
	}
}
