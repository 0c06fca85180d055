package bot_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/bot/gsm7"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
	"github.com/drivelocal/drivelocal/order"
)

// maxOrderSegments is the budget of SMS segments, both ways, for a basic-
// phone customer ordering three products for pickup.
const maxOrderSegments = 12

// segmentLog counts the segments of an exchange, each way.
type segmentLog struct {
	lines         []string
	in, out       int
	merchantIn    int
	merchantOut   int
	customerPhone string
}

func (l *segmentLog) sent(from, body string, replies []twiliotest.SentSMS) {
	n := gsm7.Segments(body)
	if from == l.customerPhone {
		l.in += n
	} else {
		l.merchantIn += n
	}
	l.lines = append(l.lines, fmt.Sprintf("> %-13s %d seg  %q", from, n, body))
	for _, r := range replies {
		n := gsm7.Segments(r.Body)
		if r.To == l.customerPhone {
			l.out += n
		} else {
			l.merchantOut += n
		}
		l.lines = append(l.lines, fmt.Sprintf("< %-13s %d seg  %q", r.To, n, r.Body))
	}
}

func TestBasicPhoneOrderSegments(t *testing.T) {
	db := demoDB(t)
	rig := newSMSRig(t, db, newDispatcher(db))
	log := &segmentLog{customerPhone: customerPhone}
	say := func(from, body string, want int) []twiliotest.SentSMS {
		replies := rig.exchange(from, body, want)
		log.sent(from, body, replies)
		return replies
	}

	// A customer who knows the product: the commune first, then three
	// products in one message, drive (the bakery offers pickup only).
	shops := say(customerPhone, "Cassis", 1)[0].Body
	say(customerPhone, listNumber(t, shops, "Boulangerie du Port"), 1)
	say(customerPhone, "1 x2, 2 x1, 4 x3", 1)
	say(customerPhone, "VALIDER", 1)
	placed := say(customerPhone, "OUI", 2)
	ref := onlyOrderRef(t, db)
	if !strings.Contains(smsTo(t, placed, customerPhone).Body, ref) {
		t.Fatalf("confirmation lacks the reference %s: %+v", ref, placed)
	}
	say(boulangeriePhone, "OK "+ref, 2)

	t.Logf("SMS of one order, three products, drive:\n%s", strings.Join(log.lines, "\n"))
	t.Logf("customer: %d segments received by the product, %d sent, %d in all", log.in, log.out, log.in+log.out)
	t.Logf("merchant: %d segments received by the product, %d sent", log.merchantIn, log.merchantOut)

	if total := log.in + log.out; total > maxOrderSegments {
		t.Errorf("customer's order took %d segments both ways, want at most %d", total, maxOrderSegments)
	}

	// The accounting stored per order agrees with what crossed the wire.
	usage, err := order.Segments(t.Context(), db, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(usage) != 1 {
		t.Fatalf("segment report has %d orders, want 1", len(usage))
	}
	wantIn := log.in + log.merchantIn
	if usage[0].Inbound != wantIn {
		t.Errorf("report: %d inbound segments, want %d", usage[0].Inbound, wantIn)
	}
	wantOut := log.out + log.merchantOut
	if usage[0].Outbound != wantOut {
		t.Errorf("report: %d outbound segments, want %d", usage[0].Outbound, wantOut)
	}
}
