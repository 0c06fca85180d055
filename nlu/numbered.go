package nlu

import "github.com/drivelocal/drivelocal/catalog"

// numberPrefixes may come before a product number: "n°3 x2", "numéro 3 x2".
var numberPrefixes = map[string]bool{"n": true, "no": true, "num": true, "numero": true, "produit": true, "article": true, "ref": true}

// maxProductNumber is the largest product number read in "N x Q", as in the
// conversation's numbered lists.
const maxProductNumber = 999

// readNumbered reads a segment made only of numbered lines: "3 x2",
// "3x2", "3 * 1,5", "3 fois 2", several in a row ("1x2 3x1"), or exactly
// two plain numbers ("3 2"), which the conversation has always read as
// product 3, quantity 2. The quantity counts the product's own unit.
func (o Options) readNumbered(text string, segment []token, idx *index) ([]Line, bool) {
	if len(segment) == 2 && isProductNumber(segment[0]) && segment[1].kind == numberToken {
		return []Line{o.numberedLine(text, segment, segment[0], segment[1], idx)}, true
	}
	var lines []Line
	for i := 0; i < len(segment); {
		if numberPrefixes[wordAt(segment, i)] && i+1 < len(segment) && segment[i+1].kind == numberToken {
			i++
		}
		if i+2 >= len(segment) || !isProductNumber(segment[i]) || !isTimes(segment[i+1]) || segment[i+2].kind != numberToken {
			return nil, false
		}
		lines = append(lines, o.numberedLine(text, segment[i:i+3], segment[i], segment[i+2], idx))
		i += 3
	}
	return lines, len(lines) > 0
}

func isProductNumber(t token) bool {
	return t.kind == numberToken && !t.fractional && t.value >= catalog.One && t.value <= maxProductNumber*catalog.One
}

func isTimes(t token) bool { return t.kind == timesToken || t.is("fois") }

func (o Options) numberedLine(text string, span []token, number, quantity token, idx *index) Line {
	l := Line{
		Text:            quote(text, span),
		Number:          int(number.value / catalog.One),
		Requested:       Amount{Value: quantity.value, Own: true},
		quantityInvalid: quantity.value == 0,
	}
	if l.Number > len(idx.products) {
		l.Status = NumberOutOfRange
		return l
	}
	return o.resolve(l, idx.products[l.Number-1], idx.entries[l.Number-1].unit)
}
