package sms

import (
	"bytes"
	"context"
	"log/slog"
	"sync"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
)

const (
	testAccountSID = twiliotest.DefaultAccountSID
	testAuthToken  = "f3a1c9e7b5d24680a1b2c3d4e5f60718"
	testBaseURL    = "https://drivelocal.example"
	testCustomer   = "+33612345678"
	testShopNumber = twiliotest.DefaultNumber
)

// fakeHandler records every inbound message and returns err, which a test
// sets to make Handle fail.
type fakeHandler struct {
	mu  sync.Mutex
	got []bot.Inbound
	err error
}

func (h *fakeHandler) Handle(_ context.Context, in bot.Inbound) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.got = append(h.got, in)
	return h.err
}

func (h *fakeHandler) failWith(err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.err = err
}

func (h *fakeHandler) received() []bot.Inbound {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]bot.Inbound(nil), h.got...)
}

// logBuffer collects log output written from server goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTestLogger returns a logger that writes JSON at debug level to the
// returned buffer.
func newTestLogger() (*slog.Logger, *logBuffer) {
	logs := &logBuffer{}
	return slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})), logs
}

func newTestWebhook(t *testing.T, h bot.Handler) (*Webhook, *logBuffer) {
	t.Helper()
	logger, logs := newTestLogger()
	wh, err := NewWebhook(testAuthToken, testBaseURL, h, logger)
	if err != nil {
		t.Fatalf("NewWebhook: %v", err)
	}
	return wh, logs
}
