package nlu

import (
	"strings"

	"github.com/drivelocal/drivelocal/catalog"
)

// stopWords are left out of product names and of the customer's words
// before matching: articles, "de" and its forms, and linking words.
var stopWords = map[string]bool{
	"de": true, "d": true, "du": true, "des": true, "la": true, "le": true, "les": true, "l": true,
	"au": true, "aux": true, "a": true, "en": true, "et": true, "pour": true, "sur": true,
	"the": true, "of": true, "y": true, "o": true, // "o" is SMS for "au": "pain o chocolat"
}

// singular strips a final s or x from words of more than 3 bytes, so that
// "tomates", "choux" and "poireaux" meet "tomate", "chou" and "poireau".
// Both the customer's words and product names go through it, so a word
// whose singular also ends in s or x ("noix", "radis") still meets itself.
func singular(w string) string {
	if n := len(w); n > 3 && (w[n-1] == 's' || w[n-1] == 'x') {
		return w[:n-1]
	}
	return w
}

// entry is a product prepared for matching.
type entry struct {
	words []string // folded singular name words, stop words left out
	unit  unit
}

// index is the product list of one ParseOrder call, prepared for matching.
type index struct {
	products []catalog.Product
	entries  []entry
	// nameWords holds every folded word of every product name, stop words
	// included, so that a filler word that a name uses is kept.
	nameWords map[string]bool
	// etPairs holds the words on either side of "et" in a name ("pain aux
	// noix et raisins"), where "et" must not split the order.
	etPairs map[[2]string]bool
}

func newIndex(products []catalog.Product) *index {
	idx := &index{
		products:  products,
		entries:   make([]entry, len(products)),
		nameWords: map[string]bool{},
		etPairs:   map[[2]string]bool{},
	}
	unitsByText := map[string]unit{}
	var raw []string
	for i, p := range products {
		u, ok := unitsByText[p.Unit]
		if !ok {
			u = productUnit(p.Unit)
			unitsByText[p.Unit] = u
		}
		raw = raw[:0]
		for _, t := range tokenize(p.Name) {
			if t.kind == wordToken || t.kind == numberToken {
				raw = append(raw, t.text)
			}
		}
		idx.addName(raw)
		idx.entries[i] = entry{words: contentWords(raw), unit: u}
	}
	return idx
}

func (idx *index) addName(raw []string) {
	for i, w := range raw {
		idx.nameWords[w] = true
		if sw := singular(w); sw != w {
			idx.nameWords[sw] = true
		}
		if w == "et" && i > 0 && i+1 < len(raw) {
			idx.etPairs[[2]string{singular(raw[i-1]), singular(raw[i+1])}] = true
		}
	}
}

// contentWords returns words without stop words, in singular.
func contentWords(words []string) []string {
	var out []string
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, singular(w))
		}
	}
	return out
}

// hasWords reports whether every word is in some product name.
func (idx *index) hasWords(words ...string) bool {
	for _, w := range words {
		if !idx.nameWords[w] {
			return false
		}
	}
	return true
}

// entryHas reports whether product i's name contains the folded word w.
func (idx *index) entryHas(i int, w string) bool {
	w = singular(w)
	for _, nw := range idx.entries[i].words {
		if nw == w {
			return true
		}
	}
	return false
}

// quote returns the message text that tokens span.
func quote(text string, tokens []token) string {
	if len(tokens) == 0 {
		return ""
	}
	return strings.TrimSpace(text[tokens[0].start:tokens[len(tokens)-1].end])
}
