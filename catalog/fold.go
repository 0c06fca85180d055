package catalog

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var ligatures = strings.NewReplacer("œ", "oe", "Œ", "OE", "æ", "ae", "Æ", "AE", "ß", "ss")

// Fold lowers s, strips its accents, expands ligatures, turns hyphens,
// apostrophes and other punctuation into single spaces and trims it, so that
// "  Aix-en-Provence " and "aix en provence" compare equal. A comma or point
// between two digits is kept, so "1,5" stays a decimal number.
func Fold(s string) string {
	s = ligatures.Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if out, _, err := transform.String(t, s); err == nil {
		s = out
	}
	rs := []rune(strings.ToLower(s))

	var b strings.Builder
	space := false
	for i, r := range rs {
		keep := unicode.IsLetter(r) || unicode.IsDigit(r)
		if (r == ',' || r == '.') && i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]) {
			keep = true
		}
		if !keep {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
