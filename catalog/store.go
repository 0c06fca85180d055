package catalog

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// ErrNotFound is returned when a looked-up merchant or product does not exist.
var ErrNotFound = errors.New("not found")

// merchantColumns selects a merchant and its commune's name. A merchant is
// closed from FERME through closed_until, a day in Europe/Paris.
const merchantColumns = `m.id, m.ref, m.name, m.category, m.phone, m.commune_id, c.name,
	m.address, m.latitude, m.longitude, m.drive, m.delivery, m.delivery_fee_cents,
	m.status, m.closed AND (m.closed_until IS NULL
		OR m.closed_until >= (now() AT TIME ZONE 'Europe/Paris')::date), m.closed_until`

// merchantFields returns the scan destinations of merchantColumns.
func merchantFields(m *Merchant) []any {
	return []any{&m.ID, &m.Ref, &m.Name, &m.Category, &m.Phone, &m.CommuneID, &m.CommuneName,
		&m.Address, &m.Latitude, &m.Longitude, &m.Drive, &m.Delivery, &m.DeliveryFeeCents,
		&m.Status, &m.Closed, &m.ClosedUntil}
}

func scanMerchant(r pgx.CollectableRow) (Merchant, error) {
	var m Merchant
	err := r.Scan(merchantFields(&m)...)
	if !m.Closed {
		m.ClosedUntil = nil
	}
	return m, err
}

// MerchantsNearPoint returns the merchants with coordinates within radiusKm
// of the point, closest first, at most limit of them. Distances are
// great-circle distances (haversine formula, Earth radius 6371 km).
func MerchantsNearPoint(ctx context.Context, db postgres.DBTX, lat, lon, radiusKm float64, limit int) ([]Merchant, error) {
	rows, err := db.Query(ctx, `
		SELECT `+merchantColumns+`, d.km
		FROM merchants m
		JOIN communes c ON c.id = m.commune_id
		CROSS JOIN LATERAL (SELECT 2 * 6371 * asin(sqrt(
			sin(radians(m.latitude - $1) / 2)^2 +
			cos(radians($1)) * cos(radians(m.latitude)) * sin(radians(m.longitude - $2) / 2)^2)) AS km) d
		WHERE m.latitude IS NOT NULL AND m.longitude IS NOT NULL AND d.km <= $3
		ORDER BY d.km, m.name
		LIMIT $4`, lat, lon, radiusKm, limit)
	if err != nil {
		return nil, fmt.Errorf("list merchants near point: %w", err)
	}
	merchants, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Merchant, error) {
		var m Merchant
		var km float64
		err := r.Scan(append(merchantFields(&m), &km)...)
		if !m.Closed {
			m.ClosedUntil = nil
		}
		m.DistanceKm = &km
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("list merchants near point: %w", err)
	}
	return merchants, nil
}

// GetMerchant returns the merchant with the id, or ErrNotFound.
func GetMerchant(ctx context.Context, db postgres.DBTX, id int64) (Merchant, error) {
	return oneMerchant(ctx, db, "m.id = $1", id)
}

// MerchantByPhone returns the merchant whose registered phone, or one of
// whose staff phones (table merchant_phones), is the E.164 number, or
// ErrNotFound.
func MerchantByPhone(ctx context.Context, db postgres.DBTX, phone string) (Merchant, error) {
	return oneMerchant(ctx, db, `m.phone = $1
		OR m.id = (SELECT merchant_id FROM merchant_phones WHERE phone = $1)`, phone)
}

func oneMerchant(ctx context.Context, db postgres.DBTX, where string, arg any) (Merchant, error) {
	rows, err := db.Query(ctx, `SELECT `+merchantColumns+`
		FROM merchants m JOIN communes c ON c.id = m.commune_id WHERE `+where, arg)
	if err != nil {
		return Merchant{}, fmt.Errorf("get merchant %v: %w", arg, err)
	}
	m, err := pgx.CollectExactlyOneRow(rows, scanMerchant)
	if errors.Is(err, pgx.ErrNoRows) {
		return Merchant{}, fmt.Errorf("get merchant %v: %w", arg, ErrNotFound)
	}
	if err != nil {
		return Merchant{}, fmt.Errorf("get merchant %v: %w", arg, err)
	}
	return m, nil
}

