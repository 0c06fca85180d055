package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/drivelocal/drivelocal/catalog"
)

// importCommunes sets the centre coordinates of the communes from the CSV
// file at path (see catalog.ImportCommuneCoordinates for its columns).
func (c *cli) importCommunes(ctx context.Context, path string) error {
	file, closeFile, err := c.openCSV(path)
	if err != nil {
		return err
	}
	defer closeFile()

	pool, err := c.openDatabase(ctx, loadConfig().DatabaseURL)
	if err != nil {
		return err
	}
	defer pool.Close()

	report, err := catalog.ImportCommuneCoordinates(ctx, pool, file)
	if invalid, ok := errors.AsType[*catalog.ImportErrors](err); ok {
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
