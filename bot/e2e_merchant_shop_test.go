package bot_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
)

func TestSMSStaffAndNotifications(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))

	added := rig.exchange(boulangeriePhone, "EQUIPE 06 22 22 00 00", 2)
	if want := smsText(t, "StaffAdded", "Phone", "06 22 22 00 00", "Shop", "Boulangerie du Port"); smsTo(t, added, boulangeriePhone).Body != want {
		t.Errorf("owner's confirmation = %q, want %q", smsTo(t, added, boulangeriePhone).Body, want)
	}
	mustContain(t, "staff's welcome", smsTo(t, added, staffPhone).Body, "Boulangerie du Port", "AIDE")
	if reply := rig.exchange(staffPhone, "EQUIPE 06 33 33 00 00", 1)[0].Body; reply != smsText(t, "OwnerOnly", "Shop", "Boulangerie du Port") {
		t.Errorf("staff's EQUIPE = %q", reply)
	}
	if reply := rig.exchange(boulangeriePhone, "EQUIPE 06 00 00 01 01", 1)[0].Body; reply != smsText(t, "PhoneTaken", "Phone", "06 00 00 01 01") {
		t.Errorf("EQUIPE with another merchant's phone = %q", reply)
	}
	if reply := rig.exchange(boulangeriePhone, "NOTIFS 06 99 99 99 99", 1)[0].Body; reply != smsText(t, "NotShopPhone", "Phone", "06 99 99 99 99") {
		t.Errorf("NOTIFS to a stranger = %q", reply)
	}
	rig.exchange(boulangeriePhone, "NOTIFS 06 22 22 00 00", 1)
	mustContain(t, "EQUIPE list", rig.exchange(staffPhone, "EQUIPE", 1)[0].Body, "06 22 22 00 00")

	// New orders go to the staff phone, which may act on them.
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	placed := orderOverSMS(t, rig, strconv.Itoa(baguette)+" x2")
	ref := onlyOrderRef(t, db)
	mustContain(t, "new order", smsTo(t, placed, staffPhone).Body, ref)
	accepted := rig.exchange(staffPhone, "OK "+ref, 2)
	smsTo(t, accepted, customerPhone)
	if got := getOrder(t, db, ref).Status; got != order.Accepted {
		t.Errorf("status after the staff's OK = %s, want accepted", got)
	}
	mustContain(t, "COMMANDES", rig.exchange(boulangeriePhone, "COMMANDES", 1)[0].Body, ref, "2,60 EUR")
}

func TestSMSShopClosedThenOpen(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	until := time.Now().In(time.Local).AddDate(0, 0, 3).Format("02/01")

	closed := rig.exchange(boulangeriePhone, "FERME jusqu'au "+until, 1)[0].Body
	if want := smsText(t, "ShopClosedSet", "Shop", "Boulangerie du Port", "Until", until); closed != want {
		t.Errorf("FERME reply = %q, want %q", closed, want)
	}
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	basket := stock(t, db, "baguette-tradition")
	rig.exchange(customerPhone, "Bonjour", 1)
	shops := rig.exchange(customerPhone, "Cassis", 1)[0].Body
	rig.exchange(customerPhone, listNumber(t, shops, "Boulangerie du Port"), 1)
	rig.exchange(customerPhone, strconv.Itoa(baguette)+" x2", 1)
	refusal := rig.exchange(customerPhone, "VALIDER", 1)[0].Body
	if want := smsText(t, "ShopClosedForOrders", "Shop", "Boulangerie du Port", "Until", until); refusal != want {
		t.Errorf("placement while closed = %q, want %q", refusal, want)
	}
	if n := count(t, db, `SELECT count(*) FROM orders`); n != 0 {
		t.Errorf("orders = %d, want none while closed", n)
	}
	if got := stock(t, db, "baguette-tradition"); got != basket {
		t.Errorf("baguette stock = %d, want %d", got, basket)
	}

	rig.exchange(boulangeriePhone, "OUVERT", 1)
	rig.exchange(customerPhone, "VALIDER", 1)
	placed := rig.exchange(customerPhone, "OUI", 2)
	mustContain(t, "confirmation", smsTo(t, placed, customerPhone).Body, onlyOrderRef(t, db))
}

