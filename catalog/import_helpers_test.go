package catalog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/drivelocal/drivelocal/locales"
)

// openTestdata opens a file of testdata as an ImportFile named after it, or
// returns nil for an empty name.
func openTestdata(t *testing.T, name string) *ImportFile {
	t.Helper()
	if name == "" {
		return nil
	}
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("open testdata: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return &ImportFile{Name: name, Reader: f}
}

// importTestdata imports the testdata files; an empty name leaves the file
// out.
func importTestdata(t *testing.T, db *pgxpool.Pool, merchants, products string) (ImportReport, error) {
	t.Helper()
	return Import(context.Background(), db, openTestdata(t, merchants), openTestdata(t, products))
}

// mustImport imports the testdata files and fails the test on any error.
func mustImport(t *testing.T, db *pgxpool.Pool, merchants, products string) ImportReport {
	t.Helper()
	report, err := importTestdata(t, db, merchants, products)
	if err != nil {
		t.Fatalf("import %s, %s: %v", merchants, products, err)
	}
	return report
}

// importErrorsOf returns err as *ImportErrors, failing the test otherwise.
func importErrorsOf(t *testing.T, err error) *ImportErrors {
	t.Helper()
	importErrs, ok := errors.AsType[*ImportErrors](err)
	if !ok {
		t.Fatalf("import error = %v, want *ImportErrors", err)
	}
	return importErrs
}

// countRows returns the number of rows of a table.
func countRows(t *testing.T, db *pgxpool.Pool, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// assertNothingWritten checks that every table the import writes is empty.
func assertNothingWritten(t *testing.T, db *pgxpool.Pool) {
	t.Helper()
	for _, table := range []string{"communes", "commune_postal_codes", "merchants", "products"} {
		if n := countRows(t, db, table); n != 0 {
			t.Errorf("%s has %d rows after a failed import, want 0", table, n)
		}
	}
}

// merchantByRef returns the merchant with the ref, failing the test when
// there is none.
func merchantByRef(t *testing.T, db *pgxpool.Pool, ref string) Merchant {
	t.Helper()
	var id int64
	err := db.QueryRow(context.Background(), "SELECT id FROM merchants WHERE ref = $1", ref).Scan(&id)
	if err != nil {
		t.Fatalf("look up merchant %q: %v", ref, err)
	}
	m, err := GetMerchant(context.Background(), db, id)
	if err != nil {
		t.Fatalf("get merchant %q: %v", ref, err)
	}
	return m
}

// productByRef returns the product of the merchant with the refs.
func productByRef(t *testing.T, db *pgxpool.Pool, merchantRef, ref string) Product {
	t.Helper()
	var id int64
	err := db.QueryRow(context.Background(), `SELECT p.id FROM products p
		JOIN merchants m ON m.id = p.merchant_id WHERE m.ref = $1 AND p.ref = $2`, merchantRef, ref).Scan(&id)
	if err != nil {
		t.Fatalf("look up product %q of %q: %v", ref, merchantRef, err)
	}
	p, err := GetProduct(context.Background(), db, id)
	if err != nil {
		t.Fatalf("get product %q of %q: %v", ref, merchantRef, err)
	}
	return p
}

// localizer returns a localizer of the project's bundle for the language.
func localizer(t *testing.T, lang string) *i18n.Localizer {
	t.Helper()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatalf("load locales: %v", err)
	}
	return i18n.NewLocalizer(bundle, lang)
}

// errorPlace identifies an ImportError by where it is and why.
type errorPlace struct {
	Line        int
	Column      string
	ColumnIndex int
	MessageID   string
}

// placesOf returns the places of the errors of one file.
func placesOf(errs *ImportErrors, file string) []errorPlace {
	var places []errorPlace
	for _, e := range errs.Errors {
		if e.File == file {
			places = append(places, errorPlace{e.Line, e.Column, e.ColumnIndex, e.MessageID})
		}
	}
	return places
}
