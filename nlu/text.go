package nlu

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/drivelocal/drivelocal/catalog"
)

// MaxInputBytes is the number of bytes of a message that the parsers read.
// A long SMS of 6 segments is under 1,000 bytes, and the cap bounds the
// work of each call whatever the input.
const MaxInputBytes = 1000

// truncate cuts s to at most MaxInputBytes, on a rune boundary, and reports
// whether it cut anything.
func truncate(s string) (string, bool) {
	if len(s) <= MaxInputBytes {
		return s, false
	}
	cut := MaxInputBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut], true
}

type tokenKind uint8

const (
	wordToken      tokenKind = iota // letters, folded
	numberToken                     // digits, a decimal or a fraction
	separatorToken                  // , ; + . ! ? & and line breaks, or a dropped phrase
	timesToken                      // x, * or × between a product and a quantity
	vagueToken                      // a vague quantity such as "un peu de"
)

// token is one word, number or mark of a message. Offsets are bytes of the
// message as typed, so that a line can quote the customer's own text.
type token struct {
	kind       tokenKind
	text       string           // folded word, or the number as typed
	value      catalog.Quantity // numbers: thousandths, 0 when invalid
	fractional bool             // numbers: written with decimals or as a fraction
	start, end int
}

func (t token) is(word string) bool { return t.kind == wordToken && t.text == word }

// fractionRunes are the vulgar fractions that phones offer.
var fractionRunes = map[rune]catalog.Quantity{'½': 500, '¼': 250, '¾': 750}

// tokenize splits an order message into words, numbers and separators.
// A word ends at a digit, so "2kg" is a number and a word, and apostrophes
// and hyphens only separate words ("d'oeufs", "vingt-deux").
func tokenize(s string) []token {
	var tokens []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isDigit(r):
			t := scanNumber(s, i)
			tokens = append(tokens, t)
			i = t.end
		case isLetter(r):
			j := scanLetters(s, i)
			tokens = appendWords(tokens, s, i, j)
			i = j
		case fractionRunes[r] > 0:
			tokens = append(tokens, token{kind: numberToken, text: string(r), value: fractionRunes[r], fractional: true, start: i, end: i + size})
			i += size
		case r == '*' || r == '×':
			tokens = append(tokens, token{kind: timesToken, text: "x", start: i, end: i + size})
			i += size
		case r == '€':
			tokens = append(tokens, token{kind: wordToken, text: "eur", start: i, end: i + size})
			i += size
		case strings.ContainsRune(",;+.!?&\n\r|•", r):
			tokens = append(tokens, token{kind: separatorToken, text: string(r), start: i, end: i + size})
			i += size
		default:
			i += size
		}
	}
	return markTimes(tokens)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isLetter accepts combining marks too, so that a decomposed "é" stays in
// its word.
func isLetter(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r))
}

func scanLetters(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) {
			break
		}
		i += size
	}
	return i
}

// appendWords folds s[start:end] and appends it as one word, or as several
// when folding expands it into words.
func appendWords(tokens []token, s string, start, end int) []token {
	folded := foldWord(s[start:end])
	if folded != "" && !strings.Contains(folded, " ") {
		return append(tokens, token{kind: wordToken, text: folded, start: start, end: end})
	}
	for _, w := range strings.Fields(folded) {
		tokens = append(tokens, token{kind: wordToken, text: w, start: start, end: end})
	}
	return tokens
}

// foldWord lowers a word and strips its accents and ligatures ("Œufs" is
// "oeufs") as catalog.Fold does. Words of ASCII and Latin letters take a
// fast path through latinFolds; others go through catalog.Fold, which
// allocates a transform chain on every call.
func foldWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch folded, ok := latinFolds[r]; {
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		case ok:
			b.WriteString(folded)
		default:
			return catalog.Fold(w)
		}
	}
	return b.String()
}

// latinFolds maps the letters of Latin-1 Supplement and Latin Extended-A
// and B to their catalog.Fold form: "É" to "e", "œ" to "oe".
var latinFolds = func() map[rune]string {
	m := map[rune]string{}
	for r := rune(0xC0); r <= 0x24F; r++ {
		if unicode.IsLetter(r) {
			m[r] = catalog.Fold(string(r))
		}
	}
	return m
}()

// markTimes turns the word "x" into a times token: "3x2", "x2", "2 x baguettes".
func markTimes(tokens []token) []token {
	for i := range tokens {
		if tokens[i].is("x") {
			tokens[i].kind = timesToken
		}
	}
	return tokens
}
