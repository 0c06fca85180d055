package catalog

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// ErrNotFound is returned when a looked-up merchant or product does not exist.
var ErrNotFound = errors.New("not found")

var postalCode = regexp.MustCompile(`^[0-9]{5}$`)

// communeColumns selects a commune and its smallest postal code.
const communeColumns = `c.id, c.name, c.departement, c.latitude, c.longitude,
	(SELECT min(postal_code) FROM commune_postal_codes p WHERE p.commune_id = c.id)`

// FindCommunes returns the communes whose postal code is query, or whose
// folded name is the folded query; the best-known first.
func FindCommunes(ctx context.Context, db postgres.DBTX, query string) ([]Commune, error) {
	folded := Fold(query)
	if folded == "" {
		return nil, nil
	}
	var rows pgx.Rows
	var err error
	if postalCode.MatchString(folded) {
		rows, err = db.Query(ctx, `SELECT `+communeColumns+` FROM communes c
			WHERE c.id IN (SELECT commune_id FROM commune_postal_codes WHERE postal_code = $1)
			ORDER BY c.name`, folded)
	} else {
		rows, err = db.Query(ctx, `SELECT `+communeColumns+` FROM communes c
			WHERE c.name_folded = $1 ORDER BY c.departement`, folded)
	}
	if err != nil {
		return nil, fmt.Errorf("find communes %q: %w", query, err)
	}
	communes, err := pgx.CollectRows(rows, scanCommune)
	if err != nil {
		return nil, fmt.Errorf("find communes %q: %w", query, err)
	}
	return communes, nil
}

func scanCommune(r pgx.CollectableRow) (Commune, error) {
	var c Commune
	err := r.Scan(&c.ID, &c.Name, &c.Departement, &c.Latitude, &c.Longitude, &c.PostalCode)
	return c, err
}

const merchantColumns = `m.id, m.ref, m.name, m.category, m.phone, m.commune_id, c.name,
	m.address, m.latitude, m.longitude, m.drive, m.delivery, m.delivery_fee_cents`

func scanMerchant(r pgx.CollectableRow) (Merchant, error) {
	var m Merchant
	err := r.Scan(&m.ID, &m.Ref, &m.Name, &m.Category, &m.Phone, &m.CommuneID, &m.CommuneName,
		&m.Address, &m.Latitude, &m.Longitude, &m.Drive, &m.Delivery, &m.DeliveryFeeCents)
	return m, err
}

// MerchantsNearCommune returns the merchants of the commune, then those of
// the same département, closest first when coordinates are known, at most
// limit of them.
func MerchantsNearCommune(ctx context.Context, db postgres.DBTX, communeID int64, limit int) ([]Merchant, error) {
	rows, err := db.Query(ctx, `
		SELECT `+merchantColumns+`
		FROM merchants m
		JOIN communes c ON c.id = m.commune_id
		JOIN communes home ON home.id = $1
		WHERE m.commune_id = $1 OR c.departement = home.departement
		ORDER BY m.commune_id <> $1,
			(c.latitude - home.latitude)^2 + (c.longitude - home.longitude)^2 NULLS LAST,
			m.name
		LIMIT $2`, communeID, limit)
	if err != nil {
		return nil, fmt.Errorf("list merchants near commune %d: %w", communeID, err)
	}
	merchants, err := pgx.CollectRows(rows, scanMerchant)
	if err != nil {
		return nil, fmt.Errorf("list merchants near commune %d: %w", communeID, err)
	}
	return merchants, nil
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
		err := r.Scan(&m.ID, &m.Ref, &m.Name, &m.Category, &m.Phone, &m.CommuneID, &m.CommuneName,
			&m.Address, &m.Latitude, &m.Longitude, &m.Drive, &m.Delivery, &m.DeliveryFeeCents, &km)
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

// MerchantByPhone returns the merchant whose registered phone is the E.164
// number, or ErrNotFound.
func MerchantByPhone(ctx context.Context, db postgres.DBTX, phone string) (Merchant, error) {
	return oneMerchant(ctx, db, "m.phone = $1", phone)
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

// Products returns a merchant's products in catalog order (the order of
// their first import).
func Products(ctx context.Context, db postgres.DBTX, merchantID int64) ([]Product, error) {
	rows, err := db.Query(ctx, `SELECT `+productColumns+`
		FROM products WHERE merchant_id = $1 ORDER BY id`, merchantID)
	if err != nil {
		return nil, fmt.Errorf("list products of merchant %d: %w", merchantID, err)
	}
	products, err := pgx.CollectRows(rows, scanProduct)
	if err != nil {
		return nil, fmt.Errorf("list products of merchant %d: %w", merchantID, err)
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

// GetCommune returns the commune with the id, or ErrNotFound.
func GetCommune(ctx context.Context, db postgres.DBTX, id int64) (Commune, error) {
	rows, err := db.Query(ctx, `SELECT `+communeColumns+` FROM communes c WHERE c.id = $1`, id)
	if err != nil {
		return Commune{}, fmt.Errorf("get commune %d: %w", id, err)
	}
	c, err := pgx.CollectExactlyOneRow(rows, scanCommune)
	if errors.Is(err, pgx.ErrNoRows) {
		return Commune{}, fmt.Errorf("get commune %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Commune{}, fmt.Errorf("get commune %d: %w", id, err)
	}
	return c, nil
}
