package catalog

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/drivelocal/drivelocal/postgres"
)

// CommuneMatch is the result of MatchCommunes for a customer's reply.
type CommuneMatch struct {
	Communes []Commune // most populous first
	// Guessed is true when the reply was read as something it did not
	// exactly say: a four-digit postal code, a name with typos, or the
	// start of a name. The conversation should ask the customer to
	// confirm ("06000, Nice ?").
	Guessed bool
	// PostalCode is the five-digit postal code that the reply gave or was
	// read as ("06000" for "6000"), or "" when it gave none.
	PostalCode string
}

// communeQuery is a customer's reply to "which commune?", split into a
// postal code and name words.
type communeQuery struct {
	postalCode  string   // five digits, or ""
	guessedCode bool     // postalCode was read from four digits
	words       []string // folded name words, abbreviations expanded
	plainKey    string   // the name's key without expanding abbreviations
	invalid     bool     // digits that cannot be a postal code
}

// parseCommuneQuery reads "13090", "13 090", "6000" (a postal code whose
// leading zero a spreadsheet dropped), a name, or a name and a postal code
// in either order ("Cassis 13260").
func parseCommuneQuery(query string) communeQuery {
	folded := Fold(query)
	if compact := strings.ReplaceAll(folded, " ", ""); isDigits(compact) {
		return postalCodeQuery(compact)
	}

	var q communeQuery
	var name []string
	for _, word := range strings.Fields(folded) {
		if isDigits(word) && q.postalCode == "" && !q.invalid {
			q = postalCodeQuery(word)
			continue
		}
		name = append(name, word)
	}
	q.words = communeWords(strings.Join(name, " "))
	q.plainKey = strings.Join(name, "")
	return q
}

func postalCodeQuery(digits string) communeQuery {
	switch len(digits) {
	case 5:
		return communeQuery{postalCode: digits}
	case 4:
		return communeQuery{postalCode: "0" + digits, guessedCode: true}
	}
	return communeQuery{invalid: true}
}

// MatchCommunes returns the communes that a customer's reply to "which
// commune?" names, most populous first, and whether they were guessed.
//
// A five-digit postal code gives all its communes, and a four-digit one the
// communes of the code with a leading zero, guessed. A name is matched with
// abbreviations expanded (St, Ste, s/, Pce...), ignoring case, accents,
// spaces and punctuation, then with a leading article added ("Havre"). When
// neither matches, the communes whose name starts with it (at least four
// letters, at most maxPrefixMatches communes), then those at the smallest
// edit distance from it (see matchTypos), are returned as guesses. A name
// with a postal code is looked for in the same steps among the communes of
// the code, where a start of any length counts, and all of them are
// returned, guessed, when none matches the name.
func MatchCommunes(ctx context.Context, db postgres.DBTX, query string) (CommuneMatch, error) {
	q := parseCommuneQuery(query)
	var match CommuneMatch
	var err error
	switch {
	case q.invalid:
		return CommuneMatch{}, nil
	case q.postalCode != "":
		match, err = matchPostalCode(ctx, db, q)
	case len(q.words) > 0:
		match, err = matchName(ctx, db, q)
	}
	if err != nil {
		return CommuneMatch{}, fmt.Errorf("match communes %q: %w", query, err)
	}
	return match, nil
}

// matchPostalCode returns the communes of the query's postal code, keeping
// those that the query's name matches when it has one.
func matchPostalCode(ctx context.Context, db postgres.DBTX, q communeQuery) (CommuneMatch, error) {
	communes, err := queryCommunes(ctx, db, `SELECT `+communeColumns+` FROM communes c
		WHERE c.id IN (SELECT commune_id FROM commune_postal_codes WHERE postal_code = $1)
		ORDER BY `+communeOrder, q.postalCode)
	if err != nil {
		return CommuneMatch{}, err
	}
	match := CommuneMatch{Communes: communes, Guessed: q.guessedCode, PostalCode: q.postalCode}
	if len(q.words) == 0 || len(communes) == 0 {
		return match, nil
	}

	named, guessed := matchNameAmong(communes, q.words)
	if len(named) == 0 {
		match.Guessed = true // the name contradicts the postal code
		return match, nil
	}
	match.Communes = named
	match.Guessed = match.Guessed || guessed
	return match, nil
}

// matchNameAmong returns the communes of the list that the name words
// match, in list order, and whether they were guessed. It tries the same
// steps as matchName.
func matchNameAmong(communes []Commune, words []string) ([]Commune, bool) {
	key := communeKey(words)
	keyOf := func(c Commune) string { return communeKey(communeWords(c.Name)) }

	steps := []struct {
		guessed bool
		matches func(string) bool
	}{
		{false, func(k string) bool { return k == key }},
		{false, func(k string) bool { return slices.Contains(withArticles(words), k) }},
		// The communes of one postal code are few, so a short start is enough.
		{true, func(k string) bool { return strings.HasPrefix(k, key) }},
	}
	for _, step := range steps {
		var found []Commune
		for _, c := range communes {
			if step.matches(keyOf(c)) {
				found = append(found, c)
			}
		}
		if len(found) > 0 {
			return found, step.guessed
		}
	}

	keys := make([]string, len(communes))
	for i, c := range communes {
		keys[i] = keyOf(c)
	}
	var found []Commune
	for _, i := range closestKeys(key, keys) {
		found = append(found, communes[i])
	}
	return found, true
}
