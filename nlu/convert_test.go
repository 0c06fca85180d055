package nlu

import (
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

func TestProductUnitNames(t *testing.T) {
	cases := map[string]struct {
		name   string
		factor int64
	}{
		"kg": {"kg", 1000}, "Kg": {"kg", 1000}, "pièce": {"piece", 1}, "la pièce": {"piece", 1},
		"douzaine": {"douzaine", 12}, "botte": {"botte", 1}, "l": {"l", 1000}, "litre": {"l", 1000},
		"100 g": {"100 g", 100}, "les 100 g": {"100 g", 100}, "barquette": {"barquette", 1},
		"pot": {"pot", 1}, "bouteille": {"bouteille", 1}, "6 pièces": {"6 piece", 6},
	}
	for text, want := range cases {
		got := productUnit(text)
		if got.name != want.name {
			t.Errorf("productUnit(%q).name = %q, want %q", text, got.name, want.name)
		}
		if got.factor != want.factor {
			t.Errorf("productUnit(%q).factor = %d, want %d", text, got.factor, want.factor)
		}
	}
}

func TestProductUnitUnknownIsItsOwnDimension(t *testing.T) {
	u := productUnit("cageot de 5 kg")
	if u.dim == mass || u.dim == items {
		t.Errorf("productUnit(cageot de 5 kg).dim = %q, want a dimension of its own", u.dim)
	}
	if _, status := convert(Amount{Value: 2000, Unit: "kg"}, u, false); status != UnitMismatch {
		t.Errorf("2 kg of a cageot: status %s, want %s", status, UnitMismatch)
	}
}

func TestConvert(t *testing.T) {
	cases := []struct {
		name      string
		amount    Amount
		unit      string
		wholeOnly bool
		want      catalog.Quantity
		status    Status
	}{
		{"500 g as kg", Amount{Value: 500000, Unit: "g"}, "kg", false, 500, Understood},
		{"1 kilo as kg", Amount{Value: 1000, Unit: "kg"}, "kg", false, 1000, Understood},
		{"a livre as kg", Amount{Value: 1000, Unit: "livre"}, "kg", false, 500, Understood},
		{"75 cl as l", Amount{Value: 75000, Unit: "cl"}, "l", false, 750, Understood},
		{"6 items as douzaine", Amount{Value: 6000}, "douzaine", false, 500, Understood},
		{"6 items as whole douzaine", Amount{Value: 6000}, "douzaine", true, 500, NotWhole},
		{"12 items as whole douzaine", Amount{Value: 12000}, "douzaine", true, 1000, Understood},
		{"2 items as douzaine", Amount{Value: 2000}, "douzaine", false, 166, NotWhole},
		{"200 g as 100 g", Amount{Value: 200000, Unit: "g"}, "100 g", false, 2000, Understood},
		{"3 items as pieces", Amount{Value: 3000}, "pièce", false, 3000, Understood},
		{"2 items as pots", Amount{Value: 2000}, "pot", false, 2000, Understood},
		{"2 pots as pieces", Amount{Value: 2000, Unit: "pot"}, "pièce", false, 2000, Understood},
		{"x1,5 as kg", Amount{Value: 1500, Own: true}, "kg", false, 1500, Understood},
		{"x1,5 as whole pieces", Amount{Value: 1500, Own: true}, "pièce", true, 1500, NotWhole},
		{"kg as bouteille", Amount{Value: 1000, Unit: "kg"}, "bouteille", false, 0, UnitMismatch},
		{"items as kg", Amount{Value: 2000}, "kg", false, 0, UnitMismatch},
		{"items as botte", Amount{Value: 3000}, "botte", false, 0, UnitMismatch},
		{"pieces as barquette", Amount{Value: 3000, Unit: "piece"}, "barquette", false, 0, UnitMismatch},
		{"litres as kg", Amount{Value: 1000, Unit: "l"}, "kg", false, 0, UnitMismatch},
		{"euros as kg", Amount{Value: 10000, Unit: "eur"}, "kg", false, 0, UnitMismatch},
		{"zero", Amount{Value: 0, Unit: "kg"}, "kg", false, 0, QuantityInvalid},
		{"above the maximum", Amount{Value: 10000 * catalog.One}, "pièce", false, 0, QuantityInvalid},
		{"1 g as 100 kg", Amount{Value: 1000, Unit: "g"}, "100 kg", false, 0, NotWhole},
	}
	for _, c := range cases {
		got, status := Convert(c.amount, catalog.Product{Unit: c.unit}, c.wholeOnly)
		if status != c.status {
			t.Errorf("%s: status %s, want %s", c.name, status, c.status)
		}
		if got != c.want {
			t.Errorf("%s: quantity %d, want %d", c.name, got, c.want)
		}
	}
}
