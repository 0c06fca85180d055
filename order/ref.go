package order

import (
	"crypto/rand"
	"math/big"
)

// refAlphabet leaves out characters that read alike on a small screen or
// over the phone: 0/O, 1/I/L, 2/Z, 5/S, 8/B.
const refAlphabet = "ACDEFGHJKMNPQRTUVWXY34679"

// newRef returns a random reference of n characters with at least one
// letter and one digit, so that it never reads as a quantity or a word.
func newRef(n int) string {
	for {
		b := make([]byte, n)
		for i := range b {
			k, err := rand.Int(rand.Reader, big.NewInt(int64(len(refAlphabet))))
			if err != nil {
				panic(err) // crypto/rand does not fail on supported platforms
			}
			b[i] = refAlphabet[k.Int64()]
		}
		if hasLetterAndDigit(string(b)) {
			return string(b)
		}
	}
}

func hasLetterAndDigit(s string) bool {
	var letter, digit bool
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'A' && r <= 'Z':
			letter = true
		}
	}
	return letter && digit
}
