package catalog

import "testing"

func TestParseQuantityForms(t *testing.T) {
	cases := map[string]Quantity{"2": 2000, "1,5": 1500, "1.5": 1500, "0,25": 250, ",5": 500, "12,125": 12125}
	for in, want := range cases {
		got, err := ParseQuantity(in)
		if err != nil {
			t.Errorf("ParseQuantity(%q): %v", in, err)
			continue
		}
		if got != want {
			t.Errorf("ParseQuantity(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestParseQuantityRejects(t *testing.T) {
	for _, in := range []string{"", " ", "-1", "+1", "1,2345", "1,", "abc", "1,5kg", "9999999999"} {
		if got, err := ParseQuantity(in); err == nil {
			t.Errorf("ParseQuantity(%q) = %d, want an error", in, got)
		}
	}
}

func TestAmountRoundsHalfUp(t *testing.T) {
	if got := Amount(420, 1500); got != 630 {
		t.Errorf("Amount(420, 1,5) = %d, want 630", got)
	}
	if got := Amount(333, 500); got != 167 {
		t.Errorf("Amount(333, 0,5) = %d, want 167 (166,5 rounded up)", got)
	}
}

func TestDecimalFrench(t *testing.T) {
	cases := map[Quantity]string{1500: "1,5", 2000: "2", 250: "0,25", 12125: "12,125"}
	for q, want := range cases {
		if got := q.Decimal(","); got != want {
			t.Errorf("Quantity(%d).Decimal = %q, want %q", q, got, want)
		}
	}
}

func TestFoldNames(t *testing.T) {
	cases := map[string]string{
		"  Aix-en-Provence ": "aix en provence",
		"ŒUFS":               "oeufs",
		"L'Haÿ-les-Roses":    "l hay les roses",
		"Stop.":              "stop",
		"1,5 kg":             "1,5 kg",
		"n°1":                "n 1",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
