package bot_test

import (
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/internal/logtest"
	"github.com/drivelocal/drivelocal/order"
)

func TestSMSOrderReadyThenCollected(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	ref, _ := placedOverSMS(t, rig, strconv.Itoa(baguette)+" x2")

	if reply := rig.exchange(boulangeriePhone, "PRET "+ref, 1)[0].Body; reply != smsText(t, "MerchantOrderAlready",
		"Ref", ref, "Status", "pending") {
		t.Errorf("PRET before OK = %q, want the order still pending", reply)
	}
	accepted := rig.exchange(boulangeriePhone, "OK "+ref, 2)
	mustContain(t, "acceptance", smsTo(t, accepted, boulangeriePhone).Body, "PRET "+ref)

	ready := rig.exchange(boulangeriePhone, "pret "+strings.ToLower(ref), 2)
	if want := smsText(t, "CustomerReady", "Ref", ref, "Shop", "Boulangerie du Port", "Delivery", false); smsTo(t, ready, customerPhone).Body != want {
		t.Errorf("customer's news = %q, want %q", smsTo(t, ready, customerPhone).Body, want)
	}
	mustContain(t, "merchant's ready reply", smsTo(t, ready, boulangeriePhone).Body, "RETIRE "+ref)
	if got := getOrder(t, db, ref).Status; got != order.Ready {
		t.Errorf("status after PRET = %s, want ready", got)
	}

	collected := rig.exchange(boulangeriePhone, "RETIRE "+ref, 2)
	mustContain(t, "customer's news", smsTo(t, collected, customerPhone).Body, ref, "Boulangerie du Port")
	if got := getOrder(t, db, ref).Status; got != order.Collected {
		t.Errorf("status after RETIRE = %s, want collected", got)
	}
	if reply := rig.exchange(boulangeriePhone, "LIVRE "+ref, 1)[0].Body; reply != smsText(t, "MerchantOrderAlready",
		"Ref", ref, "Status", "collected") {
		t.Errorf("LIVRE after RETIRE = %q", reply)
	}
}

func TestSMSOrderCancelledByCustomer(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	before := stock(t, db, "croissant")
	ref, _ := placedOverSMS(t, rig, strconv.Itoa(croissant)+" x3")

	if reply := rig.exchange(strangerPhone, "ANNULER "+ref, 1)[0].Body; reply != smsText(t, "CustomerOrderUnknown", "Ref", ref) {
		t.Errorf("stranger's ANNULER = %q", reply)
	}
	cancelled := rig.exchange(customerPhone, "annuler "+ref, 2)
	mustContain(t, "customer's confirmation", smsTo(t, cancelled, customerPhone).Body, ref)
	if want := smsText(t, "MerchantCustomerCancelled", "Ref", ref); smsTo(t, cancelled, boulangeriePhone).Body != want {
		t.Errorf("merchant's news = %q, want %q", smsTo(t, cancelled, boulangeriePhone).Body, want)
	}
	if got := stock(t, db, "croissant"); got != before {
		t.Errorf("croissant stock after the cancel = %d, want %d as before the order", got, before)
	}

	late := rig.exchange(boulangeriePhone, "OK "+ref, 1)[0].Body
	if late != smsText(t, "MerchantOrderAlready", "Ref", ref, "Status", "cancelled") {
		t.Errorf("OK after the cancel = %q", late)
	}
	again := rig.exchange(customerPhone, "ANNULER "+ref, 1)[0].Body
	if again != smsText(t, "CustomerOrderAlready", "Ref", ref, "Shop", "Boulangerie du Port", "Status", "cancelled") {
		t.Errorf("second ANNULER = %q", again)
	}
	if got := stock(t, db, "croissant"); got != before {
		t.Errorf("croissant stock after the second cancel = %d, want %d", got, before)
	}
}

