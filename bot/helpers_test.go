package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/gsm7"
	"github.com/drivelocal/drivelocal/bot/sms"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/locales"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

// Phones of the tests. The merchants' are those of the demo catalog.
const (
	customerPhone    = "+33612345678"
	strangerPhone    = "+33698765432"
	primeursPhone    = "+33600000101" // Primeurs de la Fontaine, Aix-en-Provence, drive and delivery
	boulangeriePhone = "+33600000102" // Boulangerie du Port, Cassis, drive only
)

// Twilio credentials that the fake Messages API and the webhook share.
const (
	accountSID = twiliotest.DefaultAccountSID
	authToken  = "f3a1c9e7b5d24680a1b2c3d4e5f60718"
)

// waitTimeout bounds every wait for a message or a condition.
const waitTimeout = 10 * time.Second

var discardLogger = slog.New(slog.DiscardHandler)

// demoDB returns the package's emptied test database with the demo
// catalog loaded.
func demoDB(t testing.TB) *pgxpool.Pool {
	t.Helper()
	db := pgtest.Pool(t, "bot")
	if _, err := catalog.LoadDemo(t.Context(), db); err != nil {
		t.Fatalf("load demo catalog: %v", err)
	}
	return db
}

func newRenderer() *bot.Renderer {
	return bot.NewRenderer(locales.MustBundle())
}

func newDispatcher(db *pgxpool.Pool) *bot.Dispatcher {
	return &bot.Dispatcher{DB: db, Renderer: newRenderer(), Logger: discardLogger}
}

// render renders lines as one French message for the channel, to compare
// a sent message with what a reply of the conversation gives.
func render(t *testing.T, ch bot.Channel, lines ...conversation.Text) string {
	t.Helper()
	m, err := newRenderer().Render(ch, conversation.French, "", conversation.Reply{Lines: lines})
	if err != nil {
		t.Fatalf("render %v: %v", lines, err)
	}
	return m.Text
}

// providerIDs numbers the inbound messages of a test binary.
var providerIDs atomic.Int64

func nextProviderID() string {
	return fmt.Sprintf("SM%032x", providerIDs.Add(1))
}

// handleSMS hands one SMS from address to d and returns the text of every
// message queued for address, taking them out of the outbox as the console
// does.
func handleSMS(t testing.TB, d *bot.Dispatcher, address, text string) string {
	t.Helper()
	in := bot.Inbound{Channel: bot.SMS, Address: address, ProviderID: nextProviderID(), Text: text}
	if err := d.Handle(t.Context(), in); err != nil {
		t.Fatalf("handle %q from %s: %v", text, address, err)
	}
	return takeReplies(t, d.DB, address)
}

func takeReplies(t testing.TB, db *pgxpool.Pool, address string) string {
	t.Helper()
	msgs, err := bot.TakePending(t.Context(), db, address, bot.SMS)
	if err != nil {
		t.Fatalf("take replies to %s: %v", address, err)
	}
	texts := make([]string, len(msgs))
	for i, m := range msgs {
		texts[i] = m.Text
	}
	return strings.Join(texts, "\n")
}

