package conversation

import (
	"testing"
	"time"
)

var morning = time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)

// at returns the event e as sent at the time, with a 6-hour resume delay.
func at(e Event, when time.Time) Event {
	e.Now = when
	e.ResumeAfter = 6 * time.Hour
	return e
}

func TestTranscriptResume(t *testing.T) {
	basketAt := func(when time.Time) []turn {
		return then(atPrimeur(), turn{in: at(text("3 x2"), when), stage: Browse})
	}
	runTranscripts(t, []transcript{
		{"idle basket offers resume", then(basketAt(morning),
			turn{in: at(text("bonjour"), morning.Add(7*time.Hour)), stage: Resume, ids: []string{"Resume"},
				data: map[string]map[string]any{"Resume": {"Shop": "Primeur du Port", "Total": Money(360)}}})},
		{"resume continue shows basket", then(basketAt(morning),
			turn{in: at(text("bonjour"), morning.Add(7*time.Hour)), stage: Resume},
			turn{in: at(text("1"), morning.Add(7*time.Hour)), stage: Browse,
				ids: []string{"BasketTitle", "BasketLine", "BasketTotal"}, check: basketIs(item{radishesID, qty(2)})})},
		{"resume restart empties basket", then(basketAt(morning),
			turn{in: at(text("x"), morning.Add(8*time.Hour)), stage: Resume},
			turn{in: at(text("recommencer"), morning.Add(8*time.Hour)), stage: AskCommune,
				ids: []string{"Welcome", "AskCommune"}, check: basketIs()})},
		{"resume unclear repeats question", then(basketAt(morning),
			turn{in: at(text("x"), morning.Add(8*time.Hour)), stage: Resume},
			turn{in: at(text("peut-être"), morning.Add(8*time.Hour)), stage: Resume, ids: []string{"Resume"}})},
		{"short pause continues as usual", then(basketAt(morning),
			turn{in: at(text("PANIER"), morning.Add(time.Hour)), stage: Browse,
				ids: []string{"BasketTitle", "BasketLine", "BasketTotal"}})},
		{"idle without basket starts normally", then(atPrimeur(),
			turn{in: at(text("bonjour"), morning.Add(30*time.Hour)), stage: AskCommune,
				ids: []string{"Welcome", "AskCommune"}})},
	})
}

func TestTranscriptSeveralLines(t *testing.T) {
	runTranscripts(t, []transcript{
		{"three numbered lines", then(atPrimeur(),
			turn{in: text("3 x2, 1 x1,5 et 3 x1"), stage: Browse,
				ids:   []string{"AddedTitle", "AddedLine", "AddedLine", "AddedLine", "AddedTotal"},
				check: basketIs(item{radishesID, qty(3)}, item{tomatoesID, 1500})})},
		{"lines without commas", then(atPrimeur(),
			turn{in: text("3x2 1x1"), stage: Browse, ids: []string{"AddedTitle", "AddedLine", "AddedLine", "AddedTotal"}})},
		{"unknown number adds nothing", then(atPrimeur(),
			turn{in: text("3 x2, 99 x1"), stage: Browse, ids: []string{"NoSuchProduct"}, check: basketIs()})},
	})
}

func TestTranscriptLooseAnswers(t *testing.T) {
	runTranscripts(t, []transcript{
		{"greeting then commune", then(atCommune(),
			turn{in: text("Bonjour Cassis"), stage: ChooseShop, ids: cassisShopsIDs})},
		{"oui merci confirms", then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("retrait"), stage: Confirm},
			turn{in: text("Oui merci"), stage: Placing, anyEffects: true})},
		{"oui non does not confirm", then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("retrait"), stage: Confirm},
			turn{in: text("oui non"), stage: Confirm, ids: []string{"ConfirmHint"}})},
	})
}
