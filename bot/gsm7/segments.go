package gsm7

import "unicode/utf16"

// Segment capacities: one SMS carries 140 octets, and each part of a
// concatenated SMS gives 6 of them to the user data header that numbers
// the parts (3GPP TS 23.040, section 9.2.3.24.1).
const (
	singleGSM7 = 160 // septets in a single SMS
	partGSM7   = 153 // septets in each part of a concatenated SMS
	singleUCS2 = 70  // UTF-16 code units in a single SMS
	partUCS2   = 67  // UTF-16 code units in each part of a concatenated SMS
)

// Segments returns the number of SMS segments s takes: 0 for the empty
// string, one up to 160 septets, then one per 153 septets. A text that is
// not GSM-7 travels as UCS-2 and takes one segment up to 70 UTF-16 code
// units, then one per 67. An extension character (two septets) or a
// surrogate pair (two code units) never straddles two segments, so a
// segment may end one unit short.
func Segments(s string) int {
	if s == "" {
		return 0
	}
	if IsGSM7(s) {
		return split(s, Septets(s), singleGSM7, partGSM7, septetWidth)
	}
	return split(s, utf16Len(s), singleUCS2, partUCS2, utf16Width)
}

// split packs the characters of s into segments of at most part units,
// never cutting a character, once total exceeds what a single SMS carries.
func split(s string, total, single, part int, width func(rune) int) int {
	if total <= single {
		return 1
	}
	segments, used := 1, 0
	for _, r := range s {
		w := width(r)
		if used+w > part {
			segments++
			used = 0
		}
		used += w
	}
	return segments
}

func septetWidth(r rune) int {
	return septets[r]
}

// utf16Width returns the UTF-16 code units of r. Ranging over a string
// never yields a surrogate or an out-of-range rune, because invalid UTF-8
// decodes to U+FFFD, so the result is 1 or 2.
func utf16Width(r rune) int {
	return utf16.RuneLen(r)
}

func utf16Len(s string) int {
	total := 0
	for _, r := range s {
		total += utf16Width(r)
	}
	return total
}
