package bot_test

import (
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/conversation"
)

func TestStopKeywordForms(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	for i, word := range []string{"STOP", "Stop.", "stop", "ARRET", "ARRÊT", "arrêt !"} {
		phone := "+3361234560" + string(rune('0'+i))
		reply := handleSMS(t, d, phone, word)
		if want := render(t, bot.SMS, conversation.T("OptedOut")); reply != want {
			t.Errorf("%q: reply = %q, want %q", word, reply, want)
		}
		if n := count(t, db, `SELECT count(*) FROM opt_outs WHERE channel = 'sms' AND address = $1`, phone); n != 1 {
			t.Errorf("%q: opt-out rows = %d, want 1", word, n)
		}
	}
}

func TestStoppedCustomerGetsOnlyAnswers(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	ref := placeOrder(t, d, customerPhone, "1 x2")
	takeReplies(t, db, customerPhone)

	handleSMS(t, d, customerPhone, "STOP")
	handleSMS(t, d, boulangeriePhone, "OK "+ref)
	if got := takeReplies(t, db, customerPhone); got != "" {
		t.Errorf("stopped customer was sent %q, want nothing", got)
	}
	if status := getOrder(t, db, ref).Status; status != "accepted" {
		t.Errorf("order status = %s, want accepted: STOP must not block the merchant", status)
	}

	// Answers to the customer's own messages still go out.
	if got := handleSMS(t, d, customerPhone, "AIDE"); got == "" {
		t.Error("stopped customer got no answer to AIDE")
	}

	if got := handleSMS(t, d, customerPhone, "START"); got != render(t, bot.SMS, conversation.T("OptedIn")) {
		t.Errorf("START reply = %q", got)
	}
	if n := count(t, db, `SELECT count(*) FROM opt_outs WHERE address = $1`, customerPhone); n != 0 {
		t.Errorf("opt-out rows after START = %d, want 0", n)
	}
	handleSMS(t, d, boulangeriePhone, "PRET "+ref)
	if got := takeReplies(t, db, customerPhone); !strings.Contains(got, ref) {
		t.Errorf("after START the customer got %q, want the news of %s", got, ref)
	}
}

func TestStoppedMerchantTakesNoOrders(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	handleSMS(t, d, boulangeriePhone, "STOP")

	basketAt(t, d, customerPhone, "1 x2")
	handleSMS(t, d, customerPhone, "VALIDER")
	reply := handleSMS(t, d, customerPhone, "OUI")
	if n := count(t, db, `SELECT count(*) FROM orders`); n != 0 {
		t.Errorf("orders = %d, want 0: the merchant would never hear of it", n)
	}
	if !strings.Contains(reply, "Boulangerie du Port") {
		t.Errorf("customer reply = %q, want the shop named as not taking orders", reply)
	}
	if s := conversationState(t, db, bot.SMS, customerPhone); len(s.Basket.Lines) != 1 {
		t.Errorf("basket = %+v, want it kept", s.Basket)
	}
}
