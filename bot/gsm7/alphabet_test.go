package gsm7

import (
	"testing"
	"unicode/utf8"
)

func TestAlphabetSizes(t *testing.T) {
	// 128 codes minus the escape code 0x1B.
	if got := utf8.RuneCountInString(basic); got != 127 {
		t.Errorf("default alphabet has %d characters, want 127", got)
	}
	if got := utf8.RuneCountInString(extension); got != 10 {
		t.Errorf("extension table has %d characters, want 10", got)
	}
	if got := len(septets); got != 137 {
		t.Errorf("septet table has %d distinct characters, want 137", got)
	}
}

func TestIsGSM7(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"empty", "", true},
		{"ascii sentence", "Bonjour, 2 baguettes SVP!", true},
		{"accents in alphabet", "é è à ù ì ò Ç É Ä Ö Ñ Ü ä ö ñ ü ø Ø å Å æ Æ ß", true},
		{"greek capitals", "ΔΦΓΛΩΠΨΣΘΞ", true},
		{"extension table", "^{}\\[~]|€\f", true},
		{"newlines", "ligne 1\r\nligne 2\n", true},
		{"circumflex e", "crêpe", false},
		{"lower c cedilla", "garçon", false},
		{"oe ligature", "œuf", false},
		{"typographic apostrophe", "l’épicerie", false},
		{"no-break space", "prix\u00a0: 3 €", false},
		{"narrow no-break space", "merci\u202f!", false},
		{"emoji", "merci 😊", false},
		{"backtick", "`", false},
		{"tab", "a\tb", false},
		{"capital a grave", "À demain", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsGSM7(tt.in); got != tt.want {
				t.Errorf("IsGSM7(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSeptets(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"ascii", "abc", 3},
		{"accent in alphabet", "é", 1},
		{"euro is two", "€", 2},
		{"price", "3,50€", 6},
		{"every extension character", "^{}\\[~]|€\f", 20},
		{"outside alphabet counts one", "ê", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Septets(tt.in); got != tt.want {
				t.Errorf("Septets(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}