func TestTelegramMerchantLink(t *testing.T) {
	db := demoDB(t)
	c := newClock(time.Now())
	d := newDispatcher(db)
	d.Now = c.Now
	const chat = "5550001"
	onTelegram := func(text string) string {
		t.Helper()
		in := bot.Inbound{Channel: bot.Telegram, Address: chat, ProviderID: nextProviderID(), Text: text}
		if err := d.Handle(t.Context(), in); err != nil {
			t.Fatalf("handle %q: %v", text, err)
		}
		msgs, err := bot.TakePending(t.Context(), db, chat, bot.Telegram)
		if err != nil {
			t.Fatalf("take telegram replies: %v", err)
		}
		var texts []string
		for _, m := range msgs {
			texts = append(texts, m.Text)
		}
		return strings.Join(texts, "\n")
	}
	codeSent := func() string {
		t.Helper()
		sms := takeReplies(t, db, boulangeriePhone)
		code := regexp.MustCompile(`\b\d{6}\b`).FindString(sms)
		if code == "" {
			t.Fatalf("no code in the SMS to the merchant: %q", sms)
		}
		return code
	}

	if reply := onTelegram("COMMERCANT 06 99 99 99 99"); !strings.Contains(reply, "06 ** ** ** 99") {
		t.Errorf("link to an unknown phone = %q", reply)
	}
	mustContain(t, "code sent", onTelegram("Commerçant +33 6 00 00 01 02"), "06 ** ** ** 02")
	code := codeSent()
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	if reply := onTelegram(wrong); !strings.Contains(reply, "4") {
		t.Errorf("wrong code = %q, want 4 tries left", reply)
	}
	mustContain(t, "link", onTelegram(code), "Boulangerie du Port")
	if n := count(t, db, `SELECT count(*) FROM merchant_telegram_links WHERE chat_id = $1`, chat); n != 1 {
		t.Fatalf("links = %d, want 1", n)
	}

	mustContain(t, "LISTE on Telegram", onTelegram("LISTE"), "Baguette tradition", "(1/2)")
	onTelegram("STOCK croissant 7")
	if got := stock(t, db, "croissant"); got != 7*catalog.One {
		t.Errorf("croissant stock = %d, want 7000", got)
	}

	// A code expires after ten minutes.
	const other = "5550002"
	in := bot.Inbound{Channel: bot.Telegram, Address: other, ProviderID: nextProviderID(), Text: "COMMERCANT 06 00 00 01 02"}
	if err := d.Handle(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	late := codeSent()
	c.set(time.Now().Add(11 * time.Minute))
	in = bot.Inbound{Channel: bot.Telegram, Address: other, ProviderID: nextProviderID(), Text: late}
	if err := d.Handle(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM merchant_telegram_links WHERE chat_id = $1`, other); n != 0 {
		t.Errorf("links of the late chat = %d, want 0", n)
	}
}

func TestSMSStaffCannotTakeCustomerPhone(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	placeOrder(t, d, customerPhone, "1 x1")

	reply := handleSMS(t, d, boulangeriePhone, "EQUIPE "+customerPhone)
	if !strings.Contains(reply, "impossible") {
		t.Errorf("EQUIPE of a customer's phone = %q, want the phone refused", reply)
	}
	if n := count(t, db, `SELECT count(*) FROM merchant_phones WHERE phone = $1`, customerPhone); n != 0 {
		t.Errorf("staff rows for the customer's phone = %d, want 0", n)
	}
	if got := handleSMS(t, d, customerPhone, "PANIER"); !strings.Contains(got, render(t, bot.SMS, conversation.T("BasketEmpty"))) {
		t.Errorf("customer's PANIER = %q, want the customer's empty basket", got)
	}
}
