package telegram

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/telegram/telegramtest"
	"github.com/drivelocal/drivelocal/internal/logtest"
	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

// Tests in this file share one database through pgtest, so none of them
// runs in parallel.

const chatID = 512345678

type pollerFixture struct {
	fake    *telegramtest.Server
	db      *pgxpool.Pool
	handler *fakeHandler
	// logs is the output of the last poller newPoller returned.
	logs *logtest.Buffer
}

func newPollerFixture(t *testing.T) *pollerFixture {
	t.Helper()
	return &pollerFixture{
		fake:    telegramtest.New(t),
		db:      pgtest.Pool(t, "telegram"),
		handler: newFakeHandler(),
	}
}

// newPoller returns a poller with short waits, logging to f.logs.
func (f *pollerFixture) newPoller(t *testing.T) *Poller {
	t.Helper()
	log, logs := newTestLogger()
	f.logs = logs
	p := NewPoller(newFakeAPI(t, f.fake), f.db, f.handler, log)
	p.Timeout = time.Second
	p.Backoff = 5 * time.Millisecond
	p.MaxBackoff = 20 * time.Millisecond
	return p
}

// start runs p until the returned stop function is called or the test
// ends. stop waits for Run to return and fails the test if it returned an
// error or took more than 2 s.
func start(t *testing.T, p *Poller) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()

	stopped := false
	stop = func() {
		t.Helper()
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run returned %v, want nil", err)
			}
		case <-time.After(2 * time.Second):
			t.Errorf("Run did not return within 2s of cancellation")
		}
	}
	t.Cleanup(stop)
	return stop
}

// storedOffset returns the stored next offset, -1 when none is stored,
// or -2 when the query fails. It does not stop the test, so that handler
// hooks, which run on the poller's goroutine, can call it.
func storedOffset(t *testing.T, db *pgxpool.Pool) int {
	t.Helper()
	var offset int
	err := db.QueryRow(context.Background(), `SELECT next_offset FROM poller_offsets WHERE name = 'telegram'`).Scan(&offset)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return -1
	case err != nil:
		t.Errorf("read stored offset: %v", err)
		return -2
	}
	return offset
}

// waitOffset waits until the stored offset is want.
func waitOffset(t *testing.T, db *pgxpool.Pool, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := storedOffset(t, db)
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored offset = %d after 5s, want %d", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPollerHandlesUpdatesInOrder(t *testing.T) {
	f := newPollerFixture(t)
	textID := f.fake.PushText(chatID, "Bonjour")
	locationID := f.fake.PushLocation(chatID, 43.529742, 5.447427)
	callbackID := f.fake.PushCallback(chatID, "fulfilment:drive")

	start(t, f.newPoller(t))
	calls := f.handler.waitCalls(t, 3)
	waitOffset(t, f.db, callbackID+1)

	want := []string{strconv.Itoa(textID), strconv.Itoa(locationID), strconv.Itoa(callbackID)}
	if got := providerIDs(calls); !slices.Equal(got, want) {
		t.Fatalf("handled updates %v, want %v", got, want)
	}
	assertInbound(t, calls[0], bot.Inbound{Channel: bot.Telegram, Address: "512345678", ProviderID: want[0],
		Text: "Bonjour", FirstName: telegramtest.FirstName})
	assertInbound(t, calls[1], bot.Inbound{Channel: bot.Telegram, Address: "512345678", ProviderID: want[1],
		Location: &bot.Location{Latitude: 43.529742, Longitude: 5.447427}, FirstName: telegramtest.FirstName})
	assertInbound(t, calls[2], bot.Inbound{Channel: bot.Telegram, Address: "512345678", ProviderID: want[2],
		Data: "fulfilment:drive", FirstName: telegramtest.FirstName})
	if offsets := f.fake.Offsets(); offsets[0] != 0 {
		t.Errorf("first getUpdates offset = %d, want 0 with nothing stored", offsets[0])
	}
}

func TestPollerStoresOffsetOnlyAfterHandle(t *testing.T) {
	f := newPollerFixture(t)
	first := f.fake.PushText(chatID, "Bonjour")
	second := f.fake.PushText(chatID, "2 baguettes")
	seen := map[string]int{}
	f.handler.before = func(in bot.Inbound) { seen[in.ProviderID] = storedOffset(t, f.db) }

	start(t, f.newPoller(t))
	f.handler.waitCalls(t, 2)
	waitOffset(t, f.db, second+1)

	if got := seen[strconv.Itoa(first)]; got != -1 {
		t.Errorf("offset stored while the first update was handled = %d, want none", got)
	}
	if got := seen[strconv.Itoa(second)]; got != first+1 {
		t.Errorf("offset stored while the second update was handled = %d, want %d", got, first+1)
	}
}

