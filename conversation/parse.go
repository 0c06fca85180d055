package conversation

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/drivelocal/drivelocal/catalog"
)

// Keyword is a command that works at any point of a customer's
// conversation.
type Keyword int

// Keywords, matched on the whole folded message.
const (
	NoKeyword Keyword = iota
	KeyMenu
	KeyHelp
	KeyBasket
	KeyCheckout
	KeyCancel
	KeyNext
	KeyEnglish
	KeyFrench
	KeyGreeting
)

var keywords = map[string]Keyword{
	"menu": KeyMenu, "accueil": KeyMenu, "recommencer": KeyMenu,
	"aide": KeyHelp, "help": KeyHelp, "info": KeyHelp,
	"panier": KeyBasket, "basket": KeyBasket, "cart": KeyBasket,
	"valider": KeyCheckout, "commander": KeyCheckout, "checkout": KeyCheckout,
	"annuler": KeyCancel, "vider": KeyCancel, "cancel": KeyCancel,
	"suite": KeyNext, "suivant": KeyNext, "plus": KeyNext, "next": KeyNext, "more": KeyNext,
	"english": KeyEnglish, "anglais": KeyEnglish,
	"francais": KeyFrench, "french": KeyFrench,
}

// withoutGreeting drops a leading greeting, so "bonjour cassis" reads as
// "cassis".
func withoutGreeting(folded string) string {
	first, rest, ok := strings.Cut(folded, " ")
	if ok && greetings[first] && rest != "" {
		return rest
	}
	return folded
}

// keyword returns the keyword that the folded message is, if any. A
// greeting alone starts over like MENU, with the welcome.
func keyword(folded string) Keyword {
	if greetings[folded] {
		return KeyGreeting
	}
	return keywords[folded]
}

var greetings = map[string]bool{
	"bonjour": true, "bonsoir": true, "salut": true, "coucou": true, "bjr": true, "bsr": true,
	"slt": true, "hello": true, "hi": true, "allo": true, "bonjour madame": true, "bonjour monsieur": true,
}

var numberWords = map[string]int{
	"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
	"six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
}

var choicePrefixes = []string{"numero ", "num ", "no ", "n ", "le ", "la ", "choix "}

// choice reads a number picked from a list as people type it: "1", "1.",
// "n°1", "le 1", "un". The text must be folded.
func choice(folded string) (int, bool) {
	for _, p := range choicePrefixes {
		folded = strings.TrimPrefix(folded, p)
	}
	if n, ok := numberWords[folded]; ok {
		return n, true
	}
	n, err := strconv.Atoi(folded)
	if err != nil || n <= 0 || n > 999 {
		return 0, false
	}
	return n, true
}

// lineOrder matches "3 x2", "3x2", "3 x 1,5", "3 * 2" and "3 2": product
// number then quantity. The two numbers need an "x" or a space between
// them, so that "12" is product 12 and not 2 of product 1.
var lineOrder = regexp.MustCompile(`^(\d{1,3})(?:\s*(?:x|\*|fois)\s*|\s+)(\d+(?:[.,]\d{1,3})?)$`)

// productAndQuantity reads a product number and a quantity in one message.
func productAndQuantity(folded string) (int, catalog.Quantity, bool) {
	folded = strings.ReplaceAll(folded, "×", "x")
	m := lineOrder.FindStringSubmatch(folded)
	if m == nil {
		return 0, 0, false
	}
	n, _ := strconv.Atoi(m[1])
	q, err := catalog.ParseQuantity(m[2])
	if err != nil || n == 0 {
		return 0, 0, false
	}
	return n, q, true
}

// quantity reads a quantity alone: "2", "1,5", "x2", "deux".
func quantity(folded string) (catalog.Quantity, bool) {
	folded = strings.TrimSpace(strings.TrimPrefix(folded, "x"))
	if n, ok := numberWords[folded]; ok {
		return catalog.Quantity(n) * catalog.One, true
	}
	if !regexp.MustCompile(`^\d+(?:[.,]\d{1,3})?$`).MatchString(folded) {
		return 0, false
	}
	q, err := catalog.ParseQuantity(folded)
	return q, err == nil
}

