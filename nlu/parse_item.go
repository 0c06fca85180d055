package nlu

// itemParse is the quantity and product words of one line.
type itemParse struct {
	amount    amountRead // n == 0 when no quantity was written
	trailing  bool       // the quantity came after the product words
	quantity  []token    // the tokens of the quantity
	words     []token    // the product words
	alternate bool       // "2 ou 3": alternatives, which are invalid
}

// parseItem finds the quantity of a line, at its start ("2 kg de
// tomates") or else at its end ("tomates 2 kg", "baguettes x3"), and
// returns it with the remaining product words.
func parseItem(tokens []token, useUnit bool) itemParse {
	lead := 0
	for lead < len(tokens) && stopWords[wordAt(tokens, lead)] {
		lead++ // "pour 10 euros de tomates"
	}
	if a := readAmount(tokens[lead:], useUnit, false); a.n > 0 {
		p := itemParse{amount: a, quantity: tokens[lead : lead+a.n]}
		rest := tokens[lead+a.n:]
		if wordAt(rest, 0) == "ou" {
			if b := readAmount(rest[1:], useUnit, true); b.n > 0 {
				p.alternate = true
				rest = rest[1+b.n:]
			}
		}
		p.words = rest
		return p
	}
	for j := 1; j < len(tokens); j++ {
		if a := readAmount(tokens[j:], useUnit, true); a.n == len(tokens)-j {
			return itemParse{amount: a, trailing: true, quantity: tokens[j:], words: tokens[:j]}
		}
	}
	return itemParse{words: tokens}
}

// productWords returns the folded words and numbers of tokens that name a
// product, in singular, without stop words.
func productWords(tokens []token) []string {
	var words []string
	for _, t := range tokens {
		if t.kind == wordToken || t.kind == numberToken {
			words = append(words, t.text)
		}
	}
	return contentWords(words)
}
