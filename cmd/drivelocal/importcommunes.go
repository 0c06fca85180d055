package main

import (
	"context"

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
	return c.importResult(report, err)
}
