package conversation

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

// turn is one event of a transcript and what the step must produce.
type turn struct {
	in Event // From is the customer when left zero

	stage Stage
	// ids are the message ids of every line of every reply, in order. A
	// nil ids skips the check, an empty one requires no reply at all.
	ids []string
	// data holds template data that the line with the id must carry. The
	// key "Id#2" names the second line with that id.
	data map[string]map[string]any
	// to holds the recipient of the reply that contains the line with
	// the id, nil meaning the sender.
	to map[string]*Recipient
	// effects must equal the step's effects, and nil requires none. A
	// turn whose effects another case checks sets anyEffects instead.
	effects    []Effect
	anyEffects bool
	// check runs extra checks on the outcome, such as the basket.
	check func(t *testing.T, out Outcome)
}

// Senders of the transcripts.
var (
	customer = Sender{Channel: "sms", Address: customerPhone}
	primeur  = func() Sender {
		m, _ := newMemView().Merchant(primeurID)
		return Sender{Channel: "sms", Address: primeurPhone, Merchant: &m}
	}()
)

func text(s string) Event   { return Event{Text: s} }
func button(d string) Event { return Event{Data: d} }
func result(r Result) Event { return Event{Result: r} }

func fromMerchant(s string) Event { return Event{From: primeur, Text: s} }

func located(lat, lon float64) Event {
	return Event{Location: &Point{Latitude: lat, Longitude: lon}}
}

// runTranscript feeds the turns to Step from the state start and checks
// each outcome against its turn.
func runTranscript(t *testing.T, start State, turns []turn) State {
	t.Helper()
	v := newMemView()
	s := start
	for i, tu := range turns {
		e := tu.in
		if e.From == (Sender{}) {
			e.From = customer
		}
		out := Step(s, e, v)
		label := fmt.Sprintf("turn %d %s", i+1, describe(tu.in))
		checkTurn(t, label, tu, out)
		s = out.State
	}
	return s
}

func describe(e Event) string {
	switch {
	case e.Result != nil:
		return fmt.Sprintf("result %T", e.Result)
	case e.Location != nil:
		return "location"
	case e.Data != "":
		return fmt.Sprintf("button %q", e.Data)
	case e.From.Merchant != nil:
		return fmt.Sprintf("merchant %q", e.Text)
	}
	return fmt.Sprintf("text %q", e.Text)
}

func checkTurn(t *testing.T, label string, tu turn, out Outcome) {
	t.Helper()
	if out.State.Stage != tu.stage {
		t.Errorf("%s: stage = %q, want %q", label, out.State.Stage, tu.stage)
	}
	if tu.ids != nil {
		if got := lineIDs(out); !slices.Equal(got, tu.ids) {
			t.Errorf("%s: ids = %v, want %v", label, got, tu.ids)
		}
	}
	for key, want := range tu.data {
		line, _, ok := findLine(out, key)
		if !ok {
			t.Errorf("%s: no line %s in %v", label, key, lineIDs(out))
			continue
		}
		for k, w := range want {
			if got := line.Data[k]; !reflect.DeepEqual(got, w) {
				t.Errorf("%s: %s.%s = %#v, want %#v", label, key, k, got, w)
			}
		}
	}
	for key, want := range tu.to {
		_, reply, ok := findLine(out, key)
		if !ok {
			t.Errorf("%s: no line %s in %v", label, key, lineIDs(out))
			continue
		}
		if !reflect.DeepEqual(reply.To, want) {
			t.Errorf("%s: %s sent to %+v, want %+v", label, key, reply.To, want)
		}
	}
	if !tu.anyEffects && !reflect.DeepEqual(out.Effects, tu.effects) {
		t.Errorf("%s: effects = %+v, want %+v", label, out.Effects, tu.effects)
	}
	if tu.check != nil {
		tu.check(t, out)
	}
}

// lineIDs returns the ids of every line of every reply, in order.
func lineIDs(out Outcome) []string {
	ids := []string{}
	for _, r := range out.Replies {
		for _, l := range r.Lines {
			ids = append(ids, l.ID)
		}
	}
	return ids
}

// findLine returns the line named by key ("Id" or "Id#n" for the n-th
// line with that id) and its reply.
func findLine(out Outcome, key string) (Text, Reply, bool) {
	id, nth := key, 1
	if before, after, ok := strings.Cut(key, "#"); ok {
		id = before
		fmt.Sscan(after, &nth)
	}
	seen := 0
	for _, r := range out.Replies {
		for _, l := range r.Lines {
			if l.ID != id {
				continue
			}
			seen++
			if seen == nth {
				return l, r, true
			}
		}
	}
	return Text{}, Reply{}, false
}

// item is a product id and its quantity in a basket.
type item struct {
	id int64
	q  catalog.Quantity
}

// basketIs returns a check that the basket holds exactly these items, in
// order.
func basketIs(want ...item) func(*testing.T, Outcome) {
	return func(t *testing.T, out Outcome) {
		t.Helper()
		var got []item
		for _, l := range out.State.Basket.Lines {
			got = append(got, item{l.ProductID, l.Quantity})
		}
		if !slices.Equal(got, want) {
			t.Errorf("basket = %v, want %v", got, want)
		}
	}
}

// qty returns a quantity of whole units.
func qty(units int64) catalog.Quantity { return catalog.Quantity(units) * catalog.One }

// repeat returns n copies of id.
func repeat(id string, n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = id
	}
	return ids
}

// concat joins lists of ids.
func concat(lists ...[]string) []string {
	var all []string
	for _, l := range lists {
		all = append(all, l...)
	}
	return all
}
