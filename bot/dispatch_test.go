package bot_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
)

func TestDispatcherRestartKeepsBasket(t *testing.T) {
	db := demoDB(t)
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	basketAt(t, newDispatcher(db), customerPhone, strconv.Itoa(baguette)+" x2", strconv.Itoa(croissant)+" x3")
	before := conversationState(t, db, bot.SMS, customerPhone)

	// A new dispatcher and renderer share nothing with the first one but
	// the database, as after a restart of the process. It offers to resume
	// an idle basket after six hours, as serve does by default, and this
	// basket is seconds old.
	restarted := newDispatcher(db)
	restarted.ResumeAfter = 6 * time.Hour
	basket := handleSMS(t, restarted, customerPhone, "PANIER")
	for _, fragment := range []string{"Baguette tradition", "Croissant au beurre", "6,20 EUR"} {
		if !strings.Contains(basket, fragment) {
			t.Errorf("basket after the restart lacks %q: %q", fragment, basket)
		}
	}
	if s := conversationState(t, db, bot.SMS, customerPhone); s.Stage != before.Stage || s.MerchantID != before.MerchantID {
		t.Errorf("after PANIER stage %q at merchant %d, want %q at %d as before the restart",
			s.Stage, s.MerchantID, before.Stage, before.MerchantID)
	}

	handleSMS(t, restarted, customerPhone, "VALIDER")
	confirmation := handleSMS(t, restarted, customerPhone, "OUI")
	ref := onlyOrderRef(t, db)
	if !strings.Contains(confirmation, ref) {
		t.Errorf("confirmation lacks the reference %s: %q", ref, confirmation)
	}
	placed := getOrder(t, db, ref)
	if len(placed.Lines) != len(before.Basket.Lines) {
		t.Fatalf("order has %d lines, want the %d of the basket", len(placed.Lines), len(before.Basket.Lines))
	}
	for i, line := range before.Basket.Lines {
		got := placed.Lines[i]
		if got.ProductID != line.ProductID || got.Quantity != line.Quantity {
			t.Errorf("order line %d = product %d x %d, want product %d x %d",
				i+1, got.ProductID, got.Quantity, line.ProductID, line.Quantity)
		}
	}
	if placed.TotalCents != 620 {
		t.Errorf("order total = %d cents, want 620", placed.TotalCents)
	}
}

func TestWebhookSameMessageSidTwice(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	sid := nextProviderID()

	rig.post(customerPhone, "Bonjour", sid)
	rig.post(customerPhone, "Bonjour", sid)
	sent := rig.drain()

	if n := count(t, db, `SELECT count(*) FROM inbound_messages WHERE provider_id = $1`, sid); n != 1 {
		t.Errorf("inbound_messages rows for %s = %d, want 1", sid, n)
	}
	if n := count(t, db, `SELECT count(*) FROM outbox`); n != 1 {
		t.Errorf("outbox rows = %d, want 1 reply", n)
	}
	if len(sent) != 1 {
		t.Errorf("Twilio received %d SMS, want 1: %+v", len(sent), sent)
	}
}

func TestDispatcherConcurrentDuplicate(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	handled := inboundCount(t, bot.SMS, "handled")
	duplicates := inboundCount(t, bot.SMS, "duplicate")
	in := bot.Inbound{Channel: bot.SMS, Address: customerPhone, ProviderID: nextProviderID(), Text: "Bonjour"}

	for i, err := range handleTogether(t, d, in, in) {
		if err != nil {
			t.Errorf("Handle %d: %v", i+1, err)
		}
	}

	if got := inboundCount(t, bot.SMS, "handled") - handled; got != 1 {
		t.Errorf("handled = %v, want 1", got)
	}
	if got := inboundCount(t, bot.SMS, "duplicate") - duplicates; got != 1 {
		t.Errorf("duplicates = %v, want 1", got)
	}
	if n := count(t, db, `SELECT count(*) FROM inbound_messages`); n != 1 {
		t.Errorf("inbound_messages rows = %d, want 1", n)
	}
	if n := count(t, db, `SELECT count(*) FROM outbox`); n != 1 {
		t.Errorf("outbox rows = %d, want 1 reply", n)
	}
}

