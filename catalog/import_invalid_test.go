package catalog

import (
	"slices"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

func TestImportInvalidMerchantLines(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_invalides.csv", "produits_invalides.csv")
	errs := importErrorsOf(t, err)

	want := []errorPlace{
		{3, "telephone", 4, msgInvalidPhone},
		{4, "code_postal", 6, msgInvalidPostalCode},
		{5, "drive", 10, msgNoFulfilment},
		{6, "ref", 1, msgDuplicateMerchantRef},
		{7, "", 0, msgWrongFieldCount},
		{8, "latitude", 8, msgInvalidLatitude},
		{9, "drive", 10, msgInvalidBoolean},
		{10, "nom", 2, msgRequired},
		{11, "frais_livraison", 12, msgInvalidDeliveryFee},
		{12, "telephone", 4, msgDuplicatePhone},
		{13, "longitude", 9, msgMissingCoordinate},
	}
	got := placesOf(errs, "commercants_invalides.csv")
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("merchant errors lack %+v; got %+v", w, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("merchant errors = %d, want %d: %+v", len(got), len(want), got)
	}
	assertNothingWritten(t, db)
}

func TestImportInvalidProductLines(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_invalides.csv", "produits_invalides.csv")
	errs := importErrorsOf(t, err)

	want := []errorPlace{
		{3, "prix", 4, msgInvalidPrice},
		{4, "stock", 6, msgNegativeStock},
		{5, "stock", 6, msgFractionalStock},
		{6, "commercant", 1, msgUnknownMerchant},
		{7, "ref", 2, msgDuplicateProductRef},
		{8, "", 0, msgWrongFieldCount},
		{9, "prix", 4, msgInvalidPrice},
		{10, "stock", 6, msgInvalidStock},
		{11, "unite", 5, msgRequired},
	}
	got := placesOf(errs, "produits_invalides.csv")
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("product errors lack %+v; got %+v", w, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("product errors = %d, want %d (none for line 12, whose merchant line is invalid): %+v",
			len(got), len(want), got)
	}
	assertNothingWritten(t, db)
}

func TestImportErrorsSortedByFileAndLine(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_invalides.csv", "produits_invalides.csv")
	errs := importErrorsOf(t, err)

	sorted := slices.IsSortedFunc(errs.Errors, func(a, b ImportError) int {
		fileA, fileB := a.File != "commercants_invalides.csv", b.File != "commercants_invalides.csv"
		switch {
		case fileA != fileB && !fileA:
			return -1
		case fileA != fileB:
			return 1
		}
		return a.Line - b.Line
	})
	if !sorted {
		t.Errorf("errors are not sorted by file, then line: %v", errs.Errors)
	}
}

func TestImportInvalidProductsWriteNoMerchant(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants.csv", "produits_invalides.csv")

	importErrorsOf(t, err)
	assertNothingWritten(t, db)
}

func TestImportMissingColumn(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_sans_telephone.csv", "produits_valides.csv")
	errs := importErrorsOf(t, err)

	want := []errorPlace{{1, "telephone", 0, msgMissingColumn}}
	if got := placesOf(errs, "commercants_sans_telephone.csv"); !slices.Equal(got, want) {
		t.Errorf("merchant errors = %+v, want %+v", got, want)
	}
	if got := placesOf(errs, "produits_valides.csv"); len(got) != 0 {
		t.Errorf("product errors = %+v, want none: their merchant ref is in the merchants file", got)
	}
	assertNothingWritten(t, db)
}

func TestImportWrongSeparator(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_virgules.csv", "")
	errs := importErrorsOf(t, err)

	want := []errorPlace{{1, "", 0, msgWrongSeparator}}
	if got := placesOf(errs, "commercants_virgules.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
	assertNothingWritten(t, db)
}

func TestImportUnknownColumn(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_colonne_inconnue.csv", "")
	errs := importErrorsOf(t, err)

	want := []errorPlace{{1, "frais_livraisons", 12, msgUnknownColumn}}
	if got := placesOf(errs, "commercants_colonne_inconnue.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
	assertNothingWritten(t, db)
}

func TestImportPhoneOfAnotherMerchant(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	mustImport(t, db, "commercants.csv", "")

	_, err := importTestdata(t, db, "commercants_telephone_pris.csv", "")
	errs := importErrorsOf(t, err)

	want := []errorPlace{{2, "telephone", 4, msgPhoneTaken}}
	if got := placesOf(errs, "commercants_telephone_pris.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
	if n := countRows(t, db, "merchants"); n != 5 {
		t.Errorf("merchants = %d, want the 5 of the first import", n)
	}
}

func TestImportUnknownMerchantWithoutMerchantsFile(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "", "produits_valides.csv")
	errs := importErrorsOf(t, err)

	want := []errorPlace{{2, "commercant", 1, msgUnknownMerchant}}
	if got := placesOf(errs, "produits_valides.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
}

func TestImportErrorsLocalizeFrench(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_invalides.csv", "produits_invalides.csv")
	errs := importErrorsOf(t, err)

	lines := errs.Localize(localizer(t, "fr"))

	if len(lines) != len(errs.Errors) {
		t.Fatalf("Localize returned %d lines for %d errors", len(lines), len(errs.Errors))
	}
	want := "commercants_invalides.csv, ligne 3, colonne telephone (4) : « 06 12 » n'est pas un numéro de téléphone valide."
	if lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	for i, line := range lines {
		if !strings.Contains(line, "ligne ") {
			t.Errorf("line %d = %q, want a French line number", i, line)
		}
		if strings.Contains(line, "Import") {
			t.Errorf("line %d = %q, contains a message ID", i, line)
		}
	}
}

func TestImportErrorsLocalizeEnglish(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_sans_telephone.csv", "")
	errs := importErrorsOf(t, err)

	lines := errs.Localize(localizer(t, "en"))

	want := []string{`commercants_sans_telephone.csv, line 1: the column "telephone" is missing.`}
	if !slices.Equal(lines, want) {
		t.Errorf("Localize = %q, want %q", lines, want)
	}
}

func TestImportErrorsErrorIsEnglishSummary(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_invalides.csv", "")

	want := `import: 11 errors in the files, nothing imported; first: commercants_invalides.csv line 3 column telephone (4): ImportInvalidPhone Value="06 12"`
	if err == nil || err.Error() != want {
		t.Errorf("Error() = %v, want %q", err, want)
	}
}
