package catalog

import (
	"regexp"
	"strconv"
	"strings"
)

// parseYesNo reads a yes/no cell: oui/non, o/n, 1/0, vrai/faux, yes/no or
// true/false, in any case. Spreadsheets export boolean cells as VRAI/FAUX
// or TRUE/FALSE.
func parseYesNo(s string) (value, ok bool) {
	switch Fold(s) {
	case "oui", "o", "1", "vrai", "yes", "y", "true":
		return true, true
	case "non", "n", "0", "faux", "no", "false":
		return false, true
	}
	return false, false
}

// euroAmount matches an amount in euros without its currency sign: digits,
// optionally grouped by thousands with spaces ("1 234"), then at most two
// decimals after a comma or a point.
var euroAmount = regexp.MustCompile(`^(\d{1,3}( \d{3})+|\d{1,7})([.,]\d{1,2})?$`)

// parseCents reads an amount in euros, such as "3,50", "3.5", "3,50 €" or
// "1 234,00 EUR", and returns it in cents. Negative amounts are invalid.
func parseCents(s string) (int64, bool) {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "€"), "€"))
	if len(s) > 3 && strings.EqualFold(s[len(s)-3:], "EUR") {
		s = strings.TrimSpace(s[:len(s)-3])
	}
	if !euroAmount.MatchString(s) {
		return 0, false
	}

	s = strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), ",", ".")
	whole, frac, _ := strings.Cut(s, ".")
	euros, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	cents, err := strconv.ParseInt((frac + "00")[:2], 10, 64)
	if err != nil {
		return 0, false
	}
	return euros*100 + cents, true
}

var postalDigits = regexp.MustCompile(`^[0-9]{4,5}$`)

// normalizePostalCode reads a French postal code and returns it with five
// digits, with its département. A four-digit code is one whose leading zero
// a spreadsheet dropped, so "6000" is "06000". Spaces are ignored ("13 100").
func normalizePostalCode(s string) (code, departement string, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if !postalDigits.MatchString(s) {
		return "", "", false
	}
	if len(s) == 4 {
		s = "0" + s
	}
	departement, ok = departementOf(s)
	if !ok {
		return "", "", false
	}
	return s, departement, true
}

// departementOf returns the département of a five-digit postal code: its
// first two digits ("13"), three for overseas codes ("974"), and "2A" or
// "2B" for Corsica, whose codes 200xx-201xx are in Corse-du-Sud and
// 202xx-206xx in Haute-Corse. No postal code starts with 00 or 96.
func departementOf(code string) (string, bool) {
	switch prefix := code[:2]; prefix {
	case "00", "96":
		return "", false
	case "97", "98":
		return code[:3], true
	case "20":
		switch code[2] {
		case '0', '1':
			return "2A", true
		case '2', '3', '4', '5', '6':
			return "2B", true
		}
		return "", false
	default:
		return prefix, true
	}
}

var decimalDegrees = regexp.MustCompile(`^[+-]?[0-9]{1,3}([.,][0-9]+)?$`)

// parseDegrees reads a latitude or longitude in decimal degrees, with a
// decimal comma or point, and checks that it lies within ±limit.
func parseDegrees(s string, limit float64) (float64, bool) {
	if !decimalDegrees.MatchString(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
	if err != nil || v < -limit || v > limit {
		return 0, false
	}
	return v, true
}

// parseStock reads a stock in units of unit and returns it in thousandths,
// or the ID of the message that explains why s is invalid. Units that are
// not weighed, such as "pièce", take whole stocks only. An empty unit, which
// is reported on its own, skips that check.
func parseStock(s, unit string) (Quantity, string) {
	// ParseQuantity reads "" as 0 and "-0,5" as 0,5, so emptiness and
	// signs are checked here.
	if negative, found := strings.CutPrefix(s, "-"); found {
		if _, err := ParseQuantity(negative); err == nil && negative != "" {
			return 0, msgNegativeStock
		}
		return 0, msgInvalidStock
	}
	q, err := ParseQuantity(s)
	if err != nil || s == "" || strings.HasPrefix(s, "+") {
		return 0, msgInvalidStock
	}
	if unit != "" && !IsWeighedUnit(unit) && !q.IsWhole() {
		return 0, msgFractionalStock
	}
	return q, ""
}
