package shop

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/postgres"
)

// ErrProductExists is returned when a merchant adds a product under the
// folded name of one it already has.
var ErrProductExists = errors.New("product already exists")

const productColumns = `id, merchant_id, ref, name, price_cents, unit, stock_milli`

func scanProduct(r pgx.CollectableRow) (catalog.Product, error) {
	var p catalog.Product
	err := r.Scan(&p.ID, &p.MerchantID, &p.Ref, &p.Name, &p.PriceCents, &p.Unit, &p.Stock)
	return p, err
}

// Products returns every product of the merchant, out of stock ones
// included, in catalog order: the merchant's LISTE numbers them so.
func Products(ctx context.Context, db postgres.DBTX, merchantID int64) ([]catalog.Product, error) {
	return catalog.AllProducts(ctx, db, merchantID)
}

// NewProduct is a product that a merchant adds with AJOUT.
type NewProduct struct {
	Name       string
	PriceCents int64
	Unit       string
	Stock      catalog.Quantity
}

// AddProduct adds a product to the merchant's catalog, under a reference
// made from its name. A product with the same folded name gives
// ErrProductExists.
func AddProduct(ctx context.Context, tx pgx.Tx, merchantID int64, p NewProduct) (catalog.Product, error) {
	existing, err := Products(ctx, tx, merchantID)
	if err != nil {
		return catalog.Product{}, fmt.Errorf("add product: %w", err)
	}
	refs := map[string]bool{}
	for _, e := range existing {
		if catalog.Fold(e.Name) == catalog.Fold(p.Name) {
			return e, fmt.Errorf("add product %q: %w", p.Name, ErrProductExists)
		}
		refs[e.Ref] = true
	}
	base := strings.ReplaceAll(catalog.Fold(p.Name), " ", "-")
	ref := base
	for n := 2; refs[ref]; n++ {
		ref = fmt.Sprintf("%s-%d", base, n)
	}

	rows, err := tx.Query(ctx, `INSERT INTO products (merchant_id, ref, name, price_cents, unit, stock_milli)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING `+productColumns,
		merchantID, ref, p.Name, p.PriceCents, p.Unit, p.Stock)
	if err != nil {
		return catalog.Product{}, fmt.Errorf("add product %q: %w", p.Name, err)
	}
	added, err := pgx.CollectExactlyOneRow(rows, scanProduct)
	if err != nil {
		return catalog.Product{}, fmt.Errorf("add product %q: %w", p.Name, err)
	}
	return added, nil
}

// SetPrice changes the price of the merchant's product. Orders already
// placed keep the price they were placed at.
func SetPrice(ctx context.Context, tx pgx.Tx, merchantID, productID, cents int64) (catalog.Product, error) {
	return updateProduct(ctx, tx, "price_cents", merchantID, productID, cents)
}

// SetStock sets the stock of the merchant's product; 0 hides it from
// customers until it is restocked.
func SetStock(ctx context.Context, tx pgx.Tx, merchantID, productID int64, q catalog.Quantity) (catalog.Product, error) {
	return updateProduct(ctx, tx, "stock_milli", merchantID, productID, q)
}

// updateProduct sets one column, named by the caller, of a product that
// must belong to the merchant.
func updateProduct(ctx context.Context, tx pgx.Tx, column string, merchantID, productID int64, value any) (catalog.Product, error) {
	rows, err := tx.Query(ctx, `UPDATE products SET `+column+` = $3, updated_at = now()
		WHERE id = $2 AND merchant_id = $1 RETURNING `+productColumns, merchantID, productID, value)
	if err != nil {
		return catalog.Product{}, fmt.Errorf("update product %d: %w", productID, err)
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanProduct)
	if errors.Is(err, pgx.ErrNoRows) {
		return catalog.Product{}, fmt.Errorf("update product %d: %w", productID, catalog.ErrNotFound)
	}
	if err != nil {
		return catalog.Product{}, fmt.Errorf("update product %d: %w", productID, err)
	}
	return p, nil
}

// OutOfStock returns the names of the merchant's products with no stock.
func OutOfStock(ctx context.Context, db postgres.DBTX, merchantID int64) ([]string, error) {
	rows, err := db.Query(ctx, `SELECT name FROM products WHERE merchant_id = $1 AND stock_milli = 0 ORDER BY id`, merchantID)
	if err != nil {
		return nil, fmt.Errorf("list products out of stock: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list products out of stock: %w", err)
	}
	return names, nil
}
