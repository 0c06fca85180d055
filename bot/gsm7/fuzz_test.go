package gsm7

import "testing"

func FuzzTransliterate(f *testing.F) {
	seeds := []string{
		"", "Bonjour", "crêpe œuf garçon", "l’épicerie « bio »…", "merci 😊",
		"12,50 €", "e\u0301", "\xff\xfe", "面包", "½ ﬁ ᵉʳ", "\u202f\u00a0\t",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Transliterate(in)
		if !IsGSM7(out) {
			t.Errorf("Transliterate(%q) = %q, which is not GSM-7", in, out)
		}
		if again := Transliterate(out); again != out {
			t.Errorf("Transliterate is not idempotent on %q: %q then %q", in, out, again)
		}
		if out != "" && Segments(out) < 1 {
			t.Errorf("Segments(%q) = %d, want at least 1", out, Segments(out))
		}
	})
}
