package catalog

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ImportFile is a CSV file to import.
type ImportFile struct {
	Name   string // shown in error messages, such as "commercants.csv"
	Reader io.Reader
}

// ImportReport counts the rows that an import wrote.
type ImportReport struct {
	MerchantsCreated int
	MerchantsUpdated int
	ProductsCreated  int
	ProductsUpdated  int
}

// Merchants returns the number of merchants imported.
func (r ImportReport) Merchants() int { return r.MerchantsCreated + r.MerchantsUpdated }

// Products returns the number of products imported.
func (r ImportReport) Products() int { return r.ProductsCreated + r.ProductsUpdated }

// Import checks the merchants and products files, then writes them in one
// transaction. Either file may be nil.
//
// Merchants are matched by ref and products by merchant and ref, so that
// importing again updates them and keeps their ids. Merchants and products
// that the files do not list are left as they are. A product's merchant is
// in the merchants file or already in the database.
//
// When any line of either file is invalid, Import writes nothing and returns
// an *ImportErrors listing every invalid line. Other errors are read or
// database failures.
func Import(ctx context.Context, db *pgxpool.Pool, merchants, products *ImportFile) (ImportReport, error) {
	errs := newErrorList(fileNames(merchants, products)...)
	mf, err := readMerchants(merchants, errs)
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: %w", err)
	}
	pf, err := readProducts(products, errs)
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: %w", err)
	}

	var report ImportReport
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if err := checkAgainstDatabase(ctx, tx, mf, pf, errs); err != nil {
			return err
		}
		if err := errs.err(); err != nil {
			return err // rolls back, although nothing was written
		}
		report, err = writeImport(ctx, tx, mf, pf)
		return err
	})
	if _, invalid := errors.AsType[*ImportErrors](err); invalid {
		return ImportReport{}, err
	}
	if err != nil {
		return ImportReport{}, fmt.Errorf("import: %w", err)
	}
	return report, nil
}

func fileNames(files ...*ImportFile) []string {
	var names []string
	for _, f := range files {
		if f != nil {
			names = append(names, f.Name)
		}
	}
	return names
}
