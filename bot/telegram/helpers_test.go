package telegram

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/telegram/telegramtest"
	"github.com/drivelocal/drivelocal/internal/logtest"
)

// fakeHandler records every Handle call and fails on demand.
type fakeHandler struct {
	mu    sync.Mutex
	calls []bot.Inbound
	// failures maps a ProviderID to how many more calls fail for it; a
	// negative count fails every call.
	failures map[string]int
	// before, when set, runs at the start of each call.
	before  func(in bot.Inbound)
	changed chan struct{}
}

func newFakeHandler() *fakeHandler {
	return &fakeHandler{failures: map[string]int{}, changed: make(chan struct{})}
}

func (h *fakeHandler) Handle(ctx context.Context, in bot.Inbound) error {
	if h.before != nil {
		h.before(in)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.calls = append(h.calls, in)
	close(h.changed)
	h.changed = make(chan struct{})

	switch n := h.failures[in.ProviderID]; {
	case n < 0:
		return errors.New("handle: database is down")
	case n > 0:
		h.failures[in.ProviderID] = n - 1
		return errors.New("handle: database is down")
	}
	return nil
}

// failFor makes the next n calls for updateID fail, or all of them when n
// is negative.
func (h *fakeHandler) failFor(updateID, n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failures[strconv.Itoa(updateID)] = n
}

func (h *fakeHandler) Calls() []bot.Inbound {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]bot.Inbound(nil), h.calls...)
}

// waitCalls waits until the handler was called at least n times.
func (h *fakeHandler) waitCalls(t *testing.T, n int) []bot.Inbound {
	t.Helper()
	deadline := time.NewTimer(5 * time.Second)
	defer deadline.Stop()
	for {
		h.mu.Lock()
		count, changed := len(h.calls), h.changed
		h.mu.Unlock()
		if count >= n {
			return h.Calls()
		}
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("handler called %d times after 5s, want %d: %+v", count, n, h.Calls())
		}
	}
}

// providerIDs returns the ProviderID of each call.
func providerIDs(calls []bot.Inbound) []string {
	ids := make([]string, 0, len(calls))
	for _, in := range calls {
		ids = append(ids, in.ProviderID)
	}
	return ids
}

func newTestLogger() (*slog.Logger, *logtest.Buffer) {
	logs := &logtest.Buffer{}
	return logs.Text(slog.LevelDebug), logs
}

func newFakeAPI(t *testing.T, fake *telegramtest.Server) *tgbotapi.BotAPI {
	t.Helper()
	api, err := NewAPI(fake.Token(), fake.Endpoint(), nil)
	if err != nil {
		t.Fatalf("NewAPI: %v", err)
	}
	return api
}

// closedEndpoint returns an endpoint on 127.0.0.1 where nothing listens,
// so that requests fail with a network error.
func closedEndpoint(t *testing.T) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	addr := listener.Addr().String()
	if err := listener.Close(); err != nil {
		t.Fatalf("close listener: %v", err)
	}
	return "http://" + addr + "/bot%s/%s"
}
