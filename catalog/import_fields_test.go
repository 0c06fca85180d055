package catalog

import "testing"

func TestParseCents(t *testing.T) {
	valid := map[string]int64{
		"3,50":         350,
		"3.5":          350,
		"3,50 €":       350,
		"3,50€":        350,
		"€3.50":        350,
		"12":           1200,
		"0":            0,
		"1 234,50":     123450,
		"1\u00a0234,5": 123450,
		"1\u202f234,5": 123450,
		"2,00 EUR":     200,
		"24,00":        2400,
	}
	for in, want := range valid {
		got, ok := parseCents(in)
		if !ok {
			t.Errorf("parseCents(%q) is invalid, want %d", in, want)
			continue
		}
		if got != want {
			t.Errorf("parseCents(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestParseCentsRejects(t *testing.T) {
	for _, in := range []string{"", "-1,00", "3,505", "3,5O", "1.234,50", "1,234.50", "3 50", "trois", ",5", "€", "12345678"} {
		if got, ok := parseCents(in); ok {
			t.Errorf("parseCents(%q) = %d, want invalid", in, got)
		}
	}
}

func TestNormalizePostalCode(t *testing.T) {
	cases := []struct{ in, code, departement string }{
		{"13100", "13100", "13"},
		{"13090", "13090", "13"},
		{"06000", "06000", "06"},
		{"6000", "06000", "06"},
		{"13 100", "13100", "13"},
		{"20000", "20000", "2A"},
		{"20167", "20167", "2A"},
		{"20200", "20200", "2B"},
		{"20600", "20600", "2B"},
		{"97400", "97400", "974"},
		{"98800", "98800", "988"},
	}
	for _, c := range cases {
		code, departement, ok := normalizePostalCode(c.in)
		if !ok {
			t.Errorf("normalizePostalCode(%q) is invalid", c.in)
			continue
		}
		if code != c.code {
			t.Errorf("normalizePostalCode(%q) code = %q, want %q", c.in, code, c.code)
		}
		if departement != c.departement {
			t.Errorf("normalizePostalCode(%q) département = %q, want %q", c.in, departement, c.departement)
		}
	}
}

func TestNormalizePostalCodeRejects(t *testing.T) {
	for _, in := range []string{"", "131000", "131", "1310A", "00100", "96000", "20700", "2A000"} {
		if code, dep, ok := normalizePostalCode(in); ok {
			t.Errorf("normalizePostalCode(%q) = %q, %q, want invalid", in, code, dep)
		}
	}
}

func TestParseYesNo(t *testing.T) {
	cases := map[string]bool{
		"oui": true, "OUI": true, "Oui": true, "o": true, "1": true, "vrai": true, "VRAI": true, "yes": true, "true": true,
		"non": false, "NON": false, "n": false, "0": false, "faux": false, "FAUX": false, "no": false, "false": false,
	}
	for in, want := range cases {
		got, ok := parseYesNo(in)
		if !ok {
			t.Errorf("parseYesNo(%q) is invalid", in)
			continue
		}
		if got != want {
			t.Errorf("parseYesNo(%q) = %v, want %v", in, got, want)
		}
	}
	for _, in := range []string{"", "peut-être", "2", "ouais"} {
		if _, ok := parseYesNo(in); ok {
			t.Errorf("parseYesNo(%q) is valid, want invalid", in)
		}
	}
}

func TestParseDegrees(t *testing.T) {
	if v, ok := parseDegrees("43,529", 90); !ok || v != 43.529 {
		t.Errorf("parseDegrees(43,529) = %v, %v", v, ok)
	}
	if v, ok := parseDegrees("-5.5", 180); !ok || v != -5.5 {
		t.Errorf("parseDegrees(-5.5) = %v, %v", v, ok)
	}
	for _, in := range []string{"95", "-90,5", "NaN", "Inf", "1e2", "43°", "abc"} {
		if v, ok := parseDegrees(in, 90); ok {
			t.Errorf("parseDegrees(%q, 90) = %v, want invalid", in, v)
		}
	}
}

func TestParseStock(t *testing.T) {
	cases := []struct {
		in, unit  string
		want      Quantity
		messageID string
	}{
		{"12,5", "kg", 12500, ""},
		{"0,125", "kg", 125, ""},
		{"60,5", "l", 60500, ""},
		{"4", "pièce", 4000, ""},
		{"0", "pièce", 0, ""},
		{"1,0", "douzaine", 1000, ""},
		{"1,5", "pièce", 0, msgFractionalStock},
		{"1,5", "botte", 0, msgFractionalStock},
		{"-2", "pièce", 0, msgNegativeStock},
		{"-0,5", "kg", 0, msgNegativeStock},
		{"+2", "kg", 0, msgInvalidStock},
		{"1,2345", "kg", 0, msgInvalidStock},
		{"beaucoup", "kg", 0, msgInvalidStock},
		{"-", "kg", 0, msgInvalidStock},
	}
	for _, c := range cases {
		got, messageID := parseStock(c.in, c.unit)
		if messageID != c.messageID {
			t.Errorf("parseStock(%q, %q) message = %q, want %q", c.in, c.unit, messageID, c.messageID)
			continue
		}
		if got != c.want {
			t.Errorf("parseStock(%q, %q) = %d, want %d", c.in, c.unit, got, c.want)
		}
	}
}

func TestHeaderKey(t *testing.T) {
	for _, in := range []string{"code_postal", "Code postal", "CODE POSTAL", " code-postal ", "CodePostal"} {
		if got := headerKey(in); got != "codepostal" {
			t.Errorf("headerKey(%q) = %q, want codepostal", in, got)
		}
	}
	if got := headerKey("Téléphone"); got != "telephone" {
		t.Errorf("headerKey(Téléphone) = %q, want telephone", got)
	}
	if got := headerKey("Commerçant"); got != "commercant" {
		t.Errorf("headerKey(Commerçant) = %q, want commercant", got)
	}
}
