package llm

import (
	"math"

	"github.com/drivelocal/drivelocal/catalog"
)

// Caps on the quantity of one line, in units of the product, above which a
// line is taken for a misreading and dropped.
// NOTE: a product sold by "g" or "cl" also gets the 50-unit cap, which
// would drop most orders of it. The demo catalog sells none that way.
const (
	maxCountedUnits = 100 // pièce, douzaine, botte, pot, bouteille
	maxWeighedUnits = 50  // kg, l
)

// Line is one product that the model read in the customer's text.
type Line struct {
	ProductID int64
	Quantity  catalog.Quantity // thousandths of the product's unit
}

// Reading is the validated result of one ReadOrder call, which the caller
// must show to the customer for confirmation.
type Reading struct {
	// Lines lists each product once, in the order of the model's output.
	Lines []Line
	// Dropped counts the lines of the model's output that were left out: an
	// unknown product number, or a quantity that is missing, not positive,
	// fractional for a product sold by the piece, or above the cap or the
	// stock (both checked after merging the lines of one product).
	Dropped int
}

// validateLines returns the output lines that match products with a
// sensible quantity, with the lines of one product merged into one.
func validateLines(lines []outputLine, products []catalog.Product) Reading {
	var reading Reading
	totals := make(map[int64]catalog.Quantity)
	merged := make(map[int64]int) // output lines behind each total
	var order []*catalog.Product

	for _, l := range lines {
		p, q, ok := validateLine(l, products)
		if !ok {
			reading.Dropped++
			continue
		}
		if merged[p.ID] == 0 {
			order = append(order, p)
		}
		totals[p.ID] += q
		merged[p.ID]++
	}

	for _, p := range order {
		if totals[p.ID] > p.Stock || totals[p.ID] > maxQuantity(p.Unit) {
			reading.Dropped += merged[p.ID]
			continue
		}
		reading.Lines = append(reading.Lines, Line{ProductID: p.ID, Quantity: totals[p.ID]})
	}
	return reading
}

// validateLine returns the product and quantity of one output line, or
// false when the line is invalid on its own.
func validateLine(l outputLine, products []catalog.Product) (*catalog.Product, catalog.Quantity, bool) {
	number, err := parseNumber(l.Product)
	if err != nil || number != math.Trunc(number) || number < 1 || number > float64(len(products)) {
		return nil, 0, false
	}
	p := &products[int(number)-1]

	amount, err := parseNumber(l.Quantity)
	if err != nil {
		return nil, 0, false
	}
	q, ok := toQuantity(amount, p.Unit)
	return p, q, ok
}

// toQuantity converts an amount in units of unit to thousandths, or
// returns false when it is not positive, above the cap for the unit, or
// fractional for a unit that is not weighed. A weighed amount is rounded to
// the nearest thousandth.
func toQuantity(amount float64, unit string) (catalog.Quantity, bool) {
	limit := float64(maxQuantity(unit)) / float64(catalog.One)
	if !(amount > 0) || amount > limit {
		return 0, false
	}
	if !catalog.IsWeighedUnit(unit) && amount != math.Trunc(amount) {
		return 0, false
	}

	q := catalog.Quantity(math.Round(amount * float64(catalog.One)))
	if q <= 0 {
		return 0, false
	}
	return q, true
}

// maxQuantity returns the cap on one line of a product sold by unit.
func maxQuantity(unit string) catalog.Quantity {
	if catalog.IsWeighedUnit(unit) {
		return maxWeighedUnits * catalog.One
	}
	return maxCountedUnits * catalog.One
}
