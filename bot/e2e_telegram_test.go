package bot_test

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/telegram"
	"github.com/drivelocal/drivelocal/bot/telegram/telegramtest"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
)

// chatID is the Telegram chat of the customer.
const chatID int64 = 512345678

// maxCallbackData is the Bot API's limit on a button's callback_data, in
// bytes.
const maxCallbackData = 64

// telegramRig is the Telegram channel end to end: a poller feeding the
// handler from a fake Bot API, and a sender loop delivering the outbox to
// the same fake.
type telegramRig struct {
	t    *testing.T
	fake *telegramtest.Server
	api  *tgbotapi.BotAPI
	seen int // messages of fake that next already returned
}

func newTelegramRig(t *testing.T) *telegramRig {
	t.Helper()
	fake := telegramtest.New(t)
	api, err := telegram.NewAPI(fake.Token(), fake.Endpoint(), nil)
	if err != nil {
		t.Fatalf("new telegram api: %v", err)
	}
	return &telegramRig{t: t, fake: fake, api: api}
}

// startPoller runs a poller that hands updates to handler until the test
// ends.
func (r *telegramRig) startPoller(db *pgxpool.Pool, handler bot.Handler) {
	r.t.Helper()
	poller := telegram.NewPoller(r.api, db, handler, discardLogger)
	poller.Timeout = time.Second
	poller.Backoff = 10 * time.Millisecond
	runInBackground(r.t, "telegram poller", poller.Run)
}

// startSender runs the Telegram sender loop until the test ends. Its poll
// interval is far longer than any wait of the tests, so that a message
// only goes out quickly when the outbox NOTIFY wakes the loop.
func (r *telegramRig) startSender(db *pgxpool.Pool) {
	r.t.Helper()
	loop := &bot.SenderLoop{DB: db, Channel: bot.Telegram, Sender: telegram.NewSender(r.api),
		Logger: discardLogger, PollInterval: time.Hour}
	runInBackground(r.t, "telegram sender", loop.Run)
}

// next waits for the next message sent to the chat and returns it.
func (r *telegramRig) next() telegramtest.SentMessage {
	r.t.Helper()
	sent := r.fake.WaitSent(r.t, r.seen+1, waitTimeout)
	m := sent[r.seen]
	r.seen++
	if m.ChatID != chatID {
		r.t.Errorf("message sent to chat %d, want %d: %q", m.ChatID, chatID, m.Text)
	}
	return m
}

// button returns the callback data of the button of m whose label
// contains label.
func button(t *testing.T, m telegramtest.SentMessage, label string) string {
	t.Helper()
	for _, row := range m.Keyboard {
		for _, b := range row {
			if strings.Contains(b.Text, label) {
				return b.CallbackData
			}
		}
	}
	t.Fatalf("no button %q in %+v of %q", label, m.Keyboard, m.Text)
	return ""
}

// buttonWithData returns data when m has a button whose callback data it is.
func buttonWithData(t *testing.T, m telegramtest.SentMessage, data string) string {
	t.Helper()
	for _, row := range m.Keyboard {
		for _, b := range row {
			if b.CallbackData == data {
				return data
			}
		}
	}
	t.Fatalf("no button with data %q in %+v of %q", data, m.Keyboard, m.Text)
	return ""
}

