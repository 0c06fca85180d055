package catalog

import (
	"strings"
	"unicode"
)

// communeAbbreviations are the short forms of words that people and
// spreadsheets use in commune names, keyed by their folded form. Official
// names always spell these words out ("Saint-Rémy-de-Provence").
var communeAbbreviations = map[string]string{
	"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes",
	"s":  "sur", // "s/" folds to "s": "Bar s/ Seine"
	"mt": "mont", "mts": "monts",
	"gd": "grand", "gde": "grande", "gds": "grands", "gdes": "grandes",
	"nd":  "notre dame",
	"vx":  "vieux",
	"pce": "provence",
}

// communeAbbreviationPairs are abbreviations of two folded words.
var communeAbbreviationPairs = map[[2]string]string{
	{"s", "s"}: "sous",       // "s/s Bois"
	{"n", "d"}: "notre dame", // "N.-D."
}

// communeArticles are the folded leading articles that people leave out of
// names such as "Le Havre" or "L'Haÿ-les-Roses".
var communeArticles = []string{"le", "la", "les", "l"}

// communeWords folds a commune name and expands its abbreviations, so that
// "St-Rémy-de-Pce" gives [saint remy de provence].
func communeWords(name string) []string {
	folded := strings.Fields(Fold(name))
	words := make([]string, 0, len(folded))
	for i := 0; i < len(folded); i++ {
		if i+1 < len(folded) {
			if long, ok := communeAbbreviationPairs[[2]string{folded[i], folded[i+1]}]; ok {
				words = append(words, strings.Fields(long)...)
				i++
				continue
			}
		}
		if long, ok := communeAbbreviations[folded[i]]; ok {
			words = append(words, strings.Fields(long)...)
			continue
		}
		words = append(words, folded[i])
	}
	return words
}

// communeKey returns the communes.name_key that a name written as words
// matches: the words joined without spaces.
func communeKey(words []string) string {
	return strings.Join(words, "")
}

// communeKeys returns the keys to look name up by: its key with
// abbreviations expanded, and its plain folded key when that differs,
// because communes imported before abbreviations were expanded keep their
// names as written.
func communeKeys(name string) []string {
	expanded := communeKey(communeWords(name))
	plain := strings.ReplaceAll(Fold(name), " ", "")
	if plain == expanded {
		return []string{expanded}
	}
	return []string{expanded, plain}
}

// withArticles returns the key preceded by each leading article, or nothing
// when the words already start with one.
func withArticles(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	for _, article := range communeArticles {
		if words[0] == article {
			return nil
		}
	}
	key := communeKey(words)
	keys := make([]string, 0, len(communeArticles))
	for _, article := range communeArticles {
		keys = append(keys, article+key)
	}
	return keys
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII || !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}
