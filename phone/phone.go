// Package phone normalises phone numbers to E.164 and masks them for logs
// and for the messages merchants receive.
package phone

import (
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// DefaultRegion is the region assumed for numbers written without a country
// code, such as "06 12 34 56 78".
const DefaultRegion = "FR"

// overseasRegions are the French overseas regions whose numbers are
// written with a leading 0 too, such as Réunion's "0262 12 34 56".
var overseasRegions = []string{"RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF", "WF", "PF", "NC"}

// Normalize returns s in E.164 form ("+33612345678"). It accepts the ways
// people write French numbers: "06 12 34 56 78", "0033 6 12 34 56 78",
// "+33 (0)6 12 34 56 78", and overseas numbers ("0262 12 34 56"). A number
// that no French region's numbering plan knows is still accepted when its
// length is possible, because plans lag behind new ranges such as 07 00.
func Normalize(s string) (string, error) {
	cleaned := strings.ReplaceAll(strings.TrimSpace(s), "(0)", "")
	num, err := phonenumbers.Parse(cleaned, DefaultRegion)
	if err != nil {
		return "", fmt.Errorf("normalize phone %q: %w", s, err)
	}
	if phonenumbers.IsValidNumber(num) {
		return phonenumbers.Format(num, phonenumbers.E164), nil
	}
	if !strings.HasPrefix(cleaned, "+") && !strings.HasPrefix(cleaned, "00") {
		for _, region := range overseasRegions {
			alt, err := phonenumbers.Parse(cleaned, region)
			if err == nil && phonenumbers.IsValidNumber(alt) {
				return phonenumbers.Format(alt, phonenumbers.E164), nil
			}
		}
	}
	if phonenumbers.IsPossibleNumber(num) {
		return phonenumbers.Format(num, phonenumbers.E164), nil
	}
	return "", fmt.Errorf("normalize phone %q: not a valid number", s)
}

// Mask hides all but the last two digits of a phone number, keeping the
// country code: "+33612345678" becomes "+33*******78". Anything that is not
// a phone number (a Telegram chat id) is masked the same way.
func Mask(s string) string {
	if len(s) <= 4 {
		return strings.Repeat("*", len(s))
	}
	keep := 0
	if strings.HasPrefix(s, "+") {
		keep = 3
	}
	return s[:keep] + strings.Repeat("*", len(s)-keep-2) + s[len(s)-2:]
}

// National formats an E.164 number the way French people write it, with
// all but the last two digits hidden: "06 ** ** ** 78". Numbers of other
// countries keep their international form, masked.
func National(e164 string) string {
	num, err := phonenumbers.Parse(e164, DefaultRegion)
	if err != nil || phonenumbers.GetRegionCodeForNumber(num) != DefaultRegion {
		return Mask(e164)
	}
	digits := phonenumbers.GetNationalSignificantNumber(num)
	if len(digits) != 9 {
		return Mask(e164)
	}
	return "0" + digits[:1] + " ** ** ** " + digits[7:]
}
