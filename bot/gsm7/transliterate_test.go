package gsm7

import "testing"

func TestTransliterate(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", ""},
		{"plain ascii", "Bonjour Mme Martin", "Bonjour Mme Martin"},
		{"circumflex", "ê â î ô û", "e a i o u"},
		{"diaeresis outside alphabet", "ë ï ÿ", "e i y"},
		{"lower c cedilla", "garçon", "garcon"},
		{"capital c cedilla kept", "ÇA", "ÇA"},
		{"oe ligature", "œuf Œuvre", "oeuf OEuvre"},
		{"ae kept", "æ Æ", "æ Æ"},
		{"gsm accents kept", "é è à ù ì ò É Ä Ö Ñ Ü ä ö ñ ü ø Ø å Å ß", "é è à ù ì ò É Ä Ö Ñ Ü ä ö ñ ü ø Ø å Å ß"},
		{"capitals outside alphabet", "À È Ê Î Ô Ù Û", "A E E I O U U"},
		{"other latin accents", "á í ó ú ã õ ń š ž", "a i o u a o n s z"},
		{"decomposed accent composed first", "caf\u0065\u0301", "café"},
		{"decomposed circumflex folded", "cre\u0302pe", "crepe"},
		{"typographic apostrophes", "l’épicerie ‘oui’", "l'épicerie 'oui'"},
		{"french quotes", "« pain » “bio”", "\"pain\" \"bio\""},
		{"ellipsis", "à demain…", "à demain..."},
		{"no-break space", "total\u00a0: 3 €", "total : 3 €"},
		{"narrow no-break space", "merci\u202f!", "merci !"},
		{"en and em dashes", "9h–12h — fermé", "9h-12h - fermé"},
		{"euro kept", "12,50 €", "12,50 €"},
		{"extension characters kept", "^{}\\[~]|", "^{}\\[~]|"},
		{"emoji removed", "merci 😊!", "merci !"},
		{"emoji sequence removed", "👍🏽👨‍👩‍👧", ""},
		{"cjk removed", "面包", ""},
		{"numero sign", "commande n°12", "commande no12"},
		{"superscript ordinal", "1ᵉʳ étage", "1er étage"},
		{"ligature fi", "ﬁlet", "filet"},
		{"vulgar fraction", "½ litre", "1/2 litre"},
		{"tab", "a\tb", "a b"},
		{"newlines kept", "a\r\nb\nc", "a\r\nb\nc"},
		{"zero width space removed", "a\u200bb", "ab"},
		{"invalid utf8 removed", "a\xffb", "ab"},
		{"greek capital kept", "ΔΩ", "ΔΩ"},
		{"greek small removed", "αβ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Transliterate(tt.in); got != tt.want {
				t.Errorf("Transliterate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestReplacementsAreGSM7(t *testing.T) {
	for r, repl := range replacements {
		if !IsGSM7(repl) {
			t.Errorf("replacement of %q is %q, which is not GSM-7", r, repl)
		}
		if septets[r] > 0 {
			t.Errorf("%q has a replacement but is in the alphabet", r)
		}
	}
}

func TestTransliterateMakesSMSFitOneSegment(t *testing.T) {
	in := "Bonjour ! Votre commande n°42 est prête : 2 baguettes, 1 pain de campagne, 6 œufs. Total : 7,80 €. À retirer demain dès 8h – Boulangerie “Chez Léa”."
	if got := Segments(in); got != 3 {
		t.Errorf("Segments(original) = %d, want 3 because it is UCS-2", got)
	}
	out := Transliterate(in)
	if !IsGSM7(out) {
		t.Errorf("Transliterate output %q is not GSM-7", out)
	}
	if got := Segments(out); got != 1 {
		t.Errorf("Segments(transliterated) = %d, want 1", got)
	}
}

func TestTransliterateGuillemetSpaces(t *testing.T) {
	cases := map[string]string{
		"Je n'ai pas trouvé « OUI » ici.":           `Je n'ai pas trouvé "OUI" ici.`,
		"« tomates »":                               `"tomates"`,
		"«\u00a0Cassis\u00a0»":                      `"Cassis"`,
		"«\u202fCassis\u202f» et « Aix » : merci !": `"Cassis" et "Aix" : merci !`,
	}
	for in, want := range cases {
		if got := Transliterate(in); got != want {
			t.Errorf("Transliterate(%q) = %q, want %q", in, got, want)
		}
	}
}