func TestTelegramOrderAccepted(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	rig := newTelegramRig(t)
	rig.startPoller(db, d)
	rig.startSender(db)
	sms := newSMSRig(t, db, d)
	var callbacks []int
	press := func(data string) {
		callbacks = append(callbacks, rig.fake.PushCallback(chatID, data))
	}

	rig.fake.PushText(chatID, "Bonjour")
	rig.next()
	rig.fake.PushText(chatID, "Cassis")
	shops := rig.next()
	press(button(t, shops, "Boulangerie du Port"))
	products := rig.next()
	if !strings.Contains(products.Text, "Baguette tradition 1,30 €") {
		t.Errorf("catalog lacks the baguette at 1,30 €:\n%s", products.Text)
	}
	if strings.Contains(products.Text, "EUR") {
		t.Errorf("Telegram catalog writes EUR, want €:\n%s", products.Text)
	}
	if !strings.Contains(products.Text, "Navettes à la fleur d'oranger") {
		t.Errorf("Telegram catalog lost its accents:\n%s", products.Text)
	}
	press(button(t, products, "Baguette tradition"))
	rig.next()
	rig.fake.PushText(chatID, "2")
	added := rig.next()
	if !strings.Contains(added.Text, "2,60 €") {
		t.Errorf("reply to the quantity lacks 2,60 €: %q", added.Text)
	}
	press(buttonWithData(t, added, "VALIDER"))
	summary := rig.next()
	press(buttonWithData(t, summary, "OUI"))
	confirmation := rig.next()

	ref := onlyOrderRef(t, db)
	if !strings.Contains(confirmation.Text, ref) {
		t.Errorf("confirmation lacks the reference %s: %q", ref, confirmation.Text)
	}
	newOrder := sms.drain()
	if len(newOrder) != 1 {
		t.Fatalf("Twilio received %d SMS after the order, want 1 to the merchant: %+v", len(newOrder), newOrder)
	}
	for _, fragment := range []string{ref, "Baguette tradition", "2,60 EUR", telegramtest.FirstName} {
		if !strings.Contains(smsTo(t, newOrder, boulangeriePhone).Body, fragment) {
			t.Errorf("merchant's new order lacks %q: %q", fragment, newOrder[0].Body)
		}
	}

	ack := sms.exchange(boulangeriePhone, "OK "+ref, 1)
	if !strings.Contains(smsTo(t, ack, boulangeriePhone).Body, ref) {
		t.Errorf("merchant's acknowledgement lacks %s: %q", ref, ack[0].Body)
	}
	news := rig.next()
	for _, fragment := range []string{ref, "Boulangerie du Port", "2,60 €"} {
		if !strings.Contains(news.Text, fragment) {
			t.Errorf("customer's news lacks %q: %q", fragment, news.Text)
		}
	}
	if got := getOrder(t, db, ref); got.Status != order.Accepted {
		t.Errorf("order status = %s, want accepted", got.Status)
	}

	answered := rig.fake.WaitAnswered(t, len(callbacks), waitTimeout)
	var answeredIDs, wantIDs []string
	for _, a := range answered {
		answeredIDs = append(answeredIDs, a.ID)
	}
	for _, id := range callbacks {
		wantIDs = append(wantIDs, telegramtest.CallbackID(id))
	}
	if !slices.Equal(answeredIDs, wantIDs) {
		t.Errorf("answered callback queries %v, want %v", answeredIDs, wantIDs)
	}
	for _, m := range rig.fake.Sent() {
		if m.ParseMode != "" {
			t.Errorf("message %q sent with parse mode %q, want plain text", m.Text, m.ParseMode)
		}
		for _, row := range m.Keyboard {
			for _, b := range row {
				if len(b.CallbackData) > maxCallbackData {
					t.Errorf("button %q has %d bytes of callback data, want at most %d", b.Text, len(b.CallbackData), maxCallbackData)
				}
			}
		}
	}
}

func TestTelegramLocationByDistance(t *testing.T) {
	db := demoDB(t)
	rig := newTelegramRig(t)
	rig.startPoller(db, newDispatcher(db))
	rig.startSender(db)
	// The quay of Cassis, 30 km or more from every merchant of Aix.
	const latitude, longitude = 43.2140, 5.5370

	rig.fake.PushLocation(chatID, latitude, longitude)
	list := rig.next()

	want := merchantsByDistance(t, db, latitude, longitude, 30)
	if len(want) != 3 {
		t.Fatalf("demo merchants within 30 km = %d, want the 3 of Cassis", len(want))
	}
	var got []string
	for _, row := range list.Keyboard {
		for _, b := range row {
			got = append(got, b.CallbackData)
		}
	}
	var wantData []string
	for _, m := range want {
		wantData = append(wantData, "m:"+strconv.FormatInt(m.ID, 10))
	}
	if !slices.Equal(got, wantData) {
		t.Errorf("merchant buttons %v, want %v, closest first", got, wantData)
	}
	last := -1
	for _, m := range want {
		at := strings.Index(list.Text, m.Name)
		if at <= last {
			t.Errorf("%s listed at %d, want after the closer merchants (%d):\n%s", m.Name, at, last, list.Text)
		}
		last = at
	}
	if !strings.Contains(list.Text, "km") {
		t.Errorf("list near a location gives no distance:\n%s", list.Text)
	}
}

// merchantsByDistance returns the demo merchants within radiusKm of the
// point, closest first, by the haversine formula.
func merchantsByDistance(t *testing.T, db *pgxpool.Pool, latitude, longitude, radiusKm float64) []catalog.Merchant {
	t.Helper()
	type near struct {
		merchant catalog.Merchant
		km       float64
	}
	var found []near
	for phone := 101; phone <= 107; phone++ {
		m := merchant(t, db, "+33600000"+strconv.Itoa(phone))
		km := haversineKm(latitude, longitude, *m.Latitude, *m.Longitude)
		if km <= radiusKm {
			found = append(found, near{m, km})
		}
	}
	slices.SortFunc(found, func(a, b near) int { return cmp.Compare(a.km, b.km) })
	var out []catalog.Merchant
	for _, n := range found {
		out = append(out, n.merchant)
	}
	return out
}

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Pow(math.Sin(dLat/2), 2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Pow(math.Sin(dLon/2), 2)
	return 2 * 6371 * math.Asin(math.Sqrt(a))
}

