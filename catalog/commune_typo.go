package catalog

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// maxTypos returns how many edits (a letter added, removed, replaced, or
// two neighbours swapped) a name key may be from a commune's: none below
// five letters, where most one-letter changes give another commune, one up
// to eight letters, two beyond.
func maxTypos(key string) int {
	switch n := utf8.RuneCountInString(key); {
	case n < 5:
		return 0
	case n <= 8:
		return 1
	default:
		return 2
	}
}

// matchTypos returns the communes whose name key is at the smallest edit
// distance from key, within maxTypos, most populous first. It needs no
// PostgreSQL extension: the database returns the candidates and the
// distances are computed here.
//
// NOTE: the candidates are the names that start or end with the same three
// characters as key, so a name with typos near both ends is not found.
func matchTypos(ctx context.Context, db postgres.DBTX, key string) ([]Commune, error) {
	limit := maxTypos(key)
	if limit == 0 {
		return nil, nil
	}
	n := utf8.RuneCountInString(key)
	rows, err := db.Query(ctx, `SELECT id, name_key FROM communes
		WHERE (left(name_key, 3) = left($1, 3) OR right(name_key, 3) = right($1, 3))
			AND char_length(name_key) BETWEEN $2 AND $3`, key, n-limit, n+limit)
	if err != nil {
		return nil, fmt.Errorf("list typo candidates: %w", err)
	}
	var ids []int64
	var keys []string
	var id int64
	var candidate string
	_, err = pgx.ForEachRow(rows, []any{&id, &candidate}, func() error {
		ids = append(ids, id)
		keys = append(keys, candidate)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list typo candidates: %w", err)
	}

	var closest []int64
	for _, i := range closestKeys(key, keys) {
		closest = append(closest, ids[i])
	}
	if len(closest) == 0 {
		return nil, nil
	}
	return queryCommunes(ctx, db, `SELECT `+communeColumns+` FROM communes c
		WHERE c.id = ANY($1) ORDER BY `+communeOrder, closest)
}

// closestKeys returns the indexes of the keys at the smallest edit distance
// from key, if that distance is at most maxTypos(key).
func closestKeys(key string, keys []string) []int {
	limit := maxTypos(key)
	if limit == 0 {
		return nil
	}
	best := limit + 1
	var closest []int
	for i, k := range keys {
		d := editDistance(key, k)
		switch {
		case d < best:
			best = d
			closest = []int{i}
		case d == best:
			closest = append(closest, i)
		}
	}
	return closest
}

// editDistance returns the optimal string alignment distance between a
// and b: the number of runes inserted, deleted or substituted, or pairs of
// adjacent runes swapped, that turn a into b, editing no substring twice.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	// d[i][j] is the distance between s[:i] and t[:j].
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