func TestPollerRetriesFailedHandle(t *testing.T) {
	f := newPollerFixture(t)
	first := f.fake.PushText(chatID, "Bonjour")
	second := f.fake.PushText(chatID, "2 baguettes")
	f.handler.failFor(first, 2)
	var offsetsDuringFirst []int
	f.handler.before = func(in bot.Inbound) {
		if in.ProviderID == strconv.Itoa(first) {
			offsetsDuringFirst = append(offsetsDuringFirst, storedOffset(t, f.db))
		}
	}

	start(t, f.newPoller(t))
	calls := f.handler.waitCalls(t, 4)
	waitOffset(t, f.db, second+1)

	want := []string{strconv.Itoa(first), strconv.Itoa(first), strconv.Itoa(first), strconv.Itoa(second)}
	if got := providerIDs(calls); !slices.Equal(got, want) {
		t.Errorf("handled updates %v, want %v", got, want)
	}
	if !slices.Equal(offsetsDuringFirst, []int{-1, -1, -1}) {
		t.Errorf("offsets stored during the attempts on the first update = %v, want none each time", offsetsDuringFirst)
	}
	if !strings.Contains(f.logs.String(), "update_id="+strconv.Itoa(first)) {
		t.Errorf("logs do not name the failed update_id %d:\n%s", first, f.logs)
	}
}

func TestPollerSkipsUpdateAfterFailedAttempts(t *testing.T) {
	f := newPollerFixture(t)
	first := f.fake.PushText(chatID, "Bonjour")
	second := f.fake.PushText(chatID, "2 baguettes")
	f.handler.failFor(first, -1)

	start(t, f.newPoller(t))
	calls := f.handler.waitCalls(t, HandleAttempts+1)
	waitOffset(t, f.db, second+1)

	attempts := 0
	for _, in := range calls {
		if in.ProviderID == strconv.Itoa(first) {
			attempts++
		}
	}
	if attempts != HandleAttempts {
		t.Errorf("first update handled %d times, want %d", attempts, HandleAttempts)
	}
	if last := calls[len(calls)-1].ProviderID; last != strconv.Itoa(second) {
		t.Errorf("last handled update = %s, want %d", last, second)
	}
	logs := f.logs.String()
	wantLine := "level=ERROR msg=\"telegram update skipped after failed attempts\" channel=telegram chat=*******78 update_id=" + strconv.Itoa(first)
	if !strings.Contains(logs, wantLine) {
		t.Errorf("logs lack %q:\n%s", wantLine, logs)
	}
}

func TestPollerResumesFromStoredOffset(t *testing.T) {
	f := newPollerFixture(t)
	first := f.fake.PushText(chatID, "Bonjour")
	second := f.fake.PushText(chatID, "2 baguettes")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// Stop the first poller right after it handles the second update, so
	// that no getUpdates call confirms the updates to the fake.
	f.handler.before = func(in bot.Inbound) {
		if in.ProviderID == strconv.Itoa(second) {
			cancel()
		}
	}
	if err := f.newPoller(t).Run(ctx); err != nil {
		t.Fatalf("first Run: %v", err)
	}
	third := f.fake.PushText(chatID, "Livraison")
	pendingBeforeRestart := f.fake.Pending()
	offsetsBeforeRestart := len(f.fake.Offsets())
	f.handler.before = nil

	start(t, f.newPoller(t))
	calls := f.handler.waitCalls(t, 3)
	waitOffset(t, f.db, third+1)

	if pendingBeforeRestart != 3 {
		t.Errorf("fake held %d unconfirmed updates before the restart, want 3", pendingBeforeRestart)
	}
	want := []string{strconv.Itoa(first), strconv.Itoa(second), strconv.Itoa(third)}
	if got := providerIDs(calls); !slices.Equal(got, want) {
		t.Errorf("handled updates %v, want %v", got, want)
	}
	if got := f.fake.Offsets()[offsetsBeforeRestart]; got != second+1 {
		t.Errorf("first getUpdates offset after the restart = %d, want %d", got, second+1)
	}
}

func TestPollerAnswersCallbackBeforeHandle(t *testing.T) {
	f := newPollerFixture(t)
	updateID := f.fake.PushCallback(chatID, "fulfilment:delivery")
	answeredAtHandle := -1
	f.handler.before = func(bot.Inbound) { answeredAtHandle = len(f.fake.AnsweredCallbacks()) }

	start(t, f.newPoller(t))
	calls := f.handler.waitCalls(t, 1)
	answered := f.fake.WaitAnswered(t, 1, 5*time.Second)

	if answered[0].ID != telegramtest.CallbackID(updateID) {
		t.Errorf("answered callback query %q, want %q", answered[0].ID, telegramtest.CallbackID(updateID))
	}
	if answeredAtHandle != 1 {
		t.Errorf("callback queries answered when Handle ran = %d, want 1", answeredAtHandle)
	}
	if calls[0].Data != "fulfilment:delivery" {
		t.Errorf("Data = %q, want %q", calls[0].Data, "fulfilment:delivery")
	}
}