func TestCancelAndAcceptCross(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	before := stock(t, db, "croissant")

	for round := range raceRounds {
		ref := placeOrder(t, d, customerPhone, strconv.Itoa(croissant)+" x2")
		takeReplies(t, db, customerPhone)
		errs := handleTogether(t, d,
			bot.Inbound{Channel: bot.SMS, Address: customerPhone, ProviderID: nextProviderID(), Text: "ANNULER " + ref},
			bot.Inbound{Channel: bot.SMS, Address: boulangeriePhone, ProviderID: nextProviderID(), Text: "OK " + ref})
		for _, err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}

		o := getOrder(t, db, ref)
		customer := takeReplies(t, db, customerPhone)
		merchant := takeReplies(t, db, boulangeriePhone)
		switch o.Status {
		case order.Cancelled:
			if got := stock(t, db, "croissant"); got != before {
				t.Errorf("round %d: cancel won, stock = %d, want %d", round, got, before)
			}
			mustContain(t, "merchant's messages", merchant, smsText(t, "MerchantCustomerCancelled", "Ref", ref),
				smsText(t, "MerchantOrderAlready", "Ref", ref, "Status", "cancelled"))
		case order.Accepted:
			if got := stock(t, db, "croissant"); got != before-2*catalog.One {
				t.Errorf("round %d: OK won, stock = %d, want %d", round, got, before-2*catalog.One)
			}
			mustContain(t, "customer's messages", customer,
				smsText(t, "CustomerOrderAlready", "Ref", ref, "Shop", "Boulangerie du Port", "Status", "accepted"))
			// The accepted order leaves the race: the customer collects it.
			handleSMS(t, d, boulangeriePhone, "RETIRE "+ref)
			takeReplies(t, db, customerPhone)
			before -= 2 * catalog.One
		default:
			t.Fatalf("round %d: status %s, want cancelled or accepted", round, o.Status)
		}
	}
}

func TestSMSPartialAcceptance(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	croissants := stock(t, db, "croissant")
	ref, _ := placedOverSMS(t, rig, strconv.Itoa(baguette)+" x2", strconv.Itoa(croissant)+" x3")

	if reply := rig.exchange(boulangeriePhone, "OK "+ref+" sans kiwi", 1)[0].Body; reply !=
		smsText(t, "OrderLineUnknown", "Ref", ref, "Query", "kiwi", "Ambiguous", false) {
		t.Errorf("OK sans kiwi = %q", reply)
	}
	proposed := rig.exchange(boulangeriePhone, "OK "+ref+" sans croissants", 2)
	news := smsTo(t, proposed, customerPhone).Body
	if want := smsText(t, "CustomerProposed", "Ref", ref, "Shop", "Boulangerie du Port",
		"Names", "Croissant au beurre", "Total", conversation.Money(260)); news != want {
		t.Errorf("customer's news = %q, want %q", news, want)
	}
	o := getOrder(t, db, ref)
	if o.Status != order.Proposed || o.TotalCents != 260 || len(o.Lines) != 1 {
		t.Errorf("order = %s, %d cents, %d lines, want proposed, 260 cents, 1 line", o.Status, o.TotalCents, len(o.Lines))
	}
	if got := stock(t, db, "croissant"); got != croissants {
		t.Errorf("croissant stock = %d, want %d put back", got, croissants)
	}

	if reply := rig.exchange(boulangeriePhone, "MANQUE "+ref+" baguette", 1)[0].Body; reply !=
		smsText(t, "OrderWouldBeEmpty", "Ref", ref) {
		t.Errorf("MANQUE of the last line = %q", reply)
	}
	confirmed := rig.exchange(customerPhone, "OUI "+ref, 2)
	mustContain(t, "customer's confirmation", smsTo(t, confirmed, customerPhone).Body, ref, "2,60 EUR")
	mustContain(t, "merchant's news", smsTo(t, confirmed, boulangeriePhone).Body, ref, "PRET "+ref)
	if got := getOrder(t, db, ref).Status; got != order.Accepted {
		t.Errorf("status after OUI = %s, want accepted", got)
	}
}

func TestSMSBareOuiAcceptsChangedOrder(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	ref, _ := placedOverSMS(t, rig, strconv.Itoa(baguette)+" x2", strconv.Itoa(croissant)+" x3")
	rig.exchange(boulangeriePhone, "OK "+ref+" sans croissants", 2)

	// An elderly customer answers "Oui" without the reference.
	confirmed := rig.exchange(customerPhone, "Oui", 2)
	mustContain(t, "customer's confirmation", smsTo(t, confirmed, customerPhone).Body, ref)
	if got := getOrder(t, db, ref).Status; got != order.Accepted {
		t.Errorf("status after a bare Oui = %s, want accepted", got)
	}
}

