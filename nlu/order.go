package nlu

import "github.com/drivelocal/drivelocal/catalog"

// Status is the outcome of reading one order line. Each status other than
// Understood names the question that the caller should ask.
type Status string

// Line statuses, from certain to least understood.
const (
	// Understood: Product and Quantity are set.
	Understood Status = "understood"
	// QuantityMissing: the product is certain but the customer gave no
	// quantity, or a vague one ("des tomates", "un peu de comté").
	QuantityMissing Status = "quantity-missing"
	// NotWhole: the quantity converts to a fraction that the product is not
	// sold in (Quantity holds it): 6 eggs of a product sold by whole dozens.
	NotWhole Status = "not-whole"
	// UnitMismatch: the product is certain but Requested does not convert
	// to its unit: kg of a product sold by the bottle, or a plain count of
	// a product sold by weight ("2 courgettes") or by the bunch.
	UnitMismatch Status = "unit-mismatch"
	// QuantityInvalid: zero, more than 9999 units, a number that cannot be
	// read, or alternatives ("2 ou 3 kg").
	QuantityInvalid Status = "quantity-invalid"
	// ProductUnsure: one candidate, found through a typo, an abbreviation or
	// only some of the words; Candidates holds it.
	ProductUnsure Status = "product-unsure"
	// ProductAmbiguous: several products match equally well; Candidates
	// holds them, best first.
	ProductAmbiguous Status = "product-ambiguous"
	// ProductMissing: a quantity without a product ("2 kg").
	ProductMissing Status = "product-missing"
	// ProductUnknown: no product matches the words of Text.
	ProductUnknown Status = "product-unknown"
	// NumberOutOfRange: a numbered line ("7 x2") whose number is not in the
	// product list.
	NumberOutOfRange Status = "number-out-of-range"
)

// Line is one product and quantity read from an order message.
type Line struct {
	Status Status
	// Text is the part of the message that the line was read from, as typed.
	Text string
	// Product is the matched product. It is set for Understood,
	// QuantityMissing, NotWhole, UnitMismatch and QuantityInvalid when the
	// product is certain, and is the zero Product otherwise.
	Product catalog.Product
	// Candidates are the products to offer for ProductUnsure (one) and
	// ProductAmbiguous (several), best first.
	Candidates []catalog.Product
	// Quantity is in thousandths of Product's unit, for Understood and
	// NotWhole.
	Quantity catalog.Quantity
	// Requested is the quantity as written, kept so that the caller can
	// quote it and so that Resolve can convert it for a chosen candidate.
	Requested Amount
	// Number is the 1-based position of the product in the list given to
	// ParseOrder, for numbered lines ("3 x2"), and 0 otherwise.
	Number int

	quantityInvalid bool // the quantity was unreadable, whatever the product
}

// Reading is the result of ParseOrder for one message.
type Reading struct {
	// Lines are in the order of the message. A message of greetings and
	// thanks alone has none.
	Lines []Line
	// Inquiry is set when the message contains a question to the shop
	// ("c'est combien ?", "vous avez des fraises ?"). Lines are still read
	// from it.
	Inquiry bool
	// Truncated is set when the message was longer than MaxInputBytes and
	// only its start was read.
	Truncated bool
}

// Understood reports whether the reading has lines and all are Understood.
func (r Reading) Understood() bool {
	for _, l := range r.Lines {
		if l.Status != Understood {
			return false
		}
	}
	return len(r.Lines) > 0
}

// Options changes how ParseOrder converts quantities. The zero Options
// accepts any fraction of any unit down to a thousandth.
type Options struct {
	// WholeUnitsOnly reports whether p is sold only in whole units. Lines
	// of such products whose quantity is a fraction get NotWhole. A caller
	// that follows the catalog's rule passes
	// func(p catalog.Product) bool { return !p.Weighed() }.
	WholeUnitsOnly func(p catalog.Product) bool
}

// ParseOrder reads the order lines of a customer's message against
// products, with the zero Options.
func ParseOrder(text string, products []catalog.Product) Reading {
	return Options{}.ParseOrder(text, products)
}

// ParseOrder reads the order lines of a customer's message against
// products. Numbered lines ("3 x2") refer to products by their 1-based
// position in products.
func (o Options) ParseOrder(text string, products []catalog.Product) Reading {
	text, truncated := truncate(text)
	idx := newIndex(products)
	tokens, inquiry := applyPhrases(tokenize(text), idx)

	var lines []Line
	for _, segment := range splitSegments(tokens, idx) {
		lines = append(lines, o.readSegment(text, segment, idx)...)
	}
	return Reading{Lines: lines, Inquiry: inquiry, Truncated: truncated}
}

// Resolve returns l read again with p as its product: after the customer
// confirmed a ProductUnsure candidate or picked one of ProductAmbiguous.
// The status becomes Understood, QuantityMissing, NotWhole, UnitMismatch or
// QuantityInvalid.
func (o Options) Resolve(l Line, p catalog.Product) Line {
	return o.resolve(l, p, productUnit(p.Unit))
}

// resolve is Resolve with the unit of p already read.
func (o Options) resolve(l Line, p catalog.Product, u unit) Line {
	l.Product = p
	l.Candidates = nil
	l.Quantity = 0
	switch {
	case l.quantityInvalid:
		l.Status = QuantityInvalid
	case l.Requested.Value == 0:
		l.Status = QuantityMissing
	default:
		l.Quantity, l.Status = convert(l.Requested, u, o.wholeOnly(p))
	}
	if l.Status != Understood && l.Status != NotWhole {
		l.Quantity = 0
	}
	return l
}

func (o Options) wholeOnly(p catalog.Product) bool {
	return o.WholeUnitsOnly != nil && o.WholeUnitsOnly(p)
}