// countingHandler counts the calls per provider id before it hands the
// message on, and calls after, when set, once the message is handled.
type countingHandler struct {
	next  bot.Handler
	after func()

	mu    sync.Mutex
	calls map[string]int
}

func (h *countingHandler) Handle(ctx context.Context, in bot.Inbound) error {
	h.mu.Lock()
	if h.calls == nil {
		h.calls = map[string]int{}
	}
	h.calls[in.ProviderID]++
	h.mu.Unlock()
	err := h.next.Handle(ctx, in)
	if h.after != nil {
		h.after()
	}
	return err
}

func (h *countingHandler) count(providerID string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.calls[providerID]
}

func TestTelegramRedeliveryHandledOnce(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	rig := newTelegramRig(t)
	updateID := rig.fake.PushText(chatID, "Bonjour")
	providerID := strconv.Itoa(updateID)

	// The first poller stops right after handling the update, before any
	// getUpdates that would confirm it to Telegram.
	ctx, stop := context.WithCancel(t.Context())
	first := &countingHandler{next: d, after: stop}
	if err := telegram.NewPoller(rig.api, db, first, discardLogger).Run(ctx); err != nil {
		t.Fatalf("first poller: %v", err)
	}
	if n := first.count(providerID); n != 1 {
		t.Fatalf("first poller handled update %s %d times, want 1", providerID, n)
	}

	// As after a crash before the offset was stored, the next poller
	// starts from the old offset and gets the update again.
	if _, err := db.Exec(t.Context(), `UPDATE poller_offsets SET next_offset = $1`, updateID); err != nil {
		t.Fatalf("rewind offset: %v", err)
	}
	duplicates := inboundCount(t, bot.Telegram, "duplicate")
	second := &countingHandler{next: d}
	rig.startPoller(db, second)
	waitFor(t, "the second poller to handle the update", func() bool { return second.count(providerID) == 1 })
	waitFor(t, "the second poller to confirm the update", func() bool {
		return slices.Contains(rig.fake.Offsets(), updateID+1)
	})

	if got := inboundCount(t, bot.Telegram, "duplicate") - duplicates; got != 1 {
		t.Errorf("duplicates counted = %v, want 1", got)
	}
	if n := count(t, db, `SELECT count(*) FROM inbound_messages WHERE channel = 'telegram' AND provider_id = $1`, providerID); n != 1 {
		t.Errorf("inbound_messages rows for update %s = %d, want 1", providerID, n)
	}
	if n := count(t, db, `SELECT count(*) FROM outbox WHERE channel = 'telegram'`); n != 1 {
		t.Errorf("telegram outbox rows = %d, want the 1 reply to the greeting", n)
	}
}

// handleTelegram hands one message of the customer's Telegram chat to d:
// a pressed button when data is set, else text.
func handleTelegram(t *testing.T, d *bot.Dispatcher, text, data string) {
	t.Helper()
	in := bot.Inbound{Channel: bot.Telegram, Address: strconv.FormatInt(chatID, 10), ProviderID: nextProviderID(),
		Text: text, Data: data, FirstName: telegramtest.FirstName}
	if err := d.Handle(t.Context(), in); err != nil {
		t.Fatalf("handle %q %q: %v", text, data, err)
	}
}

func TestTelegramUnblockedGetsNews(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	rig := newTelegramRig(t)
	loop := &bot.SenderLoop{DB: db, Channel: bot.Telegram, Sender: telegram.NewSender(rig.api), Logger: discardLogger}
	chat := strconv.FormatInt(chatID, 10)

	// The customer blocks the bot: the next send gets 403 and the sender
	// records the opt-out.
	handleTelegram(t, d, "Bonjour", "")
	rig.fake.FailSends(1, telegramtest.Blocked())
	if _, err := loop.Drain(t.Context()); err != nil {
		t.Fatalf("drain: %v", err)
	}
	if n := count(t, db, `SELECT count(*) FROM opt_outs WHERE channel = 'telegram' AND address = $1`, chat); n != 1 {
		t.Fatalf("opt-outs of the chat after 403 = %d, want 1", n)
	}

	// A blocked bot receives nothing from the person, so these messages
	// mean the customer unblocked it.
	shop := merchant(t, db, boulangeriePhone)
	handleTelegram(t, d, "", "m:"+strconv.FormatInt(shop.ID, 10))
	handleTelegram(t, d, "1 x2", "")
	handleTelegram(t, d, "", "VALIDER")
	handleTelegram(t, d, "", "OUI")
	ref := onlyOrderRef(t, db)
	handleSMS(t, d, boulangeriePhone, "OK "+ref)

	news := count(t, db, `SELECT count(*) FROM outbox WHERE channel = 'telegram' AND address = $1
		AND status = 'pending' AND position($2 IN body) > 0 AND order_id IS NOT NULL`, chat, ref)
	if news != 2 {
		t.Errorf("pending Telegram messages about %s = %d, want 2: the confirmation and the acceptance", ref, news)
	}
}