func TestSMSWeighing(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	tomatoes := stock(t, db, "tomates-coeur-de-boeuf")

	rig.exchange(customerPhone, "Bonjour", 1)
	shops := rig.exchange(customerPhone, "Aix-en-Provence", 1)[0].Body
	rig.exchange(customerPhone, listNumber(t, shops, "Primeurs de la Fontaine"), 1)
	n := productNumber(t, db, primeursPhone, "tomates-coeur-de-boeuf")
	rig.exchange(customerPhone, strconv.Itoa(n)+" x0,5", 1)
	rig.exchange(customerPhone, "VALIDER", 1)
	rig.exchange(customerPhone, "1", 1)
	rig.exchange(customerPhone, "OUI", 2)
	ref := onlyOrderRef(t, db)
	rig.exchange(primeursPhone, "OK "+ref, 2)

	weighed := rig.exchange(primeursPhone, "POIDS "+ref+" tomates 0,46", 2)
	news := smsTo(t, weighed, customerPhone).Body
	mustContain(t, "customer's news", news, "0,46 kg", "2,25 EUR", ref)
	o := getOrder(t, db, ref)
	if o.TotalCents != 225 || o.Lines[0].Quantity != 460 {
		t.Errorf("order = %d cents, line %d, want 225 cents for 460 g", o.TotalCents, o.Lines[0].Quantity)
	}
	if got, want := stock(t, db, "tomates-coeur-de-boeuf"), tomatoes-460; got != want {
		t.Errorf("tomato stock = %d, want %d", got, want)
	}
	if reply := rig.exchange(primeursPhone, "POIDS "+ref+" tomates", 1)[0].Body; reply != smsText(t, "WeighHint") {
		t.Errorf("POIDS without quantity = %q", reply)
	}
}

func TestSMSStrangerCommandsChangeNothing(t *testing.T) {
	db := demoDB(t)
	logs := &logtest.Buffer{}
	d := newDispatcher(db)
	d.Logger = logs.Text(slog.LevelInfo)
	rig := newSMSRig(t, db, d)
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	ref, _ := placedOverSMS(t, rig, strconv.Itoa(baguette)+" x1")
	baguettes := stock(t, db, "baguette-tradition")
	products := count(t, db, `SELECT count(*) FROM products`)

	for _, text := range []string{"STOCK baguette 0", "PRIX baguette 0,10", "AJOUT pain 1 pièce 5",
		"RUPTURE baguette", "PRET " + ref, "EQUIPE 06 98 76 54 32", "FERME jusqu'au 15/08"} {
		if reply := rig.exchange(strangerPhone, text, 1)[0].Body; reply != smsText(t, "StrangerCommand") {
			t.Errorf("reply to %q = %q", text, reply)
		}
	}
	if reply := rig.exchange(strangerPhone, "OK "+ref, 1)[0].Body; reply != smsText(t, "NotYourOrder", "Ref", ref) {
		t.Errorf("stranger's OK = %q", reply)
	}
	if got := stock(t, db, "baguette-tradition"); got != baguettes {
		t.Errorf("baguette stock = %d, want %d", got, baguettes)
	}
	if got := priceOf(t, db, "baguette-tradition"); got != 130 {
		t.Errorf("baguette price = %d, want 130", got)
	}
	if got := count(t, db, `SELECT count(*) FROM products`); got != products {
		t.Errorf("products = %d, want %d", got, products)
	}
	if got := getOrder(t, db, ref).Status; got != order.Pending {
		t.Errorf("order status = %s, want pending", got)
	}
	if got := count(t, db, `SELECT count(*) FROM merchant_phones`); got != 0 {
		t.Errorf("staff phones = %d, want 0", got)
	}

	text := logs.String()
	if n := strings.Count(text, "merchant command from a stranger ignored"); n != 8 {
		t.Errorf("stranger commands logged %d times, want 8:\n%s", n, text)
	}
	if strings.Contains(text, strangerPhone) || !strings.Contains(text, "+33*******32") {
		t.Errorf("log does not mask the stranger's phone:\n%s", text)
	}
}
