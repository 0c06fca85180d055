package gsm7

// basic is the GSM 03.38 default alphabet (3GPP TS 23.038, section 6.2.1)
// in code order, without the escape code 0x1B. Each character is one septet.
const basic = "@£$¥èéùìòÇ\nØø\rÅå" +
	"Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
	" !\"#¤%&'()*+,-./" +
	"0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNO" +
	"PQRSTUVWXYZÄÖÑÜ§" +
	"¿abcdefghijklmno" +
	"pqrstuvwxyzäöñüà"

// extension is the default alphabet extension table: form feed ^ { } \ [ ~ ]
// | €. Each character is sent as the escape code 0x1B followed by its
// code, so it takes two septets.
const extension = "\f^{}\\[~]|€"

// septets maps every character of the alphabet to the septets it takes.
var septets = buildSeptets()

func buildSeptets() map[rune]int {
	table := make(map[rune]int)
	for _, r := range basic {
		table[r] = 1
	}
	for _, r := range extension {
		table[r] = 2
	}
	return table
}

// IsGSM7 reports whether every character of s is in the GSM 03.38 default
// alphabet or its extension table, so s can be sent as GSM-7.
func IsGSM7(s string) bool {
	for _, r := range s {
		if septets[r] == 0 {
			return false
		}
	}
	return true
}

// Septets returns the number of septets s takes in GSM-7: one per
// character of the default alphabet, two per character of the extension
// table. A character outside the alphabet counts as one, so call IsGSM7
// first when s may contain one.
func Septets(s string) int {
	total := 0
	for _, r := range s {
		total += max(septets[r], 1)
	}
	return total
}
