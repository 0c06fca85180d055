package nlu

import (
	"slices"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

// addCorpusSeeds adds the messages of testdata/corpus.tsv of the given
// kinds as fuzz seeds.
func addCorpusSeeds(f *testing.F, kinds ...string) {
	for _, e := range loadCorpus(f) {
		for _, k := range kinds {
			if e.kind == k {
				f.Add(e.message)
			}
		}
	}
}

func FuzzParseOrder(f *testing.F) {
	addCorpusSeeds(f, "order", "order-whole", "merchant")
	f.Fuzz(func(t *testing.T, text string) {
		checkReading(t, text, testProducts, ParseOrder(text, testProducts))
		checkReading(t, text, testProducts, wholeUnitsByCatalog.ParseOrder(text, testProducts))
	})
}

// FuzzParseOrderCatalog fuzzes a product name and unit too, since units
// are free text from merchants.
func FuzzParseOrderCatalog(f *testing.F) {
	f.Add("2 kg de tomates et 3 boites", "Tomates", "kg")
	f.Add("1 x2", "Œufs extra", "la douzaine")
	f.Add("200 g de jambon", "Jambon", "les 100 g")
	f.Add("3 caisses", "Caisse de 6", "caisse de 6 bouteilles")
	f.Fuzz(func(t *testing.T, text, name, unit string) {
		products := append(slices.Clone(testProducts[:5]), catalog.Product{ID: 999, Ref: "fuzz", Name: name, Unit: unit})
		checkReading(t, text, products, ParseOrder(text, products))
	})
}

// checkReading checks the invariants of every reading.
func checkReading(t *testing.T, text string, products []catalog.Product, r Reading) {
	if r.Truncated != (len(text) > MaxInputBytes) {
		t.Errorf("Truncated = %v for %d bytes", r.Truncated, len(text))
	}
	read, _ := truncate(text)
	ids := map[int64]bool{}
	for _, p := range products {
		ids[p.ID] = true
	}
	for _, l := range r.Lines {
		if !strings.Contains(read, l.Text) {
			t.Errorf("line text %q is not in the message", l.Text)
		}
		switch l.Status {
		case Understood:
			if l.Quantity <= 0 || l.Quantity > maxQuantity {
				t.Errorf("understood line %q: quantity %d out of (0, %d]", l.Text, l.Quantity, maxQuantity)
			}
			if !ids[l.Product.ID] {
				t.Errorf("understood line %q: product id %d not in the list", l.Text, l.Product.ID)
			}
		case NotWhole:
			if l.Quantity < 0 || l.Quantity > maxQuantity {
				t.Errorf("not-whole line %q: quantity %d out of [0, %d]", l.Text, l.Quantity, maxQuantity)
			}
		case ProductUnsure:
			if len(l.Candidates) != 1 {
				t.Errorf("unsure line %q: %d candidates, want 1", l.Text, len(l.Candidates))
			}
		case ProductAmbiguous:
			if len(l.Candidates) < 2 {
				t.Errorf("ambiguous line %q: %d candidates, want at least 2", l.Text, len(l.Candidates))
			}
		case NumberOutOfRange:
			if l.Number >= 1 && l.Number <= len(products) {
				t.Errorf("line %q: number %d is in range 1..%d", l.Text, l.Number, len(products))
			}
		}
		for _, c := range l.Candidates {
			if !ids[c.ID] {
				t.Errorf("line %q: candidate id %d not in the list", l.Text, c.ID)
			}
		}
		if l.Status != Understood && l.Status != NotWhole && l.Quantity != 0 {
			t.Errorf("line %q (%s): quantity %d, want 0", l.Text, l.Status, l.Quantity)
		}
	}
}

func FuzzParseMerchantReply(f *testing.F) {
	addCorpusSeeds(f, "merchant", "order")
	f.Fuzz(func(t *testing.T, text string) {
		r := ParseMerchantReply(text)
		read, _ := truncate(text)
		if r.Truncated != (len(text) > MaxInputBytes) {
			t.Errorf("Truncated = %v for %d bytes", r.Truncated, len(text))
		}
		switch r.Action {
		case Accept, Refuse:
			if !isRefShaped(strings.ToLower(r.Ref)) || r.Ref != strings.ToUpper(r.Ref) {
				t.Errorf("%s: ref %q is not an upper-case reference", r.Action, r.Ref)
			}
			if len(r.Refs) != 1 || r.Refs[0] != r.Ref {
				t.Errorf("%s: refs %v, want [%s]", r.Action, r.Refs, r.Ref)
			}
			if r.Ambiguity != "" {
				t.Errorf("%s: ambiguity %q, want none", r.Action, r.Ambiguity)
			}
		case Ambiguous:
			if r.Ambiguity == "" {
				t.Error("ambiguous reply without an ambiguity")
			}
			if r.Ref != "" {
				t.Errorf("ambiguous reply with ref %q", r.Ref)
			}
		case NoAction:
			if r.Ref != "" || len(r.Refs) != 0 {
				t.Errorf("no-action reply with refs %q %v", r.Ref, r.Refs)
			}
		default:
			t.Errorf("unknown action %q", r.Action)
		}
		if r.Action != Refuse && r.Reason != "" {
			t.Errorf("%s reply with reason %q", r.Action, r.Reason)
		}
		if !strings.Contains(read, r.Reason) {
			t.Errorf("reason %q is not in the message", r.Reason)
		}
	})
}
