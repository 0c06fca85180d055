package catalog

import (
	"slices"
	"testing"

	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

func TestImportEmptyFile(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "vide.csv", "")
	errs := importErrorsOf(t, err)

	want := []errorPlace{{0, "", 0, msgEmptyFile}}
	if got := placesOf(errs, "vide.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
}

func TestImportBareQuoteThenNextLine(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_guillemet.csv", "")
	errs := importErrorsOf(t, err)

	want := []errorPlace{
		{2, "", 0, msgBareQuote},
		{3, "livraison", 11, msgInvalidBoolean},
	}
	if got := placesOf(errs, "commercants_guillemet.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
	assertNothingWritten(t, db)
}

func TestImportNotUTF8(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_latin1.csv", "")
	errs := importErrorsOf(t, err)

	want := []errorPlace{
		{2, "nom", 2, msgNotUTF8},
		{2, "categorie", 3, msgNotUTF8},
	}
	if got := placesOf(errs, "commercants_latin1.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
	assertNothingWritten(t, db)
}

func TestImportSkipsBlankLines(t *testing.T) {
	db := pgtest.Pool(t, "catalog")
	_, err := importTestdata(t, db, "commercants_lignes_vides.csv", "")
	errs := importErrorsOf(t, err)

	// Line 5 has two empty fields more than the header, which is accepted.
	want := []errorPlace{{5, "livraison", 11, msgInvalidBoolean}}
	if got := placesOf(errs, "commercants_lignes_vides.csv"); !slices.Equal(got, want) {
		t.Errorf("errors = %+v, want %+v", got, want)
	}
}
