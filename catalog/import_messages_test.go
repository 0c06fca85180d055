package catalog

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestImportMessageFilesComplete(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		path := filepath.Join("..", "locales", "import."+lang+".toml")
		var messages map[string]any
		if _, err := toml.DecodeFile(path, &messages); err != nil {
			t.Fatalf("decode %s: %v", path, err)
		}
		for _, id := range importMessageIDs {
			if _, ok := messages[id]; !ok {
				t.Errorf("%s lacks %s", path, id)
			}
		}
		for id := range messages {
			if !slices.Contains(importMessageIDs, id) {
				t.Errorf("%s defines %s, which the import does not use", path, id)
			}
		}
	}
}

func TestImportReportLocalizeFrench(t *testing.T) {
	l := localizer(t, "fr")
	report := ImportReport{MerchantsCreated: 10, MerchantsUpdated: 2, ProductsCreated: 96}

	want := "12 commerçants (10 créés, 2 mis à jour) et 96 produits (96 créés, 0 mis à jour) importés."
	if got := report.Localize(l); got != want {
		t.Errorf("Localize = %q, want %q", got, want)
	}
}

func TestImportReportLocalizeFrenchSingular(t *testing.T) {
	l := localizer(t, "fr")
	report := ImportReport{MerchantsUpdated: 1, ProductsCreated: 1}

	want := "1 commerçant (0 créé, 1 mis à jour) et 1 produit (1 créé, 0 mis à jour) importés."
	if got := report.Localize(l); got != want {
		t.Errorf("Localize = %q, want %q", got, want)
	}
}

func TestImportReportLocalizeEnglish(t *testing.T) {
	l := localizer(t, "en")
	report := ImportReport{MerchantsCreated: 1, ProductsCreated: 8, ProductsUpdated: 1}

	want := "1 merchant (1 created, 0 updated) and 9 products (8 created, 1 updated) imported."
	if got := report.Localize(l); got != want {
		t.Errorf("Localize = %q, want %q", got, want)
	}
}

func TestImportErrorMessagesRender(t *testing.T) {
	data := map[string]any{
		"Value": "x", "Column": "telephone", "Expected": 6, "Count": 5, "FirstLine": 2,
		"FirstIndex": 1, "Ref": "m1", "Unit": "pièce",
	}
	for _, lang := range []string{"fr", "en"} {
		l := localizer(t, lang)
		for _, id := range importMessageIDs {
			e := &ImportErrors{Errors: []ImportError{{File: "f.csv", Line: 2, Column: "ref", ColumnIndex: 1, MessageID: id, Data: data}}}
			got := e.Localize(l)[0]
			if got == e.Errors[0].Error() {
				t.Errorf("%s message %s did not render: %q", lang, id, got)
			}
		}
	}
}
