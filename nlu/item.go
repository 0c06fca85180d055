package nlu

import "github.com/drivelocal/drivelocal/catalog"

// statusRank orders statuses from the best understood. readItem keeps the
// better of two readings of the same words by this order.
var statusRank = map[Status]int{
	Understood: 0, QuantityMissing: 1, NotWhole: 2, UnitMismatch: 3, QuantityInvalid: 4,
	ProductUnsure: 5, ProductAmbiguous: 6, ProductMissing: 7, ProductUnknown: 8, NumberOutOfRange: 9,
}

// productCertain reports whether a status comes with a certain product.
func productCertain(s Status) bool { return statusRank[s] <= statusRank[QuantityInvalid] }

// readSegment reads the lines of one segment: numbered lines, or one
// product with its quantity. A segment whose product is not certain is
// split when each part then names a product, because it may hold several
// products without separators ("2 kg tomates 1 salade").
func (o Options) readSegment(text string, segment []token, idx *index) []Line {
	if lines, ok := o.readNumbered(text, segment, idx); ok {
		return lines
	}
	line, ok := o.readItem(text, segment, idx)
	if !ok {
		return nil
	}
	if productCertain(line.Status) {
		return []Line{line}
	}
	for _, cuts := range [][]int{quantityFirstCuts(segment), quantityLastCuts(segment)} {
		if parts, ok := o.readParts(text, segment, cuts, idx); ok {
			return parts
		}
	}
	return []Line{line}
}

// readParts reads segment cut before each index of cuts, and reports
// whether every part names a product.
func (o Options) readParts(text string, segment []token, cuts []int, idx *index) ([]Line, bool) {
	if len(cuts) == 0 {
		return nil, false
	}
	var lines []Line
	start := 0
	for _, end := range append(cuts, len(segment)) {
		l, ok := o.readItem(text, segment[start:end], idx)
		if !ok || l.Status == ProductMissing || l.Status == ProductUnknown {
			return nil, false
		}
		lines = append(lines, l)
		start = end
	}
	return lines, true
}

// quantityFirstCuts returns where a number follows a product word:
// "2 kg tomates | 1 salade".
func quantityFirstCuts(segment []token) []int {
	var cuts []int
	for k := 1; k < len(segment); k++ {
		prev := segment[k-1]
		if prev.kind != wordToken || stopWords[prev.text] || isNumberWord(prev.text) {
			continue
		}
		if _, ok := lookupUnit(prev.text); ok {
			continue
		}
		if startsNumber(segment[k:]) {
			cuts = append(cuts, k)
		}
	}
	return cuts
}

// quantityLastCuts returns where a product word follows a quantity:
// "tomates 2kg | courgettes 1kg", "baguettes x2 | croissants x3".
func quantityLastCuts(segment []token) []int {
	var cuts []int
	for k := 1; k < len(segment); k++ {
		t := segment[k]
		if t.kind != wordToken || stopWords[t.text] || isNumberWord(t.text) || fractionWords[t.text] > 0 {
			continue
		}
		if _, ok := lookupUnit(t.text); ok {
			continue
		}
		prev := segment[k-1]
		_, prevIsUnit := lookupUnit(prev.text)
		if prev.kind == numberToken || (prevIsUnit && k >= 2 && segment[k-2].kind == numberToken) {
			cuts = append(cuts, k)
		}
	}
	return cuts
}

func isNumberWord(w string) bool {
	return digitWords[w] > 0 || teenWords[w] > 0 || tensWords[w] > 0 || isCent(w) || fractionWords[w] > 0
}

// readItem reads one product and its quantity. It returns false when the
// segment holds neither a quantity nor a product word. When the unit word
// is also the first word of a product name ("bouquet garni"), it reads the
// words both ways and keeps the better reading, so that "500 g de miel"
// never orders 500 pots of "Miel de lavande 500 g".
func (o Options) readItem(text string, segment []token, idx *index) (Line, bool) {
	line := Line{Text: quote(text, segment)}
	tokens, vague := dropVague(segment)
	parsed := parseItem(tokens, true)
	best, ok := o.settle(line, parsed, vague, idx)
	if !ok {
		return line, false
	}
	if unitWord := parsed.amount.unit; unitWord != "" && idx.hasWords(unitWord) {
		alt, altOK := o.settle(line, parseItem(tokens, false), vague, idx)
		if altOK && productCertain(alt.Status) && statusRank[alt.Status] < statusRank[best.Status] &&
			headWord(alt.Product) == singular(unitWord) {
			best = alt
		}
	}
	return best, true
}

// headWord returns the first content word of p's name, folded and singular.
func headWord(p catalog.Product) string {
	words := productWords(tokenize(p.Name))
	if len(words) == 0 {
		return ""
	}
	return words[0]
}

// dropVague removes vague quantity marks and reports whether there was one.
func dropVague(segment []token) ([]token, bool) {
	out := make([]token, 0, len(segment))
	vague := false
	for _, t := range segment {
		if t.kind == vagueToken {
			vague = true
			continue
		}
		out = append(out, t)
	}
	return out, vague
}
