package catalog

import (
	"context"
	"slices"

	"github.com/drivelocal/drivelocal/postgres"
)

// minPrefixLength is the shortest name key that MatchCommunes completes as
// the start of longer names, because shorter ones start too many names.
const minPrefixLength = 4

// maxPrefixMatches bounds the communes returned for the start of a name.
const maxPrefixMatches = 10

// matchName returns the communes that the query's name matches: by key,
// then by key with a leading article, then as the start of their key,
// then with typos. Only the first two are certain.
func matchName(ctx context.Context, db postgres.DBTX, q communeQuery) (CommuneMatch, error) {
	key := communeKey(q.words)
	keys := []string{key}
	if q.plainKey != key {
		keys = append(keys, q.plainKey)
	}
	communes, err := communesByKeys(ctx, db, keys)
	if err != nil || len(communes) > 0 {
		return CommuneMatch{Communes: communes}, err
	}

	if articles := withArticles(q.words); len(articles) > 0 {
		communes, err = communesByKeys(ctx, db, articles)
		if err != nil || len(communes) > 0 {
			return CommuneMatch{Communes: communes}, err
		}
	}

	if len(key) >= minPrefixLength {
		communes, err = queryCommunes(ctx, db, `SELECT `+communeColumns+` FROM communes c
			WHERE c.name_key LIKE $1 ORDER BY `+communeOrder+` LIMIT $2`, key+"%", maxPrefixMatches)
		if err != nil || len(communes) > 0 {
			return CommuneMatch{Communes: communes, Guessed: true}, err
		}
	}

	communes, err = matchTypos(ctx, db, key)
	return CommuneMatch{Communes: communes, Guessed: len(communes) > 0}, err
}

// communesByKeys returns the communes whose name_key is one of keys.
func communesByKeys(ctx context.Context, db postgres.DBTX, keys []string) ([]Commune, error) {
	return queryCommunes(ctx, db, `SELECT `+communeColumns+` FROM communes c
		WHERE c.name_key = ANY($1) ORDER BY `+communeOrder, slices.Compact(keys))
}
