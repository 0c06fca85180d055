package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestCommuneWordsExpandsAbbreviations(t *testing.T) {
	cases := map[string]string{
		"St Remy de Provence":   "saint remy de provence",
		"STE-MAXIME":            "sainte maxime",
		"Aix en Pce":            "aix en provence",
		"Bar s/ Seine":          "bar sur seine",
		"Chatillon s/s Bagneux": "chatillon sous bagneux",
		"N.-D. de Bondeville":   "notre dame de bondeville",
		"Mt St Michel":          "mont saint michel",
		"L'Haÿ-les-Roses":       "l hay les roses",
	}
	for name, want := range cases {
		if got := strings.Join(communeWords(name), " "); got != want {
			t.Errorf("communeWords(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCommuneKeysKeepsPlainKey(t *testing.T) {
	if got, want := communeKeys("St Cyr"), []string{"saintcyr", "stcyr"}; !slices.Equal(got, want) {
		t.Errorf("communeKeys(St Cyr) = %q, want %q", got, want)
	}
	if got, want := communeKeys("Cassis"), []string{"cassis"}; !slices.Equal(got, want) {
		t.Errorf("communeKeys(Cassis) = %q, want %q", got, want)
	}
}

func TestWithArticles(t *testing.T) {
	if got, want := withArticles([]string{"havre"}), []string{"lehavre", "lahavre", "leshavre", "lhavre"}; !slices.Equal(got, want) {
		t.Errorf("withArticles(havre) = %q, want %q", got, want)
	}
	if got := withArticles([]string{"le", "havre"}); got != nil {
		t.Errorf("withArticles(le havre) = %q, want none", got)
	}
}

func TestParseCommuneQuery(t *testing.T) {
	cases := []struct {
		query string
		want  communeQuery
	}{
		{"13100", communeQuery{postalCode: "13100"}},
		{" 13 100 ", communeQuery{postalCode: "13100"}},
		{"6000", communeQuery{postalCode: "06000", guessedCode: true}},
		{"123", communeQuery{invalid: true}},
		{"Cassis 13260", communeQuery{postalCode: "13260", words: []string{"cassis"}, plainKey: "cassis"}},
		{"13260 St Cyr", communeQuery{postalCode: "13260", words: []string{"saint", "cyr"}, plainKey: "stcyr"}},
		{"Aix", communeQuery{words: []string{"aix"}, plainKey: "aix"}},
	}
	for _, c := range cases {
		got := parseCommuneQuery(c.query)
		if got.postalCode != c.want.postalCode {
			t.Errorf("%q: postal code = %q, want %q", c.query, got.postalCode, c.want.postalCode)
		}
		if got.guessedCode != c.want.guessedCode {
			t.Errorf("%q: guessed code = %v, want %v", c.query, got.guessedCode, c.want.guessedCode)
		}
		if got.invalid != c.want.invalid {
			t.Errorf("%q: invalid = %v, want %v", c.query, got.invalid, c.want.invalid)
		}
		if !slices.Equal(got.words, c.want.words) {
			t.Errorf("%q: words = %q, want %q", c.query, got.words, c.want.words)
		}
		if got.plainKey != c.want.plainKey {
			t.Errorf("%q: plain key = %q, want %q", c.query, got.plainKey, c.want.plainKey)
		}
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"cassis", "cassis", 0},
		{"cassiss", "cassis", 1},      // letter added
		{"marseile", "marseille", 1},  // letter missing
		{"marzeille", "marseille", 1}, // letter replaced
		{"marsielle", "marseille", 1}, // neighbours swapped
		{"", "aix", 3},
		{"aix", "", 3},
		{"tholonet", "letholonet", 2},
		{"épinal", "epinal", 1}, // runes, not bytes
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestClosestKeys(t *testing.T) {
	keys := []string{"cassis", "cassel", "cassiss", "marseille"}
	if got := closestKeys("casis", keys); !slices.Equal(got, []int{0}) {
		t.Errorf("closestKeys(casis) = %v, want [0]", got)
	}
	if got := closestKeys("aix", keys); got != nil {
		t.Errorf("closestKeys(aix) = %v, want none below five letters", got)
	}
	if got := closestKeys("paris", keys); got != nil {
		t.Errorf("closestKeys(paris) = %v, want none beyond one edit", got)
	}
}

func TestArrondissementCity(t *testing.T) {
	cases := map[string]string{"75101": "75056", "75120": "75056", "69381": "69123", "13216": "13055"}
	for insee, want := range cases {
		if got, ok := arrondissementCity(insee); !ok || got != want {
			t.Errorf("arrondissementCity(%s) = %q, %v, want %q", insee, got, ok, want)
		}
	}
	for _, insee := range []string{"75056", "13217", "2A004"} {
		if got, ok := arrondissementCity(insee); ok {
			t.Errorf("arrondissementCity(%s) = %q, want no city", insee, got)
		}
	}
}
