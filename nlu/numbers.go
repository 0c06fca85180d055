package nlu

// French number words. Hyphens are already word breaks, so "vingt-deux"
// arrives as "vingt" "deux".
var (
	digitWords = map[string]int{
		"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
		"six": 6, "sept": 7, "huit": 8, "neuf": 9,
	}
	teenWords = map[string]int{
		"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
	}
	// tensWords include the Belgian and Swiss septante, huitante, octante
	// and nonante.
	tensWords = map[string]int{
		"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
		"septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
	}
)

// wordAt returns the word of tokens[i], or "" outside tokens or on a token
// that is not a word.
func wordAt(tokens []token, i int) string {
	if i >= 0 && i < len(tokens) && tokens[i].kind == wordToken {
		return tokens[i].text
	}
	return ""
}

// readNumberWords reads a whole number from 1 to 999 written in words at
// the start of tokens: "deux", "vingt et un", "soixante et onze",
// "quatre vingt dix neuf", "deux cent cinquante". It returns the number and
// the count of tokens read, or 0, 0.
func readNumberWords(tokens []token) (value, n int) {
	hundreds := 0
	if d := digitWords[wordAt(tokens, 0)]; d > 1 && isCent(wordAt(tokens, 1)) {
		hundreds, n = d*100, 2
	} else if isCent(wordAt(tokens, 0)) {
		hundreds, n = 100, 1
	}
	rest, m := readBelowHundred(tokens[n:])
	if hundreds == 0 && m == 0 {
		return 0, 0
	}
	return hundreds + rest, n + m
}

func isCent(w string) bool { return w == "cent" || w == "cents" }

// readBelowHundred reads a number from 1 to 99 in words.
func readBelowHundred(tokens []token) (value, n int) {
	if wordAt(tokens, 0) == "quatre" && tensWords[wordAt(tokens, 1)] == 20 {
		rest, m := readAfterTens(tokens[2:], 80)
		return 80 + rest, 2 + m
	}
	if tens := tensWords[wordAt(tokens, 0)]; tens > 0 {
		rest, m := readAfterTens(tokens[1:], tens)
		return tens + rest, 1 + m
	}
	if teen, m := readTeen(tokens); m > 0 {
		return teen, m
	}
	if d := digitWords[wordAt(tokens, 0)]; d > 0 {
		return d, 1
	}
	return 0, 0
}

// readAfterTens reads what may follow a tens word: "et un", "et onze"
// after soixante, a teen after soixante and quatre-vingt, or a digit.
func readAfterTens(tokens []token, tens int) (value, n int) {
	first, second := wordAt(tokens, 0), wordAt(tokens, 1)
	if first == "et" && (second == "un" || second == "une") && tens < 80 {
		return 1, 2
	}
	if first == "et" && second == "onze" && tens == 60 {
		return 11, 2
	}
	if tens == 60 || tens == 80 {
		if teen, m := readTeen(tokens); m > 0 {
			return teen, m
		}
	}
	if d := digitWords[first]; d > 0 {
		return d, 1
	}
	return 0, 0
}

// readTeen reads 10 to 19: "dix", "onze", "dix sept".
func readTeen(tokens []token) (value, n int) {
	first := wordAt(tokens, 0)
	if first == "dix" {
		if d := digitWords[wordAt(tokens, 1)]; d >= 7 {
			return 10 + d, 2
		}
	}
	if teen := teenWords[first]; teen > 0 {
		return teen, 1
	}
	return 0, 0
}
