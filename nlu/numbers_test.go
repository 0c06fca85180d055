package nlu

import (
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

func TestReadNumberWordsValues(t *testing.T) {
	cases := map[string]int{
		"un": 1, "une": 1, "deux": 2, "neuf": 9, "dix": 10, "onze": 11, "seize": 16,
		"dix sept": 17, "dix neuf": 19, "vingt": 20, "vingt et un": 21, "vingt deux": 22,
		"trente et une": 31, "quarante huit": 48, "cinquante cinq": 55, "soixante": 60,
		"soixante et un": 61, "soixante dix": 70, "soixante et onze": 71, "soixante douze": 72,
		"soixante dix neuf": 79, "quatre vingt": 80, "quatre vingts": 80, "quatre vingt un": 81,
		"quatre vingt dix": 90, "quatre vingt onze": 91, "quatre vingt dix neuf": 99,
		"cent": 100, "cent un": 101, "deux cents": 200, "deux cent cinquante": 250,
		"neuf cent quatre vingt dix neuf": 999, "septante": 70, "octante": 80, "huitante deux": 82, "nonante neuf": 99,
	}
	for text, want := range cases {
		tokens := tokenize(text)
		got, n := readNumberWords(tokens)
		if got != want {
			t.Errorf("readNumberWords(%q) = %d, want %d", text, got, want)
		}
		if n != len(tokens) {
			t.Errorf("readNumberWords(%q) read %d of %d words", text, n, len(tokens))
		}
	}
}

func TestReadNumberWordsStopsAtOtherWords(t *testing.T) {
	got, n := readNumberWords(tokenize("vingt baguettes"))
	if got != 20 {
		t.Errorf("readNumberWords(vingt baguettes) = %d, want 20", got)
	}
	if n != 1 {
		t.Errorf("readNumberWords(vingt baguettes) read %d words, want 1", n)
	}
}

func TestReadNumberWordsRejects(t *testing.T) {
	for _, text := range []string{"", "et", "baguette", "et un", "mille"} {
		if got, n := readNumberWords(tokenize(text)); n != 0 {
			t.Errorf("readNumberWords(%q) = %d after %d words, want no number", text, got, n)
		}
	}
}

func TestReadNumberFractions(t *testing.T) {
	cases := map[string]catalog.Quantity{
		"demi": 500, "une demie": 500, "un demi": 500, "quart": 250, "un quart": 250,
		"trois quarts": 750, "3 quarts": 750, "1/2": 500, "3/4": 750, "½": 500, "¾": 750,
		"1,5": 1500, "1.5": 1500, "0,25": 250,
	}
	for text, want := range cases {
		got, fractional, invalid, _ := readNumber(tokenize(text))
		if got != want {
			t.Errorf("readNumber(%q) = %d, want %d", text, got, want)
		}
		if !fractional {
			t.Errorf("readNumber(%q) is not marked fractional", text)
		}
		if invalid {
			t.Errorf("readNumber(%q) is marked invalid", text)
		}
	}
}

func TestScanNumberInvalid(t *testing.T) {
	for _, text := range []string{"0", "12/05", "1/0", "2/3", "99999999999", "1,2345"} {
		tokens := tokenize(text)
		if len(tokens) == 0 || tokens[0].kind != numberToken {
			t.Errorf("tokenize(%q) = %v, want a number first", text, tokens)
			continue
		}
		if tokens[0].value != 0 {
			t.Errorf("tokenize(%q) value = %d, want 0 (invalid)", text, tokens[0].value)
		}
	}
}

func TestTokenizeSplitsDigitsFromLetters(t *testing.T) {
	tokens := tokenize("2kg d’Œufs")
	want := []string{"2", "kg", "d", "oeufs"}
	if len(tokens) != len(want) {
		t.Fatalf("tokenize = %d tokens, want %d", len(tokens), len(want))
	}
	for i, w := range want {
		if tokens[i].text != w {
			t.Errorf("token %d = %q, want %q", i, tokens[i].text, w)
		}
	}
}

func TestFoldWordMatchesCatalogFold(t *testing.T) {
	words := []string{"Œufs", "CRÈME", "fraîche", "Gâteau", "comté", "râpé", "chèvre", "Ærø", "straße", "naïve", "Ÿ", "ǅ", "Ωmega", "e\u0301te"}
	for r := rune(0xC0); r <= 0x24F; r++ {
		words = append(words, "a"+string(r)+"b")
	}
	for _, w := range words {
		if got, want := strings.Join(strings.Fields(foldWord(w)), " "), catalog.Fold(w); got != want {
			t.Errorf("foldWord(%q) = %q, want %q as catalog.Fold", w, got, want)
		}
	}
}
