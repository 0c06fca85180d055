package bot_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
)

// Phones of the merchants' tests, outside the demo merchants' range.
const (
	newShopPhone = "+33611110000" // signs up by SMS
	staffPhone   = "+33622220000" // added to the Boulangerie du Port's staff
)

// mustContain fails the test unless body contains every fragment.
func mustContain(t *testing.T, what, body string, fragments ...string) {
	t.Helper()
	for _, f := range fragments {
		if !strings.Contains(body, f) {
			t.Errorf("%s lacks %q: %q", what, f, body)
		}
	}
}

// smsText renders one French message for SMS, as the product sends it.
func smsText(t *testing.T, id string, kv ...any) string {
	t.Helper()
	return render(t, bot.SMS, conversation.T(id, kv...))
}

// placedOverSMS orders lines at the Boulangerie du Port through the
// webhook and returns the order's reference and the merchant's new order.
func placedOverSMS(t *testing.T, rig *smsRig, lines ...string) (string, twiliotest.SentSMS) {
	t.Helper()
	placed := orderOverSMS(t, rig, lines...)
	var ref string
	err := rig.loop.DB.QueryRow(t.Context(), `SELECT ref FROM orders ORDER BY id DESC LIMIT 1`).Scan(&ref)
	if err != nil {
		t.Fatalf("last order: %v", err)
	}
	return ref, smsTo(t, placed, boulangeriePhone)
}

// clock is a settable clock for the dispatcher and the scheduler.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock(now time.Time) *clock { return &clock{now: now} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// newScheduler returns a scheduler on the clock, with orders expiring
// after two hours.
func newScheduler(db *pgxpool.Pool, c *clock) *bot.Scheduler {
	return &bot.Scheduler{DB: db, Renderer: newRenderer(), Logger: discardLogger, Now: c.Now,
		OrderExpiry: 2 * time.Hour}
}

func unitPrice(cents int64, unit string) conversation.UnitPrice {
	return conversation.UnitPrice{Cents: cents, Unit: unit}
}

// amount returns a whole number of units.
func amount(units int64, unit string) conversation.Amount {
	return conversation.Amount{Quantity: catalog.Quantity(units) * catalog.One, Unit: unit}
}
