package phone

import "testing"

func TestNormalizeFrenchForms(t *testing.T) {
	cases := map[string]string{
		"06 87 00 00 01":       "+33687000001",
		"0687000001":           "+33687000001",
		"0033 6 00 00 00 01":   "+33600000001",
		"+33 (0)6 00 00 00 01": "+33600000001",
		"07 00 00 00 03":       "+33700000003",
		"+33600000101":         "+33600000101",
		"0262 12 34 56":        "+262262123456",
	}
	for in, want := range cases {
		got, err := Normalize(in)
		if err != nil {
			t.Errorf("Normalize(%q): %v", in, err)
			continue
		}
		if got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "bonjour", "06 12", "+33 1"} {
		if got, err := Normalize(in); err == nil {
			t.Errorf("Normalize(%q) = %q, want an error", in, got)
		}
	}
}

func TestMaskKeepsLastTwoDigits(t *testing.T) {
	if got := Mask("+33612345678"); got != "+33*******78" {
		t.Errorf("Mask = %q", got)
	}
	if got := National("+33612345678"); got != "06 ** ** ** 78" {
		t.Errorf("National = %q", got)
	}
}
