package catalog

import (
	"fmt"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// String formats the report in English for logs.
func (r CommuneCoordinatesReport) String() string {
	return fmt.Sprintf("coordinates of %d communes updated; %d lines skipped for an unknown INSEE code, %d for lacking coordinates",
		r.Updated, r.Unknown, r.WithoutCoordinates)
}

// Localize formats the report in the localizer's language, one sentence per
// line: the communes updated, then the lines skipped, if any. It falls back
// to String when a message is missing from the bundle.
func (r CommuneCoordinatesReport) Localize(l *i18n.Localizer) string {
	counts := []struct {
		messageID string
		count     int
		always    bool
	}{
		{msgCommunesUpdated, r.Updated, true},
		{msgCommunesUnknown, r.Unknown, false},
		{msgCommunesWithoutCoordinates, r.WithoutCoordinates, false},
	}
	var lines []string
	for _, c := range counts {
		if c.count == 0 && !c.always {
			continue
		}
		text, err := plural(l, c.messageID, c.count, nil)
		if err != nil {
			return r.String()
		}
		lines = append(lines, text)
	}
	return strings.Join(lines, "\n")
}
