package nlu

import (
	"slices"
	"strings"
	"unicode/utf8"
)

type itemClass uint8

const (
	otherItem       itemClass = iota
	acceptItem                // "ok", "oui", "d'accord"
	refuseItem                // "non", "refus", "pas possible"
	negationItem              // "pas" before an accept
	reservationItem           // "mais", "sauf": an accept with conditions
	fillerItem                // "pour", "la", "commande", "n°"
	politeItem                // "bonjour", "merci"
	refItem                   // an order reference
)

// replyItem is a word, a phrase or a reference of a merchant's reply.
type replyItem struct {
	class      itemClass
	text       string // folded; words of a phrase are joined by spaces
	start, end int    // bytes in the message
}

func (it replyItem) ref() string { return strings.ToUpper(it.text) }

func (it replyItem) action() Action {
	if it.class == acceptItem {
		return Accept
	}
	return Refuse
}

// replyPhrases gives the class of the words and phrases of merchant
// replies. Where two start at the same word, the longest wins.
var replyPhrases = map[itemClass][]string{
	acceptItem: {
		"ok", "okay", "oki", "okk", "okey", "oui", "ouai", "ouais", "yes", "yep", "daccord", "dac", "dacc",
		"d accord", "d acc", "accepte", "acceptee", "accepter", "accept", "accepted", "valide", "validee",
		"valider", "entendu", "c est bon", "ca marche", "c est ok", "confirme", "confirmee", "confirmer",
	},
	refuseItem: {
		"non", "nan", "refus", "refuse", "refusee", "refuser", "impossible", "pas possible",
		"annule", "annulee", "annuler", "decline",
	},
	negationItem:    {"pas"},
	reservationItem: {"mais", "sauf", "sans", "manque", "rupture", "plus de", "seulement", "partiel", "partiellement"},
	fillerItem: {
		"pour", "la", "le", "l", "commande", "cde", "cmd", "n", "numero", "num", "no", "ref", "reference",
		"c", "est", "ca", "je", "j", "on", "de", "du", "d", "the", "order", "votre", "ta", "ma", "cette",
	},
	politeItem: {
		"bonjour", "bonsoir", "bjr", "bsr", "salut", "hello", "madame", "monsieur", "merci", "mci",
		"svp", "stp", "cordialement", "bonne journee", "bonne soiree", "a bientot",
	},
}

var replyPhrasesByFirstWord = func() map[string][]phrase {
	m := map[string][]phrase{}
	for class, list := range replyPhrases {
		for _, p := range list {
			words := strings.Fields(p)
			m[words[0]] = append(m[words[0]], phrase{words: words, kind: phraseKind(class)})
		}
	}
	for _, list := range m {
		slices.SortFunc(list, func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
	return m
}()

// merchantTokens splits a reply into runs of letters and digits, folded,
// so that "K7P" stays one token. A command glued to a reference ("ok42",
// "42ok") is split in two.
func merchantTokens(s string) []token {
	var tokens []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) && !isDigit(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isLetter(r) && !isDigit(r) {
				break
			}
			j += size
		}
		for _, w := range strings.Fields(foldWord(s[i:j])) {
			tokens = append(tokens, splitGlued(token{kind: wordToken, text: w, start: i, end: j})...)
		}
		i = j
	}
	return tokens
}

// gluedWords are the commands that merchants type glued to a reference.
var gluedWords = []string{"daccord", "accepte", "refuse", "valide", "refus", "oui", "non", "ok"}

// splitGlued splits "ok42" into "ok" and "42", and "42ok" into "42" and
// "ok". Real references have no O, so none starts with "ok", "oui" or
// "non". Only ASCII tokens are split, so byte offsets stay exact.
func splitGlued(t token) []token {
	if len(t.text) != t.end-t.start {
		return []token{t}
	}
	for _, w := range gluedWords {
		if rest := strings.TrimPrefix(t.text, w); rest != t.text && isRefShaped(rest) {
			mid := t.start + len(w)
			return []token{{kind: wordToken, text: w, start: t.start, end: mid}, {kind: wordToken, text: rest, start: mid, end: t.end}}
		}
		if rest := strings.TrimSuffix(t.text, w); rest != t.text && isRefShaped(rest) {
			mid := t.start + len(rest)
			return []token{{kind: wordToken, text: rest, start: t.start, end: mid}, {kind: wordToken, text: w, start: mid, end: t.end}}
		}
	}
	return []token{t}
}

// isRefShaped reports whether s has the shape of an order reference: 2 to
// 6 ASCII letters or digits, with at least one digit.
func isRefShaped(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digit = true
		case c >= 'a' && c <= 'z':
		default:
			return false
		}
	}
	return digit
}

// classify groups tokens into words, phrases and references.
func classify(tokens []token) []replyItem {
	var items []replyItem
	for i := 0; i < len(tokens); {
		if p, ok := matchReplyPhrase(tokens, i); ok {
			last := tokens[i+len(p.words)-1]
			items = append(items, replyItem{class: itemClass(p.kind), text: strings.Join(p.words, " "), start: tokens[i].start, end: last.end})
			i += len(p.words)
			continue
		}
		class := otherItem
		if isRefShaped(tokens[i].text) {
			class = refItem
		}
		items = append(items, replyItem{class: class, text: tokens[i].text, start: tokens[i].start, end: tokens[i].end})
		i++
	}
	return items
}

func matchReplyPhrase(tokens []token, i int) (phrase, bool) {
	for _, p := range replyPhrasesByFirstWord[tokens[i].text] {
		if phraseAt(tokens, i, p.words) {
			return p, true
		}
	}
	return phrase{}, false
}

// measureSuffixes and measureWords mark numbers that are times or
// quantities rather than references: "17h", "2kg", "20 minutes".
var (
	measureSuffixes = []string{"h", "kg", "g", "gr", "l", "cl", "min", "mn", "e", "er", "eme", "eur", "j"}
	measureWords    = map[string]bool{
		"h": true, "heure": true, "heures": true, "min": true, "minute": true, "minutes": true, "mn": true,
		"kg": true, "kilo": true, "kilos": true, "g": true, "euro": true, "euros": true, "eur": true,
		"jour": true, "jours": true, "semaine": true, "semaines": true, "barquette": true, "barquettes": true,
		"piece": true, "pieces": true, "personne": true, "personnes": true,
	}
)

// isMeasure reports whether the reference-shaped items[i] is rather a time
// or a quantity: digits with a unit suffix, or digits before a unit word.
func isMeasure(items []replyItem, i int) bool {
	s := items[i].text
	k := 0
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == 0 {
		return false
	}
	suffix := s[k:]
	if suffix == "" {
		return i+1 < len(items) && measureWords[items[i+1].text]
	}
	if k2 := strings.IndexAny(suffix, "0123456789"); k2 > 0 && suffix[:k2] == "h" && strings.Trim(suffix[k2:], "0123456789") == "" {
		return true // "17h30"
	}
	return slices.Contains(measureSuffixes, suffix)
}
