package catalog

import (
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestCommuneMessageFilesComplete(t *testing.T) {
	ids := map[string][]string{}
	for _, lang := range []string{"fr", "en"} {
		path := filepath.Join("..", "locales", "communes."+lang+".toml")
		var messages map[string]any
		if _, err := toml.DecodeFile(path, &messages); err != nil {
			t.Fatalf("decode %s: %v", path, err)
		}
		for _, id := range communeMessageIDs {
			if _, ok := messages[id]; !ok {
				t.Errorf("%s lacks %s", path, id)
			}
		}
		for id := range messages {
			ids[id] = append(ids[id], lang)
		}
	}
	for id, langs := range ids {
		if len(langs) != 2 {
			t.Errorf("message %s is defined in %v only, want fr and en", id, langs)
		}
	}
}

func TestCommuneErrorMessagesRender(t *testing.T) {
	data := map[string]any{"Value": "x", "FirstLine": 2}
	for _, lang := range []string{"fr", "en"} {
		l := localizer(t, lang)
		for _, id := range []string{msgInvalidInsee, msgDuplicateInsee, msgNoCoordinateColumns} {
			e := &ImportErrors{Errors: []ImportError{{File: "f.csv", Line: 2, Column: "code_insee", ColumnIndex: 1, MessageID: id, Data: data}}}
			if got := e.Localize(l)[0]; got == e.Errors[0].Error() {
				t.Errorf("%s message %s did not render: %q", lang, id, got)
			}
		}
	}
}

func TestCommuneReportLocalizeFrench(t *testing.T) {
	report := CommuneCoordinatesReport{Updated: 34935, Unknown: 1, WithoutCoordinates: 2}
	want := "Coordonnées mises à jour pour 34935 communes.\n" +
		"1 ligne ignorée : son code INSEE n'est celui d'aucune commune (arrondissement municipal ou commune disparue).\n" +
		"2 lignes ignorées car sans coordonnées."
	if got := report.Localize(localizer(t, "fr")); got != want {
		t.Errorf("Localize = %q, want %q", got, want)
	}
}

func TestCommuneReportLocalizeEnglish(t *testing.T) {
	report := CommuneCoordinatesReport{Updated: 1}
	want := "Coordinates updated for 1 commune."
	if got := report.Localize(localizer(t, "en")); got != want {
		t.Errorf("Localize = %q, want %q", got, want)
	}
}
