package sms

import (
	"context"
	"log/slog"
	"sync"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
	"github.com/drivelocal/drivelocal/internal/logtest"
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

// newTestLogger returns a logger that writes JSON at debug level to the
// returned buffer.
func newTestLogger() (*slog.Logger, *logtest.Buffer) {
	logs := &logtest.Buffer{}
	return logs.JSON(slog.LevelDebug), logs
}

func newTestWebhook(t *testing.T, h bot.Handler) (*Webhook, *logtest.Buffer) {
	t.Helper()
	logger, logs := newTestLogger()
	wh, err := NewWebhook(testAuthToken, testBaseURL, h, logger)
	if err != nil {
		t.Fatalf("NewWebhook: %v", err)
	}
	return wh, logs
}
