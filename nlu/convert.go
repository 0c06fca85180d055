package nlu

import "github.com/drivelocal/drivelocal/catalog"

// maxQuantity is the largest quantity of one line, in thousandths of the
// product's unit. Larger orders are surely typos ("1000 kg") and would
// risk overflow in prices.
const maxQuantity = 9999 * catalog.One

// Amount is a quantity as the customer wrote it, before conversion to a
// product's unit.
type Amount struct {
	// Value is in thousandths of Unit. It is 0 when the message gave no
	// quantity.
	Value catalog.Quantity
	// Unit is the canonical unit written: "g", "kg", "livre", "cl", "l",
	// "piece", "douzaine", "botte", "pot", "eur"... It is "" for a plain
	// number of items ("3 baguettes") and when Own is true.
	Unit string
	// Own marks a number that counts the product's own unit: "x2", "3 x2",
	// or a decimal or fraction without a unit ("1,5 de tomates", "une demi
	// baguette").
	Own bool
}

// Convert returns a in thousandths of the unit of p, with the status of the
// conversion. The status is one of:
//   - Understood.
//   - UnitMismatch: kg of a product sold by the bottle, or 3 carrots of a
//     product sold by the bunch. A pot, bottle or bag of a product sold by
//     the piece converts, as one piece.
//   - NotWhole: the result is not a whole number of units while wholeOnly
//     is set, or is not exact in thousandths (2 eggs of a product sold by
//     the dozen).
//   - QuantityInvalid: zero, or more than 9999 units.
//
// The quantity is returned for Understood and NotWhole, rounded down to a
// thousandth when inexact.
func Convert(a Amount, p catalog.Product, wholeOnly bool) (catalog.Quantity, Status) {
	return convert(a, productUnit(p.Unit), wholeOnly)
}

func convert(a Amount, to unit, wholeOnly bool) (catalog.Quantity, Status) {
	if a.Value <= 0 {
		return 0, QuantityInvalid
	}
	q, exact, ok := scaleAmount(a, to)
	if !ok {
		return 0, UnitMismatch
	}
	switch {
	case q > maxQuantity:
		return 0, QuantityInvalid
	case q == 0 || !exact:
		return q, NotWhole
	case wholeOnly && !q.IsWhole():
		return q, NotWhole
	}
	return q, Understood
}

// scaleAmount converts a into thousandths of to. It reports whether the
// result is exact and whether the units are compatible at all.
func scaleAmount(a Amount, to unit) (q catalog.Quantity, exact, ok bool) {
	if a.Own {
		return a.Value, true, true
	}
	from, known := units[a.Unit]
	switch {
	case a.Unit == "" || a.Unit == "piece" || (from.perItem && to == units["piece"]):
		// A plain count, or containers of one item ("2 pots" of a product
		// sold by the piece), counts pieces.
		if to.dim != items && !to.perItem {
			return 0, false, false
		}
		from = units["piece"]
	case !known || from.dim != to.dim:
		return 0, false, false
	}
	scaled := int64(a.Value) * from.factor
	return catalog.Quantity(scaled / to.factor), scaled%to.factor == 0, true
}