func TestWebhookRejectsBadSignature(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	form := twiliotest.InboundForm(customerPhone, "Bonjour", nextProviderID())
	tampered := twiliotest.InboundForm(customerPhone, "Bonjour", nextProviderID())
	signature := twiliotest.Sign(authToken, rig.webhookURL(), tampered)
	tampered.Set("Body", "OUI")

	cases := []struct {
		name      string
		form      map[string][]string
		signature string
	}{
		{"missing", form, ""},
		{"wrong token", form, twiliotest.Sign("00000000000000000000000000000000", rig.webhookURL(), form)},
		{"other URL", form, twiliotest.Sign(authToken, "https://drivelocal.example/webhooks/twilio/sms", form)},
		{"tampered body", tampered, signature},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if status := rig.postForm(c.form, c.signature); status != http.StatusForbidden {
				t.Errorf("status = %d, want 403", status)
			}
			for _, table := range []string{"inbound_messages", "conversations", "outbox"} {
				if n := count(t, db, `SELECT count(*) FROM `+table); n != 0 {
					t.Errorf("%s has %d rows, want 0", table, n)
				}
			}
		})
	}
}

func TestOrderCommandFromStranger(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	ref := placeOrder(t, d, customerPhone, "1 x2")
	baguettes := stock(t, db, "baguette-tradition")

	cases := []struct {
		name, phone, text, want string
	}{
		{"customer accepts", strangerPhone, "OK " + ref,
			render(t, bot.SMS, conversation.T("NotYourOrder", "Ref", ref))},
		{"customer refuses", strangerPhone, "NON " + ref + " trop cher",
			render(t, bot.SMS, conversation.T("NotYourOrder", "Ref", ref))},
		{"other merchant accepts", primeursPhone, "OK " + ref,
			render(t, bot.SMS, conversation.T("MerchantOrderUnknown", "Ref", ref))},
		{"other merchant refuses", primeursPhone, "NON " + ref + " fermé",
			render(t, bot.SMS, conversation.T("MerchantOrderUnknown", "Ref", ref))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if reply := handleSMS(t, d, c.phone, c.text); reply != c.want {
				t.Errorf("reply = %q, want %q", reply, c.want)
			}
			if got := getOrder(t, db, ref).Status; got != order.Pending {
				t.Errorf("order status = %s, want pending", got)
			}
			if got := stock(t, db, "baguette-tradition"); got != baguettes {
				t.Errorf("baguette stock = %d, want %d", got, baguettes)
			}
			if news := takeReplies(t, db, customerPhone); news != "" {
				t.Errorf("customer was told %q, want nothing", news)
			}
		})
	}
}

func TestMerchantAnswersTwice(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	ref := placeOrder(t, d, customerPhone, "1 x2")
	takeReplies(t, db, customerPhone)
	handleSMS(t, d, boulangeriePhone, "OK "+ref)
	takeReplies(t, db, customerPhone)
	baguettes := stock(t, db, "baguette-tradition")
	want := render(t, bot.SMS, conversation.T("MerchantOrderAlready", "Ref", ref, "Status", string(order.Accepted)))

	for _, text := range []string{"OK " + ref, "NON " + ref + " rupture"} {
		if reply := handleSMS(t, d, boulangeriePhone, text); reply != want {
			t.Errorf("reply to %q = %q, want %q", text, reply, want)
		}
		if got := getOrder(t, db, ref).Status; got != order.Accepted {
			t.Errorf("after %q order status = %s, want accepted", text, got)
		}
		if got := stock(t, db, "baguette-tradition"); got != baguettes {
			t.Errorf("after %q baguette stock = %d, want %d", text, got, baguettes)
		}
		if news := takeReplies(t, db, customerPhone); news != "" {
			t.Errorf("after %q customer was told %q, want nothing", text, news)
		}
	}
}
