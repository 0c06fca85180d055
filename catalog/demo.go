package catalog

import (
	"context"
	"embed"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// demoFiles are the demo catalog: seven fictitious merchants of
// Aix-en-Provence and Cassis and their products, in the import format.
//
//go:embed demo/commercants.csv demo/produits.csv
var demoFiles embed.FS

// LoadDemo imports the demo catalog. Merchants and products are matched by
// ref, so loading it again updates them, restoring their demo stock,
// without duplicating anything. The merchants' phones are +33600000101 to
// +33600000107.
func LoadDemo(ctx context.Context, db *pgxpool.Pool) (ImportReport, error) {
	merchants, err := demoFiles.Open("demo/commercants.csv")
	if err != nil {
		return ImportReport{}, fmt.Errorf("load demo: %w", err)
	}
	defer merchants.Close()
	products, err := demoFiles.Open("demo/produits.csv")
	if err != nil {
		return ImportReport{}, fmt.Errorf("load demo: %w", err)
	}
	defer products.Close()

	report, err := Import(ctx, db,
		&ImportFile{Name: "demo/commercants.csv", Reader: merchants},
		&ImportFile{Name: "demo/produits.csv", Reader: products})
	if err != nil {
		return ImportReport{}, fmt.Errorf("load demo: %w", err)
	}
	return report, nil
}
