package nlu

import "github.com/drivelocal/drivelocal/catalog"

// fractionWords are the fraction words. They stand alone ("demi"), follow
// "un" or "une" ("une demie", "un quart"), or follow "et" to add to a
// number or a unit ("deux et demi", "un kilo et demi").
var fractionWords = map[string]catalog.Quantity{"demi": 500, "demie": 500, "quart": 250}

// readNumber reads a number at the start of tokens: digits ("2", "1,5",
// "1/2"), words ("deux", "vingt et un"), fractions ("demi", "une demie",
// "trois quarts"). It returns the value in thousandths, whether it is a
// fraction or decimal, whether it is invalid (zero or unreadable digits)
// and the count of tokens read, which is 0 when tokens start with no number.
func readNumber(tokens []token) (value catalog.Quantity, fractional, invalid bool, n int) {
	if len(tokens) == 0 {
		return 0, false, false, 0
	}
	if t := tokens[0]; t.kind == numberToken {
		if wordAt(tokens, 1) == "quarts" || wordAt(tokens, 1) == "quart" {
			return t.value / 4, true, t.value == 0, 2
		}
		return t.value, t.fractional, t.value == 0, 1
	}
	first := wordAt(tokens, 0)
	if f := fractionWords[first]; f > 0 {
		return f, true, false, 1
	}
	if f := fractionWords[wordAt(tokens, 1)]; f > 0 && (first == "un" || first == "une") {
		return f, true, false, 2
	}
	if first == "zero" {
		return 0, false, true, 1
	}
	v, m := readNumberWords(tokens)
	if m == 0 {
		return 0, false, false, 0
	}
	value = catalog.Quantity(v) * catalog.One
	if w := wordAt(tokens, m); w == "quarts" || (w == "quart" && v == 1) {
		return value / 4, true, false, m + 1
	}
	return value, false, false, m
}

// amountRead is a quantity read from the tokens of one line.
type amountRead struct {
	amount  Amount
	invalid bool // a number was written but cannot be ordered: 0, unreadable digits, alternatives
	n       int  // tokens read; 0 when no quantity starts here
	unit    string
}

// readAmount reads a quantity at the start of tokens: an optional "x", a
// number, an optional "x", a unit when useUnit is set, and "et demi". A unit
// without a number is one of it ("douzaine d'oeufs"), unless needNumber is
// set. A plain whole number counts items; a fraction or "x" without a unit
// counts the product's own unit.
func readAmount(tokens []token, useUnit, needNumber bool) amountRead {
	i := 0
	own := false
	if len(tokens) > 0 && tokens[0].kind == timesToken {
		own, i = true, 1
	}

	value, fractional, invalid, m := readNumber(tokens[i:])
	if m == 0 && (own || needNumber) {
		return amountRead{}
	}
	i += m
	if m > 0 && i < len(tokens) && tokens[i].kind == timesToken && !startsNumber(tokens[i+1:]) {
		own, i = true, i+1
	}
	if fractional && (wordAt(tokens, i) == "de" || wordAt(tokens, i) == "d") && isUnitWord(wordAt(tokens, i+1)) && useUnit {
		i++ // "trois quarts de litre"
	}

	unitName, unitWord := "", ""
	if useUnit {
		if u, ok := lookupUnit(wordAt(tokens, i)); ok {
			unitName, unitWord = u.name, tokens[i].text
			i++
		}
	}
	if m == 0 && unitName == "" {
		return amountRead{}
	}
	if m == 0 {
		value = catalog.One
	}

	if f := fractionWords[wordAt(tokens, i+1)]; f > 0 && wordAt(tokens, i) == "et" && !invalid {
		value += f
		fractional = true
		i += 2
	}
	a := Amount{Value: value, Unit: unitName, Own: unitName == "" && (own || fractional)}
	return amountRead{amount: a, invalid: invalid, n: i, unit: unitWord}
}

func isUnitWord(w string) bool {
	_, ok := lookupUnit(w)
	return ok
}
