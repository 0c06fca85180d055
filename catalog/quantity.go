package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Quantity is an amount in thousandths of a product's unit: 1,5 kg is 1500.
type Quantity int64

// One is a quantity of one unit.
const One Quantity = 1000

// weighedUnits are the units that may be ordered in fractions.
var weighedUnits = map[string]bool{
	"kg": true, "g": true, "l": true, "litre": true, "litres": true, "cl": true,
}

// IsWeighedUnit reports whether unit is a weight or volume.
func IsWeighedUnit(unit string) bool { return weighedUnits[Fold(unit)] }

// ParseQuantity reads a positive decimal written the French way ("1,5") or
// with a point ("1.5"), with at most three decimals.
func ParseQuantity(s string) (Quantity, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	if s == "" || strings.ContainsAny(s, "+-") {
		return 0, fmt.Errorf("parse quantity %q: invalid", s)
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" {
		whole = "0"
	}
	if len(whole) > 9 || (hasFrac && (frac == "" || len(frac) > 3)) {
		return 0, fmt.Errorf("parse quantity %q: invalid", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w < 0 {
		return 0, fmt.Errorf("parse quantity %q: invalid", s)
	}
	q := Quantity(w) * One
	if hasFrac {
		f, err := strconv.ParseInt((frac + "00")[:3], 10, 64)
		if err != nil || f < 0 {
			return 0, fmt.Errorf("parse quantity %q: invalid", s)
		}
		q += Quantity(f)
	}
	return q, nil
}

// IsWhole reports whether q is a whole number of units.
func (q Quantity) IsWhole() bool { return q%One == 0 }

// Decimal formats q with a decimal separator sep and no trailing zeros:
// 1500 is "1,5" with sep ",".
func (q Quantity) Decimal(sep string) string {
	whole := int64(q) / int64(One)
	frac := int64(q) % int64(One)
	if frac == 0 {
		return strconv.FormatInt(whole, 10)
	}
	f := strings.TrimRight(fmt.Sprintf("%03d", frac), "0")
	return strconv.FormatInt(whole, 10) + sep + f
}

// Amount returns the price in cents of q units at priceCents each, rounded
// to the nearest cent (half up).
func Amount(priceCents int64, q Quantity) int64 {
	return (priceCents*int64(q) + int64(One)/2) / int64(One)
}

// FormatCents formats an amount of money as "3,50" with sep ",".
func FormatCents(cents int64, sep string) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d%s%02d", sign, cents/100, sep, cents%100)
}
