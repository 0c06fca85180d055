package nlu

import "testing"

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"tomate", "tomate", 0},
		{"tomatte", "tomate", 1},
		{"baguete", "baguette", 1},
		{"crossant", "croissant", 1},
		{"tomaet", "tomate", 1}, // adjacent swap
		{"pomme", "comme", 1},
		{"chat", "chien", 3},
		{"é", "e", 1},
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b, 3); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestEditDistanceStopsAboveMax(t *testing.T) {
	if got := editDistance("abcdefgh", "stuvwxyz", 2); got != 3 {
		t.Errorf("editDistance beyond max 2 = %d, want 3", got)
	}
}

func TestEditDistanceLongWordsOnlyExact(t *testing.T) {
	long := "anticonstitutionnellementxxxxxxxxxx"
	if got := editDistance(long, long+"s", 2); got != 3 {
		t.Errorf("editDistance of words over %d runes = %d, want 3 (no match)", maxDistanceRunes, got)
	}
}

func TestSingular(t *testing.T) {
	cases := map[string]string{"tomates": "tomate", "choux": "chou", "poireaux": "poireau", "oeufs": "oeuf", "jus": "jus", "kgs": "kgs"}
	for in, want := range cases {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchStatuses(t *testing.T) {
	idx := newIndex(testProducts)
	cases := []struct {
		words  string
		status Status
		first  string // Ref of the first product returned
	}{
		{"tomates", Understood, "tomates"},
		{"tomates cerises", Understood, "tomates-cerises"},
		{"tomatte", ProductUnsure, "tomates"},
		{"cerises", ProductUnsure, "tomates-cerises"},
		{"beurre", Understood, "beurre"},
		{"pain", ProductAmbiguous, "pain-campagne"},
		{"abricots", ProductUnknown, ""},
		{"comme", ProductAmbiguous, "pommes-de-terre"}, // one edit from "pomme": offered, never ordered
		{"choufleur", Understood, "chou-fleur"},
	}
	for _, c := range cases {
		m := idx.match(productWords(tokenize(c.words)))
		if m.status != c.status {
			t.Errorf("match(%q) status = %s, want %s", c.words, m.status, c.status)
		}
		first := ""
		if len(m.products) > 0 {
			first = testProducts[m.products[0]].Ref
		}
		if first != c.first {
			t.Errorf("match(%q) first product = %q, want %q", c.words, first, c.first)
		}
	}
}
