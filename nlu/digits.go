package nlu

import (
	"strconv"

	"github.com/drivelocal/drivelocal/catalog"
)

// maxDenominator bounds the fractions read from digits ("1/2", "3/4"), so
// that a date such as "12/05" is not read as a quantity.
const maxDenominator = 8

// scanNumber reads the number that starts at s[i]: "2", "1,5", "0.75",
// "1/2". A number that does not fit a catalog.Quantity, has more than three
// decimals or is not an exact fraction in thousandths is kept with value 0,
// so the caller can report an invalid quantity.
func scanNumber(s string, i int) token {
	end := scanDigits(s, i)
	t := token{kind: numberToken, start: i}
	switch {
	case end+1 < len(s) && (s[end] == ',' || s[end] == '.') && isDigit(rune(s[end+1])):
		end = scanDigits(s, end+1)
		t.fractional = true
		t.value = parseDecimal(s[i:end])
	case end+1 < len(s) && s[end] == '/' && isDigit(rune(s[end+1])):
		denEnd := scanDigits(s, end+1)
		t.fractional = true
		t.value = parseFraction(s[i:end], s[end+1:denEnd])
		end = denEnd
	default:
		t.value = parseDecimal(s[i:end])
	}
	t.end = end
	t.text = s[i:end]
	return t
}

func scanDigits(s string, i int) int {
	for i < len(s) && isDigit(rune(s[i])) {
		i++
	}
	return i
}

func parseDecimal(s string) catalog.Quantity {
	q, err := catalog.ParseQuantity(s)
	if err != nil {
		return 0
	}
	return q
}

// parseFraction returns num/den in thousandths, or 0 unless the fraction is
// below one, has a small denominator and is exact in thousandths.
func parseFraction(num, den string) catalog.Quantity {
	n, err1 := strconv.Atoi(num)
	d, err2 := strconv.Atoi(den)
	if err1 != nil || err2 != nil || len(num) > 2 || len(den) > 2 {
		return 0
	}
	if d < 2 || d > maxDenominator || n <= 0 || n >= d || (n*int(catalog.One))%d != 0 {
		return 0
	}
	return catalog.Quantity(n * int(catalog.One) / d)
}