func TestPollerAnswersCallbackOnceAcrossRetries(t *testing.T) {
	f := newPollerFixture(t)
	updateID := f.fake.PushCallback(chatID, "fulfilment:drive")
	f.handler.failFor(updateID, 2)

	start(t, f.newPoller(t))
	f.handler.waitCalls(t, 3)
	waitOffset(t, f.db, updateID+1)

	if n := len(f.fake.AnsweredCallbacks()); n != 1 {
		t.Errorf("callback query answered %d times, want 1", n)
	}
}

func TestPollerHandsOverStickersAndSkipsEdits(t *testing.T) {
	f := newPollerFixture(t)
	sticker := f.fake.PushUpdate(readUpdate(t, "sticker.json"))
	edit := f.fake.PushUpdate(readUpdate(t, "edited_message.json"))
	text := f.fake.PushText(chatID, "Bonjour")

	start(t, f.newPoller(t))
	calls := f.handler.waitCalls(t, 2)
	waitOffset(t, f.db, text+1)

	want := []string{strconv.Itoa(sticker), strconv.Itoa(text)}
	if got := providerIDs(calls); !slices.Equal(got, want) {
		t.Errorf("handled updates %v, want %v", got, want)
	}
	if calls[0].Text != "" {
		t.Errorf("sticker Text = %q, want empty", calls[0].Text)
	}
	if !strings.Contains(f.logs.String(), "update_id="+strconv.Itoa(edit)) {
		t.Errorf("logs do not mention the skipped edit %d:\n%s", edit, f.logs)
	}
}

func TestPollerWaitsRetryAfterOnRateLimit(t *testing.T) {
	f := newPollerFixture(t)
	f.fake.Fail("getUpdates", 1, telegramtest.RateLimited(1))
	f.fake.PushText(chatID, "Bonjour")
	started := time.Now()

	start(t, f.newPoller(t))
	f.handler.waitCalls(t, 1)

	if elapsed := time.Since(started); elapsed < time.Second {
		t.Errorf("update handled %s after start, want at least the 1s retry_after", elapsed)
	}
	if logs := f.logs.String(); !strings.Contains(logs, "delay_ms=1000") {
		t.Errorf("logs lack the 1000 ms delay of retry_after:\n%s", logs)
	}
}

func TestPollerRetriesAfterServerError(t *testing.T) {
	f := newPollerFixture(t)
	f.fake.Fail("getUpdates", 2, telegramtest.ServerError())
	f.fake.PushText(chatID, "Bonjour")

	start(t, f.newPoller(t))
	f.handler.waitCalls(t, 1)

	logs := f.logs.String()
	if n := strings.Count(logs, "telegram getUpdates failed, retrying"); n != 2 {
		t.Errorf("logged %d getUpdates failures, want 2:\n%s", n, logs)
	}
	if !strings.Contains(logs, "Internal Server Error") {
		t.Errorf("logs lack the server's description:\n%s", logs)
	}
}

func TestPollerLogsHideToken(t *testing.T) {
	f := newPollerFixture(t)
	p := f.newPoller(t)
	p.api.SetAPIEndpoint(closedEndpoint(t))

	stop := start(t, p)
	time.Sleep(100 * time.Millisecond)
	stop()

	logs := f.logs.String()
	if !strings.Contains(logs, "/bot***/getUpdates") {
		t.Errorf("logs lack the failed getUpdates with the token replaced by ***:\n%s", logs)
	}
	if strings.Contains(logs, f.fake.Token()) {
		t.Errorf("logs contain the token:\n%s", logs)
	}
}

func TestPollerStopsDuringLongPoll(t *testing.T) {
	f := newPollerFixture(t)
	f.fake.Fail("getUpdates", 1, telegramtest.Delay(10*time.Second))
	p := f.newPoller(t)
	p.Timeout = 30 * time.Second

	stop := start(t, p)
	deadline := time.Now().Add(5 * time.Second)
	for f.fake.Requests("getUpdates") == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("poller made no getUpdates call within 5s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	started := time.Now()
	stop()

	if elapsed := time.Since(started); elapsed > time.Second {
		t.Errorf("Run returned %s after cancellation, want well under the 10s delay", elapsed)
	}
}

func TestPollerRejectsShortClientTimeout(t *testing.T) {
	f := newPollerFixture(t)
	api, err := NewAPI(f.fake.Token(), f.fake.Endpoint(), &http.Client{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("NewAPI: %v", err)
	}
	p := NewPoller(api, f.db, f.handler, nil)

	err = p.Run(t.Context())

	if err == nil || !strings.Contains(err.Error(), "poll timeout") {
		t.Errorf("Run returned %v, want an error about the poll timeout", err)
	}
}
