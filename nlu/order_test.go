package nlu

import (
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

func productByRef(t *testing.T, ref string) catalog.Product {
	t.Helper()
	for _, p := range testProducts {
		if p.Ref == ref {
			return p
		}
	}
	t.Fatalf("no test product %q", ref)
	return catalog.Product{}
}

func TestParseOrderLineFields(t *testing.T) {
	r := ParseOrder("bjr 2 kg de tomates stp", testProducts)
	if len(r.Lines) != 1 {
		t.Fatalf("got %d lines, want 1", len(r.Lines))
	}
	l := r.Lines[0]
	if l.Status != Understood {
		t.Errorf("status = %s, want %s", l.Status, Understood)
	}
	if l.Product.ID != 101 {
		t.Errorf("product id = %d, want 101", l.Product.ID)
	}
	if l.Quantity != 2000 {
		t.Errorf("quantity = %d, want 2000", l.Quantity)
	}
	if l.Text != "2 kg de tomates" {
		t.Errorf("text = %q, want %q", l.Text, "2 kg de tomates")
	}
	if want := (Amount{Value: 2000, Unit: "kg"}); l.Requested != want {
		t.Errorf("requested = %+v, want %+v", l.Requested, want)
	}
	if l.Number != 0 {
		t.Errorf("number = %d, want 0 for a line by name", l.Number)
	}
}

func TestParseOrderNumberedLineFields(t *testing.T) {
	r := ParseOrder("3 x2", testProducts)
	if len(r.Lines) != 1 {
		t.Fatalf("got %d lines, want 1", len(r.Lines))
	}
	if r.Lines[0].Number != 3 {
		t.Errorf("number = %d, want 3", r.Lines[0].Number)
	}
	if r.Lines[0].Product.Ref != "courgettes" {
		t.Errorf("product = %q, want courgettes", r.Lines[0].Product.Ref)
	}
}

func TestResolveAmbiguousChoice(t *testing.T) {
	r := ParseOrder("2 pains", testProducts)
	if len(r.Lines) != 1 || r.Lines[0].Status != ProductAmbiguous {
		t.Fatalf("ParseOrder(2 pains) = %+v, want one ambiguous line", r.Lines)
	}
	l := Options{}.Resolve(r.Lines[0], productByRef(t, "pain-campagne"))
	if l.Status != Understood {
		t.Errorf("status after choice = %s, want %s", l.Status, Understood)
	}
	if l.Quantity != 2000 {
		t.Errorf("quantity after choice = %d, want 2000", l.Quantity)
	}
	if l.Candidates != nil {
		t.Errorf("candidates after choice = %v, want none", l.Candidates)
	}
}

func TestResolveUnsureConfirmed(t *testing.T) {
	r := ParseOrder("500 g de roquefor", testProducts)
	if len(r.Lines) != 1 || r.Lines[0].Status != ProductUnsure {
		t.Fatalf("ParseOrder(500 g de roquefor) = %+v, want one unsure line", r.Lines)
	}
	l := Options{}.Resolve(r.Lines[0], r.Lines[0].Candidates[0])
	if l.Status != Understood {
		t.Errorf("status after confirmation = %s, want %s", l.Status, Understood)
	}
	if l.Quantity != 500 {
		t.Errorf("quantity after confirmation = %d, want 500", l.Quantity)
	}
}

func TestResolveKeepsMissingQuantity(t *testing.T) {
	r := ParseOrder("du pain", testProducts)
	l := Options{}.Resolve(r.Lines[0], productByRef(t, "baguette"))
	if l.Status != QuantityMissing {
		t.Errorf("status = %s, want %s", l.Status, QuantityMissing)
	}
}

func TestResolveKeepsInvalidQuantity(t *testing.T) {
	r := ParseOrder("2 ou 3 pains", testProducts)
	l := Options{}.Resolve(r.Lines[0], productByRef(t, "baguette"))
	if l.Status != QuantityInvalid {
		t.Errorf("status = %s, want %s", l.Status, QuantityInvalid)
	}
}

func TestReadingUnderstood(t *testing.T) {
	if !ParseOrder("2 baguettes et 1 brioche", testProducts).Understood() {
		t.Error("Understood() = false for two understood lines")
	}
	if ParseOrder("2 baguettes et des tomates", testProducts).Understood() {
		t.Error("Understood() = true with a line missing its quantity")
	}
	if ParseOrder("bonjour", testProducts).Understood() {
		t.Error("Understood() = true without lines")
	}
}

func TestParseOrderWithoutProducts(t *testing.T) {
	r := ParseOrder("1 x2 et 2 baguettes", nil)
	if len(r.Lines) != 2 {
		t.Fatalf("got %d lines, want 2", len(r.Lines))
	}
	if r.Lines[0].Status != NumberOutOfRange {
		t.Errorf("numbered line status = %s, want %s", r.Lines[0].Status, NumberOutOfRange)
	}
	if r.Lines[1].Status != ProductUnknown {
		t.Errorf("named line status = %s, want %s", r.Lines[1].Status, ProductUnknown)
	}
}

func TestParseOrderIdenticalNamesAreAmbiguous(t *testing.T) {
	products := []catalog.Product{
		{ID: 1, MerchantID: 1, Ref: "oeufs-a", Name: "Œufs", Unit: "douzaine"},
		{ID: 2, MerchantID: 2, Ref: "oeufs-b", Name: "Oeufs", Unit: "douzaine"},
	}
	r := ParseOrder("une douzaine d'oeufs", products)
	if r.Lines[0].Status != ProductAmbiguous {
		t.Errorf("status = %s, want %s", r.Lines[0].Status, ProductAmbiguous)
	}
	if len(r.Lines[0].Candidates) != 2 {
		t.Errorf("got %d candidates, want 2", len(r.Lines[0].Candidates))
	}
}

func TestParseOrderReadsOnlyMaxInputBytes(t *testing.T) {
	long := strings.Repeat("1 baguette, ", 400) // 4,800 bytes
	r := ParseOrder(long, testProducts)
	if !r.Truncated {
		t.Error("Truncated = false for a message over MaxInputBytes")
	}
	capped := ParseOrder(long[:MaxInputBytes], testProducts)
	if len(r.Lines) != len(capped.Lines) {
		t.Errorf("got %d lines, want %d as for the first %d bytes", len(r.Lines), len(capped.Lines), MaxInputBytes)
	}
	if max := MaxInputBytes/len("1 baguette, ") + 1; len(r.Lines) > max {
		t.Errorf("got %d lines, want at most %d", len(r.Lines), max)
	}
}

func TestParseOrderShortMessageNotTruncated(t *testing.T) {
	if ParseOrder("2 baguettes", testProducts).Truncated {
		t.Error("Truncated = true for a short message")
	}
}

func TestTruncateOnRuneBoundary(t *testing.T) {
	s := strings.Repeat("é", MaxInputBytes) // 2 bytes each
	got, cut := truncate("a" + s)
	if !cut {
		t.Error("truncate reported no cut")
	}
	if len(got) > MaxInputBytes {
		t.Errorf("len = %d, want at most %d", len(got), MaxInputBytes)
	}
	if !strings.HasSuffix(got, "é") {
		t.Errorf("truncate split a rune: ends with %q", got[len(got)-2:])
	}
}

func TestParseOrderLongLineNamesNoProduct(t *testing.T) {
	r := ParseOrder(strings.Repeat("tomattes ", maxProductWords+1), testProducts)
	if len(r.Lines) != 1 {
		t.Fatalf("got %d lines, want 1", len(r.Lines))
	}
	if r.Lines[0].Status != ProductUnknown {
		t.Errorf("status = %s, want %s", r.Lines[0].Status, ProductUnknown)
	}
}
