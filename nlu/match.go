package nlu

import (
	"slices"
	"strings"
)

// minPrefixRunes is the shortest abbreviation matched as the start of a
// name word ("choc" for "chocolat").
const minPrefixRunes = 4

// score is the match of the customer's words against one product name.
type score struct {
	product   int
	matched   int  // customer words that matched a name word
	exact     int  // customer words that matched a name word exactly
	cost      int  // edits of the inexact matches; an abbreviation costs 1
	uncovered int  // name words that no customer word matched
	head      bool // the first name word matched: "beurre" is the head of Beurre doux, not of Croissant au beurre
}

// matchResult is the product or products that the customer's words name.
// Status is Understood when one product is certain, else ProductUnsure,
// ProductAmbiguous or ProductUnknown.
type matchResult struct {
	status   Status
	products []int // indexes into index.products, best first
}

// match finds the products named by words (folded, singular, without stop
// words). A product is certain when every word matches its name exactly,
// its first name word included, and no other product does as well. A tie
// is broken in favour of a name made of exactly those words ("tomates"
// picks Tomates over Tomates cerises). Names matched without their first
// word ("cerises" for Tomates cerises), typos, abbreviations and partial
// matches are never certain.
func (idx *index) match(words []string) matchResult {
	var full, fuzzy, partial []score
	for i := range idx.entries {
		s := idx.score(i, words)
		switch {
		case s.exact == len(words):
			full = append(full, s)
		case s.matched == len(words):
			fuzzy = append(fuzzy, s)
		case s.exact > 0:
			partial = append(partial, s)
		}
	}
	if heads := headMatches(full); len(heads) > 0 {
		return pick(heads, Understood, func(s score) int { return s.uncovered })
	}
	if len(full) > 0 {
		return pick(full, ProductUnsure, func(s score) int { return s.uncovered })
	}
	if len(fuzzy) > 0 {
		return pick(fuzzy, ProductUnsure, func(s score) int { return s.cost*64 + s.uncovered })
	}
	if len(partial) > 0 {
		return pick(partial, ProductUnsure, func(s score) int {
			return (len(words)-s.exact)*4096 + (len(words)-s.matched)*64 + s.cost*8 + min(s.uncovered, 7)
		})
	}
	return matchResult{status: ProductUnknown}
}

// pick returns the single best score with status when it is strictly
// better than the others by rank (lower is better), or all scores tied at
// the best rank as ProductAmbiguous. Among full exact matches the tie
// break is the name's uncovered words, and a tie of several products is
// ambiguous with all full matches offered, best first.
func pick(scores []score, status Status, rank func(score) int) matchResult {
	slices.SortStableFunc(scores, func(a, b score) int { return rank(a) - rank(b) })
	best := rank(scores[0])
	if len(scores) == 1 || rank(scores[1]) > best {
		if status == Understood && len(scores) > 1 && best > 0 {
			return ambiguous(scores)
		}
		return matchResult{status: status, products: []int{scores[0].product}}
	}
	if status == Understood {
		return ambiguous(scores)
	}
	var tied []score
	for _, s := range scores {
		if rank(s) == best {
			tied = append(tied, s)
		}
	}
	return ambiguous(tied)
}

// headMatches returns the scores whose first name word matched.
func headMatches(scores []score) []score {
	var heads []score
	for _, s := range scores {
		if s.head {
			heads = append(heads, s)
		}
	}
	return heads
}

func ambiguous(scores []score) matchResult {
	r := matchResult{status: ProductAmbiguous}
	for _, s := range scores {
		r.products = append(r.products, s.product)
	}
	return r
}

// score matches each customer word to its best name word of product i:
// exactly, as an abbreviation, or within allowedEdits typos. Two adjacent
// name words also match as one ("choufleur").
func (idx *index) score(i int, words []string) score {
	names := idx.entries[i].words
	s := score{product: i}
	var covered uint64
	for _, w := range words {
		best, at, span := -1, 0, 0
		maxEdits := allowedEdits(runeCount(w))
		for j, nw := range names {
			if c := wordCost(w, nw, maxEdits); c >= 0 && (best < 0 || c < best) {
				best, at, span = c, j, 1
			}
			if j+1 < len(names) {
				if c := wordCost(w, nw+names[j+1], maxEdits); c >= 0 && (best < 0 || c < best) {
					best, at, span = c, j, 2
				}
			}
		}
		if best < 0 {
			continue
		}
		s.matched++
		if best == 0 {
			s.exact++
		}
		s.cost += best
		for k := at; k < at+span && k < 64; k++ {
			covered |= 1 << k
		}
	}
	s.head = covered&1 == 1
	for j := range names {
		if j >= 64 || covered&(1<<j) == 0 {
			s.uncovered++
		}
	}
	return s
}

// wordCost returns 0 for an exact match, 1 for an abbreviation, the edit
// distance for a typo within maxEdits, or -1.
func wordCost(w, name string, maxEdits int) int {
	if w == name {
		return 0
	}
	if runeCount(w) >= minPrefixRunes && strings.HasPrefix(name, w) {
		return 1
	}
	if maxEdits == 0 {
		return -1
	}
	if d := editDistance(w, name, maxEdits); d <= maxEdits {
		return d
	}
	return -1
}
