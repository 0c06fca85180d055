package bot_test

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
)

// raceRounds is how many times the race for the last unit is run. Which
// customer wins changes from round to round.
const raceRounds = 6

// handleTogether hands each message to d from its own goroutine, all
// released at once, and returns their errors.
func handleTogether(t *testing.T, d *bot.Dispatcher, messages ...bot.Inbound) []error {
	t.Helper()
	errs := make([]error, len(messages))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, in := range messages {
		wg.Go(func() {
			<-start
			errs[i] = d.Handle(t.Context(), in)
		})
	}
	close(start)
	wg.Wait()
	return errs
}

// basketWithLastGarlic brings the conversation of address to the
// confirmation of one "Tresse d'ail" of Primeurs de la Fontaine, with
// pickup.
func basketWithLastGarlic(t *testing.T, d *bot.Dispatcher, address string, garlic int) {
	t.Helper()
	handleSMS(t, d, address, "Bonjour")
	shops := handleSMS(t, d, address, "Aix-en-Provence")
	handleSMS(t, d, address, listNumber(t, shops, "Primeurs de la Fontaine"))
	handleSMS(t, d, address, strconv.Itoa(garlic)+" x1")
	handleSMS(t, d, address, "VALIDER")
	if s := conversationState(t, d.DB, bot.SMS, address); s.Stage == conversation.AskFulfilment {
		handleSMS(t, d, address, "1")
	}
	if s := conversationState(t, d.DB, bot.SMS, address); s.Stage != conversation.Confirm {
		t.Fatalf("%s is at stage %q, want %q", address, s.Stage, conversation.Confirm)
	}
}

func TestLastUnitConfirmedTogether(t *testing.T) {
	db := demoDB(t)
	d := newDispatcher(db)
	garlic := productNumber(t, db, primeursPhone, "tresse-ail")
	if got := stock(t, db, "tresse-ail"); got != catalog.One {
		t.Fatalf("Tresse d'ail stock = %d, want 1 unit (1000)", got)
	}

	for round := range raceRounds {
		customers := []string{fmt.Sprintf("+3361110%02d01", round), fmt.Sprintf("+3361110%02d02", round)}
		for _, c := range customers {
			basketWithLastGarlic(t, d, c, garlic)
		}
		ordersBefore := count(t, db, `SELECT count(*) FROM orders`)

		errs := handleTogether(t, d,
			bot.Inbound{Channel: bot.SMS, Address: customers[0], ProviderID: nextProviderID(), Text: "OUI"},
			bot.Inbound{Channel: bot.SMS, Address: customers[1], ProviderID: nextProviderID(), Text: "OUI"})
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d: OUI of %s: %v", round, customers[i], err)
			}
		}

		if n := count(t, db, `SELECT count(*) FROM orders`) - ordersBefore; n != 1 {
			t.Fatalf("round %d: %d orders placed, want exactly 1", round, n)
		}
		if got := stock(t, db, "tresse-ail"); got != 0 {
			t.Errorf("round %d: Tresse d'ail stock = %d, want 0", round, got)
		}
		var ref, winner string
		err := db.QueryRow(t.Context(), `SELECT o.ref, c.address FROM orders o
			JOIN conversations c ON c.id = o.conversation_id ORDER BY o.id DESC LIMIT 1`).Scan(&ref, &winner)
		if err != nil {
			t.Fatalf("round %d: last order: %v", round, err)
		}
		loser := customers[0]
		if winner == customers[0] {
			loser = customers[1]
		}

		if reply := takeReplies(t, db, winner); !strings.Contains(reply, ref) {
			t.Errorf("round %d: winner's reply lacks the reference %s: %q", round, ref, reply)
		}
		reply := takeReplies(t, db, loser)
		want := render(t, bot.SMS, conversation.T("OrderShort", "Name", "Tresse d'ail",
			"Amount", conversation.Amount{Unit: "pièce"}, "Left", false, "Total", conversation.Money(0)))
		if reply != want {
			t.Errorf("round %d: loser's reply = %q, want %q", round, reply, want)
		}
		s := conversationState(t, db, bot.SMS, loser)
		if len(s.Basket.Lines) != 0 {
			t.Errorf("round %d: loser's basket = %+v, want the garlic taken out", round, s.Basket.Lines)
		}
		if s.Stage != conversation.Browse {
			t.Errorf("round %d: loser's stage = %q, want %q", round, s.Stage, conversation.Browse)
		}
		if n := count(t, db, `SELECT count(*) FROM outbox WHERE address = $1 AND status = 'pending'`, primeursPhone); n != 1 {
			t.Errorf("round %d: new-order messages to the merchant = %d, want 1", round, n)
		}

		takeReplies(t, db, primeursPhone)
		if _, err := db.Exec(t.Context(), `UPDATE products SET stock_milli = 1000 WHERE ref = 'tresse-ail'`); err != nil {
			t.Fatalf("restore stock: %v", err)
		}
	}
}