const productColumns = `id, merchant_id, ref, name, price_cents, unit, stock_milli`

func scanProduct(r pgx.CollectableRow) (Product, error) {
	var p Product
	err := r.Scan(&p.ID, &p.MerchantID, &p.Ref, &p.Name, &p.PriceCents, &p.Unit, &p.Stock)
	return p, err
}

// Products returns the products that customers see: a merchant's products
// with some stock left, in catalog order (the order of their creation). A
// product whose stock reaches 0 disappears until it is restocked.
func Products(ctx context.Context, db postgres.DBTX, merchantID int64) ([]Product, error) {
	rows, err := db.Query(ctx, `SELECT `+productColumns+`
		FROM products WHERE merchant_id = $1 AND stock_milli > 0 ORDER BY id`, merchantID)
	if err != nil {
		return nil, fmt.Errorf("list products of merchant %d: %w", merchantID, err)
	}
	products, err := pgx.CollectRows(rows, scanProduct)
	if err != nil {
		return nil, fmt.Errorf("list products of merchant %d: %w", merchantID, err)
	}
	return products, nil
}

// AllProducts returns every product of a merchant, out of stock ones
// included, in catalog order: what the merchant's own list shows.
func AllProducts(ctx context.Context, db postgres.DBTX, merchantID int64) ([]Product, error) {
	rows, err := db.Query(ctx, `SELECT `+productColumns+`
		FROM products WHERE merchant_id = $1 ORDER BY id`, merchantID)
	if err != nil {
		return nil, fmt.Errorf("list all products of merchant %d: %w", merchantID, err)
	}
	products, err := pgx.CollectRows(rows, scanProduct)
	if err != nil {
		return nil, fmt.Errorf("list all products of merchant %d: %w", merchantID, err)
	}
	return products, nil
}

// GetProduct returns the product with the id, or ErrNotFound.
func GetProduct(ctx context.Context, db postgres.DBTX, id int64) (Product, error) {
	rows, err := db.Query(ctx, `SELECT `+productColumns+` FROM products WHERE id = $1`, id)
	if err != nil {
		return Product{}, fmt.Errorf("get product %d: %w", id, err)
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanProduct)
	if errors.Is(err, pgx.ErrNoRows) {
		return Product{}, fmt.Errorf("get product %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Product{}, fmt.Errorf("get product %d: %w", id, err)
	}
	return p, nil
}

// TakeStock removes q from the product's stock if at least q is left. It
// reports whether it did, and the stock left after the attempt. The
// conditional update makes concurrent takes safe: stock never goes below 0.
func TakeStock(ctx context.Context, db postgres.DBTX, productID int64, q Quantity) (bool, Quantity, error) {
	var left Quantity
	err := db.QueryRow(ctx, `UPDATE products SET stock_milli = stock_milli - $2, updated_at = now()
		WHERE id = $1 AND stock_milli >= $2 RETURNING stock_milli`, productID, q).Scan(&left)
	if err == nil {
		return true, left, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return false, 0, fmt.Errorf("take stock of product %d: %w", productID, err)
	}
	err = db.QueryRow(ctx, `SELECT stock_milli FROM products WHERE id = $1`, productID).Scan(&left)
	if err != nil {
		return false, 0, fmt.Errorf("take stock of product %d: %w", productID, err)
	}
	return false, left, nil
}

// PutBackStock adds q back to the product's stock.
func PutBackStock(ctx context.Context, db postgres.DBTX, productID int64, q Quantity) error {
	_, err := db.Exec(ctx, `UPDATE products SET stock_milli = stock_milli + $2, updated_at = now()
		WHERE id = $1`, productID, q)
	if err != nil {
		return fmt.Errorf("put back stock of product %d: %w", productID, err)
	}
	return nil
}
