package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/drivelocal/drivelocal/catalog"
)

// importCatalog loads merchants and products from CSV files. With
// --communes it first sets the communes' coordinates (importCommunes).
func (c *cli) importCatalog(ctx context.Context, args []string) error {
	fs := c.flags("import")
	merchantsPath := fs.String("merchants", "", c.text("CLIFlagMerchants", nil))
	productsPath := fs.String("products", "", c.text("CLIFlagProducts", nil))
	communesPath := fs.String("communes", "", c.text("CLIFlagCommunes", nil))
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 ||
		(*merchantsPath == "" && *productsPath == "" && *communesPath == "") {
		return c.fail("CLIImportUsage", nil)
	}
	if *communesPath != "" {
		if err := c.importCommunes(ctx, *communesPath); err != nil {
			return err
		}
		if *merchantsPath == "" && *productsPath == "" {
			return nil
		}
	}

	merchants, closeM, err := c.openCSV(*merchantsPath)
	if err != nil {
		return err
	}
	defer closeM()
	products, closeP, err := c.openCSV(*productsPath)
	if err != nil {
		return err
	}
	defer closeP()

	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	report, err := catalog.Import(ctx, pool, merchants, products)
	return c.importResult(report, err)
}

// importResult prints the outcome of an import: every invalid line and the
// rejection, the failure, or the report of what was written.
func (c *cli) importResult(report interface{ Localize(*i18n.Localizer) string }, err error) error {
	var invalid *catalog.ImportErrors
	if errors.As(err, &invalid) {
		for _, line := range invalid.Localize(c.loc) {
			fmt.Fprintln(c.stderr, line)
		}
		return c.fail("CLIImportRejected", map[string]any{"Count": len(invalid.Errors)})
	}
	if err != nil {
		return c.fail("CLIImportFailed", map[string]any{"Error": err.Error()})
	}
	fmt.Fprintln(c.stdout, report.Localize(c.loc))
	return nil
}

// openCSV opens path for the import; an empty path gives a nil file.
func (c *cli) openCSV(path string) (*catalog.ImportFile, func(), error) {
	if path == "" {
		return nil, func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, c.fail("CLIFileUnreadable", map[string]any{"Path": path, "Error": err.Error()})
	}
	return &catalog.ImportFile{Name: path, Reader: f}, func() { f.Close() }, nil
}
