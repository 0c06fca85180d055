package nlu

import "unicode/utf8"

// maxDistanceRunes bounds the words compared by edit distance. Longer words
// only match exactly, which keeps each comparison under 33×33 steps.
const maxDistanceRunes = 32

// allowedEdits is the number of typos forgiven in a word of n runes: none
// up to 3 letters ("ail" must not match "sel"), one up to 5, two beyond.
func allowedEdits(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// editDistance returns the optimal string alignment distance between a and
// b (Damerau-Levenshtein where each substring is edited once): insertions,
// deletions, substitutions and swaps of two adjacent runes each count one.
// It returns max+1 as soon as the distance must exceed max.
func editDistance(a, b string, max int) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > maxDistanceRunes || len(rb) > maxDistanceRunes {
		if a == b {
			return 0
		}
		return max + 1
	}
	if abs(len(ra)-len(rb)) > max {
		return max + 1
	}
	var rows [3][maxDistanceRunes + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(rb); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(rb)], max+1)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }
