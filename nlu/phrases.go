package nlu

import (
	"slices"
	"strings"
)

type phraseKind uint8

const (
	// politePhrase is dropped and ends a line: greetings, thanks, "je
	// voudrais", "il me faut", "s'il vous plaît".
	politePhrase phraseKind = iota + 1
	// softPhrase is dropped unless a product name uses all its words:
	// adjectives and times ("bien mûres", "pour demain").
	softPhrase
	// vaguePhrase is a quantity too vague to order: "un peu de", "quelques".
	vaguePhrase
	// inquiryPhrase marks a question to the shop: "combien", "vous avez".
	inquiryPhrase
)

// phrases lists folded phrases by kind. Where two phrases start at the
// same word, the longest wins, so "est ce que je peux avoir" is polite
// while "est ce que" starts a question.
var phrases = map[phraseKind][]string{
	politePhrase: {
		"bonjour", "bonsoir", "bjr", "bsr", "slt", "salut", "coucou", "hello", "allo",
		"madame", "monsieur", "mme", "mr", "mlle", "messieurs dames",
		"stp", "svp", "svpl", "stpl", "sil vous plait", "sil te plait", "s il vous plait", "s il te plait",
		"s il vous plais", "s v p", "please", "pls", "plz",
		"merci", "mci", "mrc", "merci bcp", "merci beaucoup", "merci d avance", "merci par avance",
		"d avance", "par avance", "cordialement", "bonne journee", "bonne soiree", "bonne fin de journee",
		"a bientot", "a plus", "bisous", "bises", "ok", "okay",
		"je voudrais", "je voudrai", "je voudrait", "je voudrez", "jvoudrais", "j voudrais", "je veux", "je veut",
		"j aimerais", "j aimerai", "je souhaite", "je souhaiterais", "je desire", "je desirerais",
		"je prends", "je prend", "je prendrai", "je prendrais", "je vais prendre", "je vais vous prendre",
		"je vous prends", "il me faut", "il me faudrait", "il me faudra", "il nous faut", "il me faudrai",
		"j ai besoin de", "j ai besoin d", "j aurais besoin de", "j aurais besoin d",
		"pour moi", "pour nous", "donnez moi", "donne moi", "mettez moi", "mets moi", "met moi",
		"vous pouvez me mettre", "pouvez vous me mettre", "pourriez vous me mettre", "vous me mettez",
		"vous me mettrez", "merci de me mettre", "de me mettre", "me mettre", "est ce que je peux avoir", "est ce que je pourrais avoir", "je peux avoir",
		"je pourrais avoir", "puis je avoir", "pourrais je avoir", "pouvez vous me preparer",
		"vous pouvez me preparer", "pourriez vous me preparer", "preparez moi",
		"ce sera", "ca sera", "ca serait", "ce serait", "voici ma commande", "voila ma commande",
		"ma commande", "je commande", "je vous commande", "commande",
		"c est", "c est pour", "c est tout", "ce sera tout", "ca sera tout", "rien d autre", "ainsi que",
	},
	softPhrase: {
		"aussi", "egalement", "encore", "voila",
		"bien", "tres", "bon", "bons", "bonne", "bonnes", "beau", "beaux", "belle", "belles",
		"joli", "jolis", "jolie", "jolies", "petit", "petits", "petite", "petites", "gros", "grosse", "grosses",
		"grand", "grands", "grande", "grandes", "frais", "fraiche", "fraiches",
		"demain", "aujourd hui", "ce matin", "ce soir", "ce midi", "cet apres midi", "demain matin", "demain soir",
		"apres demain", "matin", "soir", "midi", "semaine", "cette semaine", "la semaine prochaine", "de la semaine", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"si possible", "si vous avez", "si vous en avez", "si il y en a", "s il y en a",
	},
	vaguePhrase: {
		"un peu de", "un peu d", "un peu", "un petit peu de", "un petit peu d", "un petit peu",
		"quelques", "plusieurs", "un morceau de", "un morceau d", "un morceau", "un bout de", "un bout d", "un bout",
		"un petit morceau de", "un petit morceau", "beaucoup de", "beaucoup d", "assez de", "assez d",
	},
	inquiryPhrase: {
		"combien", "cb", "cbien", "quand", "pourquoi", "comment", "quel", "quelle", "quels", "quelles",
		"est ce que", "est ce qu", "avez vous", "avez vs", "vous avez", "vs avez", "auriez vous", "vous auriez",
		"y a t il", "il y a", "il reste", "il vous reste", "vous reste t il", "reste t il", "c est quoi",
		"qu est ce que", "qu est ce qu", "qu avez vous", "livrez vous", "vous livrez", "ouvert", "ouverte",
		"ouverts", "horaire", "horaires", "prix", "tarif", "tarifs",
	},
}

type phrase struct {
	words []string
	kind  phraseKind
}

// phrasesByFirstWord indexes phrases by their first word, longest first.
var phrasesByFirstWord = func() map[string][]phrase {
	m := map[string][]phrase{}
	for kind, list := range phrases {
		for _, p := range list {
			words := strings.Fields(p)
			m[words[0]] = append(m[words[0]], phrase{words: words, kind: kind})
		}
	}
	for _, list := range m {
		slices.SortFunc(list, func(a, b phrase) int { return len(b.words) - len(a.words) })
	}
	return m
}()

// matchPhrase returns the longest phrase that starts at tokens[i], if any.
func matchPhrase(tokens []token, i int) (phrase, bool) {
	for _, p := range phrasesByFirstWord[wordAt(tokens, i)] {
		if phraseAt(tokens, i, p.words) {
			return p, true
		}
	}
	return phrase{}, false
}

func phraseAt(tokens []token, i int, words []string) bool {
	for k, w := range words {
		if wordAt(tokens, i+k) != w {
			return false
		}
	}
	return true
}

// applyPhrases replaces polite phrases and inquiries with separators,
// drops soft phrases that no product name uses, and marks vague
// quantities. It reports whether the message contains an inquiry.
func applyPhrases(tokens []token, idx *index) ([]token, bool) {
	out := make([]token, 0, len(tokens))
	inquiry := false
	for i := 0; i < len(tokens); {
		p, ok := matchPhrase(tokens, i)
		if !ok || (p.kind == softPhrase && idx.hasWords(p.words...)) {
			out = append(out, tokens[i])
			i++
			continue
		}
		span := tokens[i : i+len(p.words)]
		mark := token{start: span[0].start, end: span[len(span)-1].end}
		switch p.kind {
		case politePhrase:
			mark.kind = separatorToken
			out = append(out, mark)
		case inquiryPhrase:
			inquiry = true
			mark.kind = separatorToken
			out = append(out, mark)
		case vaguePhrase:
			mark.kind = vagueToken
			out = append(out, mark)
		}
		i += len(p.words)
	}
	return out, inquiry
}
