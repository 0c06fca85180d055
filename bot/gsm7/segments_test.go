package gsm7

import (
	"strings"
	"testing"
)

func TestSegments(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int
	}{
		{"empty", "", 0},
		{"one character", "a", 1},
		{"gsm 160 septets", strings.Repeat("a", 160), 1},
		{"gsm 161 septets", strings.Repeat("a", 161), 2},
		{"gsm 306 septets", strings.Repeat("a", 306), 2},
		{"gsm 307 septets", strings.Repeat("a", 307), 3},
		{"gsm euro fills 160", strings.Repeat("a", 158) + "€", 1},
		{"gsm euro crosses 160", strings.Repeat("a", 159) + "€", 2},
		// 306 septets fit two segments of 153 only if the escape pair at
		// septets 153-154 were cut after its escape code. It moves whole to
		// the second segment, which then overflows into a third.
		{"escape not split", strings.Repeat("a", 152) + "€" + strings.Repeat("a", 152), 3},
		{"escape moved whole", strings.Repeat("a", 152) + "€" + strings.Repeat("a", 151), 2},
		{"escape ends first segment", strings.Repeat("a", 151) + "€" + strings.Repeat("a", 153), 2},
		{"ucs2 70 characters", strings.Repeat("ê", 70), 1},
		{"ucs2 71 characters", strings.Repeat("ê", 71), 2},
		{"ucs2 134 characters", strings.Repeat("ê", 134), 2},
		{"ucs2 135 characters", strings.Repeat("ê", 135), 3},
		{"ucs2 one non gsm among ascii", strings.Repeat("a", 69) + "ê", 1},
		{"ucs2 emoji is two code units", strings.Repeat("a", 68) + "😊", 1},
		{"ucs2 emoji crosses 70", strings.Repeat("a", 69) + "😊", 2},
		// Same for a surrogate pair at code units 67-68 of a UCS-2 text.
		{"surrogate pair not split", strings.Repeat("a", 66) + "😊" + strings.Repeat("a", 66), 3},
		{"surrogate pair moved whole", strings.Repeat("a", 66) + "😊" + strings.Repeat("a", 65), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Segments(tt.in); got != tt.want {
				t.Errorf("Segments(%d bytes) = %d, want %d", len(tt.in), got, tt.want)
			}
		})
	}
}
