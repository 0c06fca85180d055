package catalog

import (
	"context"
	"slices"
	"testing"
)

func TestMatchCommunes(t *testing.T) {
	db := communesDB(t)
	cases := []struct {
		query      string
		want       []string // INSEE codes, in order
		guessed    bool
		postalCode string
	}{
		{query: "aix en pce", want: []string{"13001"}},
		{query: "AIX-EN-PROVENCE", want: []string{"13001"}},
		{query: "Aix en Provence", want: []string{"13001"}},
		{query: "St Remy de Provence", want: []string{"13100"}},
		{query: "St-Rémy-de-Pce", want: []string{"13100"}},
		{query: "Ste Maxime", want: []string{"83115"}},
		{query: "Bar s/ Seine", want: []string{"10034"}},
		{query: "l'hay les roses", want: []string{"94038"}},
		{query: "lhay les roses", want: []string{"94038"}},
		{query: "Havre", want: []string{"76351"}},
		{query: "13090", want: []string{"13001"}, postalCode: "13090"},
		{query: "13 090", want: []string{"13001"}, postalCode: "13090"},
		// Aix-en-Provence, Le Tholonet, Saint-Marc-Jaumegarde, Beaurecueil,
		// Saint-Antonin-sur-Bayon: most populous first.
		{query: "13100", want: []string{"13001", "13109", "13095", "13012", "13090"}, postalCode: "13100"},
		{query: "6000", want: []string{"06088"}, guessed: true, postalCode: "06000"},
		{query: "Cassis 13260", want: []string{"13022"}, postalCode: "13260"},
		{query: "13100 Tholonet", want: []string{"13109"}, postalCode: "13100"},
		{query: "13100 aix", want: []string{"13001"}, guessed: true, postalCode: "13100"},
		{query: "Marseille 13260", want: []string{"13022"}, guessed: true, postalCode: "13260"},
		{query: "cassiss", want: []string{"13022"}, guessed: true},
		{query: "marseile", want: []string{"13055"}, guessed: true},
		{query: "Tholonet", want: []string{"13109"}},
		{query: "Saint-Rémy-de-Prov", want: []string{"13100"}, guessed: true},
		{query: "", want: nil},
		{query: "12", want: nil},
		{query: "123456", want: nil},
		{query: "00000", want: nil, postalCode: "00000"},
		{query: "zzzzzzzz", want: nil},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			match, err := MatchCommunes(context.Background(), db, c.query)
			if err != nil {
				t.Fatalf("MatchCommunes: %v", err)
			}
			if got := inseeCodes(match.Communes); !slices.Equal(got, c.want) {
				t.Errorf("communes = %v, want %v", got, c.want)
			}
			if match.Guessed != c.guessed {
				t.Errorf("guessed = %v, want %v", match.Guessed, c.guessed)
			}
			if match.PostalCode != c.postalCode {
				t.Errorf("postal code = %q, want %q", match.PostalCode, c.postalCode)
			}
		})
	}
}

func TestMatchCommunesHomonyms(t *testing.T) {
	db := communesDB(t)
	match, err := MatchCommunes(context.Background(), db, "Saint-Denis")
	if err != nil {
		t.Fatalf("MatchCommunes: %v", err)
	}

	if match.Guessed {
		t.Error("guessed = true, want an exact match")
	}
	if len(match.Communes) < 3 {
		t.Fatalf("communes = %v, want the Saint-Denis of several départements", inseeCodes(match.Communes))
	}
	if got := inseeCodes(match.Communes[:2]); !slices.Equal(got, []string{"97411", "93066"}) {
		t.Errorf("first communes = %v, want 97411 then 93066, the most populous", got)
	}
	for i := 1; i < len(match.Communes); i++ {
		if match.Communes[i].Population > match.Communes[i-1].Population {
			t.Errorf("commune %d (%s, %d inhabitants) after one of %d inhabitants, want most populous first",
				i, match.Communes[i].Insee, match.Communes[i].Population, match.Communes[i-1].Population)
		}
	}
}

func TestMatchCommunesPrefixIsBounded(t *testing.T) {
	db := communesDB(t)
	match, err := MatchCommunes(context.Background(), db, "Saint-Rémy")
	if err != nil {
		t.Fatalf("MatchCommunes: %v", err)
	}
	// Several communes are named exactly Saint-Rémy: no prefix search.
	if match.Guessed {
		t.Error("guessed = true, want the communes named Saint-Rémy")
	}
	for _, c := range match.Communes {
		if Fold(c.Name) != "saint remy" {
			t.Errorf("commune %s %q, want only communes named Saint-Rémy", c.Insee, c.Name)
		}
	}

	match, err = MatchCommunes(context.Background(), db, "Saint-Rémy-d")
	if err != nil {
		t.Fatalf("MatchCommunes: %v", err)
	}
	if len(match.Communes) != maxPrefixMatches {
		t.Errorf("communes starting with Saint-Rémy-d = %d, want %d at most", len(match.Communes), maxPrefixMatches)
	}
	if !match.Guessed {
		t.Error("guessed = false, want the start of a name guessed")
	}
}

func TestFindCommunesSkipsGuesses(t *testing.T) {
	db := communesDB(t)
	for _, query := range []string{"6000", "marseile", "cassiss", "Saint-Rémy-de-Prov", "Marseille 13260"} {
		found, err := FindCommunes(context.Background(), db, query)
		if err != nil {
			t.Fatalf("FindCommunes(%q): %v", query, err)
		}
		if len(found) != 0 {
			t.Errorf("FindCommunes(%q) = %v, want none for a guess", query, inseeCodes(found))
		}
	}
}

func TestFindCommunesExact(t *testing.T) {
	db := communesDB(t)
	cases := map[string][]string{
		"13100":        {"13001", "13109", "13095", "13012", "13090"},
		"aix en pce":   {"13001"},
		"Marseille":    {"13055"},
		"Cassis 13260": {"13022"},
	}
	for query, want := range cases {
		found, err := FindCommunes(context.Background(), db, query)
		if err != nil {
			t.Fatalf("FindCommunes(%q): %v", query, err)
		}
		if got := inseeCodes(found); !slices.Equal(got, want) {
			t.Errorf("FindCommunes(%q) = %v, want %v", query, got, want)
		}
	}
}