var yesWords = map[string]bool{"oui": true, "o": true, "ok": true, "yes": true, "y": true, "confirmer": true, "d accord": true, "daccord": true}
var noWords = map[string]bool{"non": true, "n": true, "no": true}

// isYes and isNo read an answer by its first word, so "oui merci" and
// "Non, pas encore" count; the rest must not turn it around ("oui non").
func isYes(folded string) bool { return answerIs(folded, yesWords, noWords) }
func isNo(folded string) bool  { return answerIs(folded, noWords, yesWords) }

func answerIs(folded string, words, opposite map[string]bool) bool {
	if words[folded] {
		return true
	}
	fields := strings.Fields(folded)
	if len(fields) == 0 || !words[fields[0]] {
		return false
	}
	for _, f := range fields[1:] {
		if opposite[f] {
			return false
		}
	}
	return true
}

// refusalReason returns what follows the reference in the original text,
// keeping the merchant's accents and case. It searches text itself, because
// an upper-cased copy can differ in length (invalid UTF-8 becomes a 3-byte
// U+FFFD) and its offsets would not fit text. The reference is ASCII, so a
// match always starts on a rune boundary.
func refusalReason(text, ref string) string {
	for i := 0; i+len(ref) <= len(text); i++ {
		if strings.EqualFold(text[i:i+len(ref)], ref) {
			return strings.Trim(strings.TrimSpace(text[i+len(ref):]), " :,.-")
		}
	}
	return ""
}

// numberedLine is a product number and a quantity.
type numberedLine struct {
	N        int
	Quantity catalog.Quantity
}

// numberedItem matches one "3 x2" inside a longer message.
var numberedItem = regexp.MustCompile(`(\d{1,3})\s*(?:x|\*)\s*(\d+(?:[.,]\d{1,3})?)`)

// severalLines reads a message that orders several numbered products at
// once: "1 x2, 3 x1, 4 x1", "1x2 3x1", "1 x2 et 3 x1", or one per line.
// It needs at least two lines and nothing else in the message.
func severalLines(text string) ([]numberedLine, bool) {
	folded := catalog.Fold(strings.NewReplacer("×", "x", "+", " ", ";", " ").Replace(text))
	folded = strings.ReplaceAll(" "+folded+" ", " et ", " ")
	matches := numberedItem.FindAllStringSubmatchIndex(folded, -1)
	if len(matches) < 2 {
		return nil, false
	}
	var lines []numberedLine
	rest := folded
	for i := len(matches) - 1; i >= 0; i-- {
		m := matches[i]
		n, _ := strconv.Atoi(folded[m[2]:m[3]])
		q, err := catalog.ParseQuantity(folded[m[4]:m[5]])
		if err != nil || n == 0 {
			return nil, false
		}
		lines = append([]numberedLine{{N: n, Quantity: q}}, lines...)
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	if strings.TrimSpace(rest) != "" {
		return nil, false
	}
	return lines, true
}

// negative matches a minus sign before a number ("1 x-3", "-2"), which
// folding would otherwise drop.
var negative = regexp.MustCompile(`(^|[\sx*×])-\s*\d`)

// hasNegative reports whether text gives a negative quantity.
func hasNegative(text string) bool { return negative.MatchString(strings.ToLower(text)) }

// communePrefixes are the ways people introduce their commune: "je suis à
// Cassis", "j'habite Aix". They are folded.
var communePrefixes = []string{
	"je suis a ", "je suis sur ", "je suis de ", "je suis en ", "j habite a ", "j habite sur ", "j habite ",
	"nous sommes a ", "on est a ", "j suis a ", "commune de ", "ville de ", "c est ", "a ", "sur ",
}

// communeQuery drops what surrounds a commune's name in a sentence, so
// that "je suis à Cassis merci" reads as "cassis".
func communeQuery(folded string) string {
	for _, p := range communePrefixes {
		if rest, ok := strings.CutPrefix(folded, p); ok && rest != "" {
			folded = rest
			break
		}
	}
	for _, s := range []string{" merci", " svp", " stp", " s il vous plait"} {
		folded = strings.TrimSuffix(folded, s)
	}
	return folded
}
