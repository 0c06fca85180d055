package nlu

// splitSegments cuts tokens into segments of one order line, or of
// several numbered lines. It cuts at separators and at "et", "puis",
// "avec" and "plus" (before a number). It does not cut where these words
// belong to a number ("vingt et un"), a quantity ("un kilo et demi") or a
// product name ("pain aux noix et raisins").
func splitSegments(tokens []token, idx *index) [][]token {
	var segments [][]token
	start := 0
	for i := range tokens {
		if tokens[i].kind == separatorToken || isSplitWord(tokens, i, idx) {
			if i > start {
				segments = append(segments, tokens[start:i])
			}
			start = i + 1
		}
	}
	if start < len(tokens) {
		segments = append(segments, tokens[start:])
	}
	return segments
}

func isSplitWord(tokens []token, i int, idx *index) bool {
	prev, next := wordAt(tokens, i-1), wordAt(tokens, i+1)
	switch tokens[i].text {
	case "et":
		return tokens[i].kind == wordToken && !joinsNumber(prev, next) && fractionWords[next] == 0 &&
			!idx.etPairs[[2]string{singular(prev), singular(next)}]
	case "puis":
		return tokens[i].kind == wordToken
	case "avec":
		return tokens[i].kind == wordToken && !idx.nameWords["avec"]
	case "plus":
		return tokens[i].kind == wordToken && startsNumber(tokens[i+1:])
	}
	return false
}

// joinsNumber reports whether "et" between prev and next is part of a
// number: "vingt et un", "soixante et onze".
func joinsNumber(prev, next string) bool {
	tens := tensWords[prev]
	return (tens > 0 && tens < 80 && (next == "un" || next == "une")) || (tens == 60 && next == "onze")
}

// startsNumber reports whether tokens start with a number in digits or words.
func startsNumber(tokens []token) bool {
	if len(tokens) == 0 {
		return false
	}
	_, _, _, n := readNumber(tokens)
	return n > 0
}
