package gsm7

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// replacements maps characters outside the GSM-7 alphabet to the GSM-7
// text that stands for them. Every value is GSM-7. Characters missing here
// fall back to their compatibility decomposition without accents (see
// fold), and are dropped when that does not give GSM-7 either.
var replacements = map[rune]string{
	// French letters the alphabet lacks: it has Ç but not ç, and no
	// ligature œ.
	'ç': "c", 'œ': "oe", 'Œ': "OE",
	// Latin letters without a canonical decomposition.
	'ẞ': "SS", 'Ł': "L", 'ł': "l", 'Đ': "D", 'đ': "d", 'Ð': "D", 'ð': "d",
	'Þ': "TH", 'þ': "th", 'ı': "i",

	// Quotes and apostrophes. The grave accent and backtick are not in the
	// alphabet either.
	'‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '‹': "'", '›': "'",
	'`': "'", '´': "'",
	'«': "\"", '»': "\"", '“': "\"", '”': "\"", '„': "\"", '‟': "\"", '″': "\"",

	// Dashes, hyphens and the minus sign.
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-",
	'\u2015': "-", '\u2212': "-",

	// Spaces: French typography puts a narrow no-break space (U+202F)
	// before ; : ! ? and inside « ».
	'\t': " ", '\u00a0': " ", '\u2000': " ", '\u2001': " ", '\u2002': " ",
	'\u2003': " ", '\u2004': " ", '\u2005': " ", '\u2006': " ", '\u2007': " ",
	'\u2008': " ", '\u2009': " ", '\u200a': " ", '\u202f': " ", '\u205f': " ",
	'\u3000': " ",
	'\u2028': "\n", '\u2029': "\n", '\u0085': "\n",

	// Other punctuation and signs common in French shop messages. The
	// degree sign becomes "o" because it mostly appears in "n°" (numéro).
	'…': "...", '•': "-", '·': ".", '°': "o", '×': "x", '÷': "/", '⁄': "/",
	'©': "(c)", '®': "(R)",
}

// Transliterate returns s rewritten with only GSM 03.38 characters (default
// alphabet and extension table). Characters of the alphabet are kept,
// including é è à ù ì ò Ç É Ä Ö Ñ Ü ä ö ñ ü ø Ø å Å æ Æ ß and €. French
// letters it lacks lose their accent (ê→e, ç→c, œ→oe), typographic quotes,
// dashes and spaces become their ASCII form, other accented Latin letters
// fold to their base letter (á→a), and everything else, such as emoji, is
// removed.
func Transliterate(s string) string {
	var out strings.Builder
	out.Grow(len(s))
	// NFC first, so that "e" followed by a combining acute accent becomes
	// the alphabet's "é" instead of losing its accent.
	for _, r := range guillemetSpaces.Replace(norm.NFC.String(s)) {
		out.WriteString(transliterateRune(r))
	}
	return out.String()
}

// guillemetSpaces drops the spaces French typography puts inside « »,
// which around straight quotes would read " OUI " instead of "OUI".
var guillemetSpaces = strings.NewReplacer(
	"« ", "«", "« ", "«", "« ", "«",
	" »", "»", " »", "»", " »", "»",
)

func transliterateRune(r rune) string {
	if septets[r] > 0 {
		return string(r)
	}
	if repl, ok := replacements[r]; ok {
		return repl
	}
	return fold(r)
}

// fold returns the compatibility decomposition of r (NFKD) without its
// combining marks, so "á" gives "a", "ﬁ" gives "fi" and "²" gives "2". It
// returns "" when a part of the decomposition is still not GSM-7, so that
// no half of a character survives.
func fold(r rune) string {
	var out strings.Builder
	for _, part := range norm.NFKD.String(string(r)) {
		switch {
		case unicode.Is(unicode.Mn, part):
			continue
		case septets[part] > 0:
			out.WriteRune(part)
		case replacements[part] != "":
			out.WriteString(replacements[part])
		default:
			return ""
		}
	}
	return out.String()
}