// listNumber returns the number in front of name in a list that a reply
// shows, such as "2" for the line "2 Cave des Falaises (caviste) livraison".
func listNumber(t *testing.T, text, name string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^(\d+)\.? ` + regexp.QuoteMeta(name)).FindStringSubmatch(text)
	if m == nil {
		t.Fatalf("no numbered line for %q in:\n%s", name, text)
	}
	return m[1]
}

// productNumber returns the number that the catalog of the merchant gives
// to the product: its rank in catalog order.
func productNumber(t *testing.T, db *pgxpool.Pool, merchantPhone, productRef string) int {
	t.Helper()
	products, err := catalog.Products(t.Context(), db, merchant(t, db, merchantPhone).ID)
	if err != nil {
		t.Fatalf("list products: %v", err)
	}
	for i, p := range products {
		if p.Ref == productRef {
			return i + 1
		}
	}
	t.Fatalf("merchant %s has no product %s", merchantPhone, productRef)
	return 0
}

func merchant(t *testing.T, db *pgxpool.Pool, phone string) catalog.Merchant {
	t.Helper()
	m, err := catalog.MerchantByPhone(t.Context(), db, phone)
	if err != nil {
		t.Fatalf("merchant %s: %v", phone, err)
	}
	return m
}

// stock returns the stock of the demo product with the reference, whose
// references are unique across merchants.
func stock(t *testing.T, db *pgxpool.Pool, productRef string) catalog.Quantity {
	t.Helper()
	var q catalog.Quantity
	if err := db.QueryRow(t.Context(), `SELECT stock_milli FROM products WHERE ref = $1`, productRef).Scan(&q); err != nil {
		t.Fatalf("stock of %s: %v", productRef, err)
	}
	return q
}

// count runs a query that returns one count.
func count(t *testing.T, db *pgxpool.Pool, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func conversationState(t *testing.T, db *pgxpool.Pool, ch bot.Channel, address string) conversation.State {
	t.Helper()
	var raw []byte
	err := db.QueryRow(t.Context(), `SELECT state FROM conversations WHERE channel = $1 AND address = $2`,
		ch, address).Scan(&raw)
	if err != nil {
		t.Fatalf("conversation %s %s: %v", ch, address, err)
	}
	var s conversation.State
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("decode conversation state %s: %v", raw, err)
	}
	return s
}

func getOrder(t *testing.T, db *pgxpool.Pool, ref string) order.Order {
	t.Helper()
	o, err := order.Get(t.Context(), db, ref)
	if err != nil {
		t.Fatalf("get order: %v", err)
	}
	return o
}

// onlyOrderRef returns the reference of the only order in the database.
func onlyOrderRef(t *testing.T, db *pgxpool.Pool) string {
	t.Helper()
	if n := count(t, db, `SELECT count(*) FROM orders`); n != 1 {
		t.Fatalf("orders = %d, want 1", n)
	}
	var ref string
	if err := db.QueryRow(t.Context(), `SELECT ref FROM orders`).Scan(&ref); err != nil {
		t.Fatalf("order ref: %v", err)
	}
	return ref
}

// basketAt brings the conversation of address to a basket at the
// Boulangerie du Port, adding each line ("1 x2": two of product 1).
func basketAt(t *testing.T, d *bot.Dispatcher, address string, lines ...string) {
	t.Helper()
	handleSMS(t, d, address, "Bonjour")
	shops := handleSMS(t, d, address, "Cassis")
	handleSMS(t, d, address, listNumber(t, shops, "Boulangerie du Port"))
	for _, line := range lines {
		handleSMS(t, d, address, line)
	}
	if s := conversationState(t, d.DB, bot.SMS, address); len(s.Basket.Lines) != len(lines) {
		t.Fatalf("basket has %d lines after %q, want %d", len(s.Basket.Lines), lines, len(lines))
	}
}

// placeOrder orders the lines at the Boulangerie du Port as address, and
// returns the order's reference.
func placeOrder(t *testing.T, d *bot.Dispatcher, address string, lines ...string) string {
	t.Helper()
	basketAt(t, d, address, lines...)
	handleSMS(t, d, address, "VALIDER")
	handleSMS(t, d, address, "OUI")
	s := conversationState(t, d.DB, bot.SMS, address)
	if len(s.Basket.Lines) != 0 {
		t.Fatalf("basket after OUI = %+v, want it emptied by the order", s.Basket)
	}
	var ref string
	err := d.DB.QueryRow(t.Context(), `SELECT o.ref FROM orders o JOIN conversations c ON c.id = o.conversation_id
		WHERE c.address = $1 ORDER BY o.id DESC LIMIT 1`, address).Scan(&ref)
	if err != nil {
		t.Fatalf("order of %s: %v", address, err)
	}
	takeReplies(t, d.DB, boulangeriePhone)
	return ref
}

// smsRig is the SMS channel end to end: the real webhook on a local HTTP
// server in front of a handler, and a sender loop that delivers the outbox
// to a fake Twilio.
type smsRig struct {
	t      *testing.T
	server *httptest.Server
	twilio *twiliotest.Server
	loop   *bot.SenderLoop
	seen   int // messages of twilio that drain already returned
}

func newSMSRig(t *testing.T, db *pgxpool.Pool, handler bot.Handler) *smsRig {
	t.Helper()
	mux := http.NewServeMux()
	server := httptest.NewServer(mux)
	t.Cleanup(server.Close)
	hook, err := sms.NewWebhook(authToken, server.URL, handler, discardLogger)
	if err != nil {
		t.Fatalf("new webhook: %v", err)
	}
	mux.Handle(sms.WebhookPath, hook)

	fake := twiliotest.New(t, accountSID, authToken)
	sender, err := sms.NewSender(sms.SenderConfig{
		AccountSID: accountSID, AuthToken: authToken,
		From: twiliotest.DefaultNumber, APIBaseURL: fake.URL(),
	})
	if err != nil {
		t.Fatalf("new sms sender: %v", err)
	}
	loop := &bot.SenderLoop{DB: db, Channel: bot.SMS, Sender: sender, Logger: discardLogger}
	return &smsRig{t: t, server: server, twilio: fake, loop: loop}
}

func (r *smsRig) webhookURL() string { return r.server.URL + sms.WebhookPath }

// postForm posts form to the webhook with the signature header, left out
// when signature is empty, and returns the HTTP status.
func (r *smsRig) postForm(form url.Values, signature string) int {
	r.t.Helper()
	req, err := http.NewRequestWithContext(r.t.Context(), http.MethodPost, r.webhookURL(), strings.NewReader(form.Encode()))
	if err != nil {
		r.t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if signature != "" {
		req.Header.Set("X-Twilio-Signature", signature)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatalf("post to webhook: %v", err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// post sends a signed SMS of body from the number with Message SID sid,
// as Twilio does, and fails the test unless the webhook returns 200.
func (r *smsRig) post(from, body, sid string) {
	r.t.Helper()
	form := twiliotest.InboundForm(from, body, sid)
	if status := r.postForm(form, twiliotest.Sign(authToken, r.webhookURL(), form)); status != http.StatusOK {
		r.t.Fatalf("webhook status for %q from %s = %d, want 200", body, from, status)
	}
}

// drain runs the sender loop once and returns the SMS that Twilio
// received since the last drain. It checks that each one is GSM-7 and comes
// from the Twilio number.
func (r *smsRig) drain() []twiliotest.SentSMS {
	r.t.Helper()
	if _, err := r.loop.Drain(r.t.Context()); err != nil {
		r.t.Fatalf("drain sms outbox: %v", err)
	}
	sent := r.twilio.Sent()[r.seen:]
	r.seen += len(sent)
	for _, m := range sent {
		if !gsm7.IsGSM7(m.Body) {
			r.t.Errorf("SMS to %s is not GSM-7: %q", m.To, m.Body)
		}
		if m.From != twiliotest.DefaultNumber {
			r.t.Errorf("SMS to %s from %s, want %s", m.To, m.From, twiliotest.DefaultNumber)
		}
	}
	return sent
}

// exchange posts an SMS of body from the number and returns what Twilio
// received in reply, which must be exactly want messages.
func (r *smsRig) exchange(from, body string, want int) []twiliotest.SentSMS {
	r.t.Helper()
	r.post(from, body, nextProviderID())
	sent := r.drain()
	if len(sent) != want {
		r.t.Fatalf("after %q from %s Twilio received %d SMS, want %d: %+v", body, from, len(sent), want, sent)
	}
	return sent
}

// smsTo returns the only message of sent addressed to the number.
func smsTo(t *testing.T, sent []twiliotest.SentSMS, to string) twiliotest.SentSMS {
	t.Helper()
	var found []twiliotest.SentSMS
	for _, m := range sent {
		if m.To == to {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		t.Fatalf("SMS to %s = %+v, want exactly one among %+v", to, found, sent)
	}
	return found[0]
}

// inboundCount returns the value of the dispatcher's counter of inbound
// messages for the channel and outcome.
func inboundCount(t *testing.T, ch bot.Channel, outcome string) float64 {
	t.Helper()
	families, err := prometheus.DefaultGatherer.Gather()
	if err != nil {
		t.Fatalf("gather metrics: %v", err)
	}
	for _, family := range families {
		if family.GetName() != "drivelocal_inbound_messages_total" {
			continue
		}
		for _, metric := range family.GetMetric() {
			labels := map[string]string{}
			for _, label := range metric.GetLabel() {
				labels[label.GetName()] = label.GetValue()
			}
			if labels["channel"] == string(ch) && labels["outcome"] == outcome {
				return metric.GetCounter().GetValue()
			}
		}
	}
	return 0
}

// waitFor polls cond until it returns true, and fails the test after
// waitTimeout.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", waitTimeout, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// runInBackground runs fn until the test ends, then cancels its context
// and waits for it to return.
func runInBackground(t *testing.T, name string, fn func(ctx context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- fn(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("%s: %v", name, err)
		}
	})
}
