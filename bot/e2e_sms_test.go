package bot_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
)

// orderOverSMS drives a customer's order at the Boulangerie du Port
// through the webhook, one line per entry of lines, and returns the SMS
// of the last step: the customer's confirmation and the merchant's new
// order.
func orderOverSMS(t *testing.T, rig *smsRig, lines ...string) []twiliotest.SentSMS {
	t.Helper()
	rig.exchange(customerPhone, "Bonjour", 1)
	shops := rig.exchange(customerPhone, "Cassis", 1)[0].Body
	rig.exchange(customerPhone, listNumber(t, shops, "Boulangerie du Port"), 1)
	for _, line := range lines {
		rig.exchange(customerPhone, line, 1)
	}
	rig.exchange(customerPhone, "VALIDER", 1)
	if s := conversationState(t, rig.loop.DB, bot.SMS, customerPhone); s.Stage == conversation.AskFulfilment {
		rig.exchange(customerPhone, "1", 1)
	}
	return rig.exchange(customerPhone, "OUI", 2)
}

func TestSMSOrderAccepted(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	baguettes := stock(t, db, "baguette-tradition")

	greeting := rig.exchange(customerPhone, "Bonjour", 1)[0]
	if greeting.To != customerPhone {
		t.Errorf("greeting To = %s, want %s", greeting.To, customerPhone)
	}
	if want := render(t, bot.SMS, conversation.T("Welcome"), conversation.T("AskCommune")); greeting.Body != want {
		t.Errorf("greeting = %q, want %q", greeting.Body, want)
	}

	shops := rig.exchange(customerPhone, "Cassis", 1)[0].Body
	for _, name := range []string{"Boulangerie du Port", "Cave des Falaises", "Miellerie du Vallon Fleuri"} {
		if !strings.Contains(shops, name) {
			t.Errorf("Cassis list lacks %s:\n%s", name, shops)
		}
	}
	if strings.Contains(shops, "Primeurs de la Fontaine") {
		t.Errorf("Cassis list shows a merchant of Aix-en-Provence:\n%s", shops)
	}

	products := rig.exchange(customerPhone, listNumber(t, shops, "Boulangerie du Port"), 1)[0].Body
	if !strings.Contains(products, "Baguette tradition 1,30 EUR") {
		t.Errorf("catalog lacks the baguette at 1,30 EUR:\n%s", products)
	}
	if n := listNumber(t, products, "Baguette tradition"); n != "1" {
		t.Fatalf("baguette is product %s, want 1", n)
	}

	added := rig.exchange(customerPhone, "1 x2", 1)[0].Body
	if !strings.Contains(added, "2,60 EUR") {
		t.Errorf("reply to 1 x2 lacks the price 2,60 EUR: %q", added)
	}

	summary := rig.exchange(customerPhone, "VALIDER", 1)[0].Body
	if s := conversationState(t, db, bot.SMS, customerPhone); s.Stage == conversation.AskFulfilment {
		summary = rig.exchange(customerPhone, "1", 1)[0].Body
	}
	if !strings.Contains(summary, "2,60 EUR") {
		t.Errorf("summary lacks the total 2,60 EUR: %q", summary)
	}
	if s := conversationState(t, db, bot.SMS, customerPhone); s.Stage != conversation.Confirm {
		t.Fatalf("stage after the summary = %q, want %q", s.Stage, conversation.Confirm)
	}

	placed := rig.exchange(customerPhone, "OUI", 2)
	ref := onlyOrderRef(t, db)
	confirmation := smsTo(t, placed, customerPhone)
	if !strings.Contains(confirmation.Body, ref) {
		t.Errorf("customer's confirmation lacks the reference %s: %q", ref, confirmation.Body)
	}
	newOrder := smsTo(t, placed, boulangeriePhone)
	for _, fragment := range []string{ref, "Baguette tradition", "2,60 EUR", "06 ** ** ** 78"} {
		if !strings.Contains(newOrder.Body, fragment) {
			t.Errorf("merchant's new order lacks %q: %q", fragment, newOrder.Body)
		}
	}
	if got := getOrder(t, db, ref); got.Status != order.Pending || got.TotalCents != 260 {
		t.Errorf("placed order = %s, %d cents, want pending, 260 cents", got.Status, got.TotalCents)
	}
	if got, want := stock(t, db, "baguette-tradition"), baguettes-2*catalog.One; got != want {
		t.Errorf("baguette stock after the order = %d, want %d", got, want)
	}

	accepted := rig.exchange(boulangeriePhone, "ok "+strings.ToLower(ref), 2)
	if ack := smsTo(t, accepted, boulangeriePhone); !strings.Contains(ack.Body, ref) {
		t.Errorf("merchant's acknowledgement lacks %s: %q", ref, ack.Body)
	}
	news := smsTo(t, accepted, customerPhone)
	want := render(t, bot.SMS, conversation.T("CustomerAccepted", "Ref", ref, "Shop", "Boulangerie du Port",
		"Delivery", false, "Total", conversation.Money(260)))
	if news.Body != want {
		t.Errorf("customer's news = %q, want %q", news.Body, want)
	}
	if got := getOrder(t, db, ref).Status; got != order.Accepted {
		t.Errorf("order status = %s, want accepted", got)
	}
	if got, want := stock(t, db, "baguette-tradition"), baguettes-2*catalog.One; got != want {
		t.Errorf("baguette stock after the acceptance = %d, want %d", got, want)
	}
	if n := count(t, db, `SELECT count(*) FROM outbox WHERE status <> 'sent'`); n != 0 {
		t.Errorf("outbox has %d messages not sent, want 0", n)
	}
}

func TestSMSOrderRefused(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	before := map[string]catalog.Quantity{
		"baguette-tradition": stock(t, db, "baguette-tradition"),
		"croissant":          stock(t, db, "croissant"),
	}

	placed := orderOverSMS(t, rig, strconv.Itoa(baguette)+" x2", strconv.Itoa(croissant)+" x3")
	ref := onlyOrderRef(t, db)
	if got := len(getOrder(t, db, ref).Lines); got != 2 {
		t.Fatalf("order has %d lines, want 2", got)
	}
	if got, want := stock(t, db, "croissant"), before["croissant"]-3*catalog.One; got != want {
		t.Errorf("croissant stock after the order = %d, want %d", got, want)
	}
	smsTo(t, placed, boulangeriePhone)

	refused := rig.exchange(boulangeriePhone, "NON "+ref+" plus de fraises", 2)
	news := smsTo(t, refused, customerPhone)
	for _, fragment := range []string{ref, "plus de fraises"} {
		if !strings.Contains(news.Body, fragment) {
			t.Errorf("customer's news lacks %q: %q", fragment, news.Body)
		}
	}
	if ack := smsTo(t, refused, boulangeriePhone); !strings.Contains(ack.Body, ref) {
		t.Errorf("merchant's acknowledgement lacks %s: %q", ref, ack.Body)
	}

	got := getOrder(t, db, ref)
	if got.Status != order.Refused {
		t.Errorf("order status = %s, want refused", got.Status)
	}
	if got.RefusalReason != "plus de fraises" {
		t.Errorf("refusal reason = %q, want %q", got.RefusalReason, "plus de fraises")
	}
	for productRef, want := range before {
		if q := stock(t, db, productRef); q != want {
			t.Errorf("stock of %s after the refusal = %d, want %d as before the order", productRef, q, want)
		}
	}
}
