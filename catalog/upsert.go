package catalog

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// writeImport writes the checked files: communes and merchants first, then
// products. It is meant to run in a transaction.
func writeImport(ctx context.Context, db postgres.DBTX, mf merchantFile, pf productFile) (ImportReport, error) {
	var report ImportReport
	merchantIDs := map[string]int64{}
	// NOTE: merchants are written in file order, so a phone that moves from
	// one merchant of the file to another fails on merchants.phone's unique
	// constraint when the new owner comes first. The import then fails and
	// writes nothing.
	for _, m := range mf.rows {
		id, created, err := upsertMerchant(ctx, db, m)
		if err != nil {
			return ImportReport{}, err
		}
		merchantIDs[m.ref] = id
		if created {
			report.MerchantsCreated++
		} else {
			report.MerchantsUpdated++
		}
	}

	if err := lookUpMerchantIDs(ctx, db, pf.merchantRefsOutsideFile(mf), merchantIDs); err != nil {
		return ImportReport{}, err
	}
	for _, p := range pf.rows {
		created, err := upsertProduct(ctx, db, merchantIDs[p.merchantRef], p)
		if err != nil {
			return ImportReport{}, err
		}
		if created {
			report.ProductsCreated++
		} else {
			report.ProductsUpdated++
		}
	}
	return report, nil
}

// upsertMerchant updates the merchant with the ref, or creates it, and
// returns its id and whether it was created.
func upsertMerchant(ctx context.Context, db postgres.DBTX, m merchantRow) (int64, bool, error) {
	communeID, err := upsertCommune(ctx, db, m)
	if err != nil {
		return 0, false, err
	}
	args := []any{m.ref, m.name, m.category, m.phone, communeID, m.address,
		m.latitude, m.longitude, m.drive, m.delivery, m.deliveryFeeCents}

	var id int64
	err = db.QueryRow(ctx, `UPDATE merchants SET name = $2, category = $3, phone = $4,
			commune_id = $5, address = $6, latitude = $7, longitude = $8, drive = $9,
			delivery = $10, delivery_fee_cents = $11, updated_at = now()
		WHERE ref = $1 RETURNING id`, args...).Scan(&id)
	if err == nil {
		return id, false, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, false, fmt.Errorf("update merchant %q: %w", m.ref, err)
	}

	err = db.QueryRow(ctx, `INSERT INTO merchants (ref, name, category, phone, commune_id,
			address, latitude, longitude, drive, delivery, delivery_fee_cents)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`, args...).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("insert merchant %q: %w", m.ref, err)
	}
	return id, true, nil
}

// lookUpMerchantIDs adds to ids the database ids of the merchant refs.
func lookUpMerchantIDs(ctx context.Context, db postgres.DBTX, refs []string, ids map[string]int64) error {
	if len(refs) == 0 {
		return nil
	}
	rows, err := db.Query(ctx, `SELECT ref, id FROM merchants WHERE ref = ANY($1)`, refs)
	if err != nil {
		return fmt.Errorf("look up merchant ids: %w", err)
	}
	var ref string
	var id int64
	_, err = pgx.ForEachRow(rows, []any{&ref, &id}, func() error {
		ids[ref] = id
		return nil
	})
	if err != nil {
		return fmt.Errorf("look up merchant ids: %w", err)
	}
	return nil
}

// upsertProduct updates the merchant's product with the ref, or creates it,
// and reports whether it was created.
func upsertProduct(ctx context.Context, db postgres.DBTX, merchantID int64, p productRow) (bool, error) {
	args := []any{merchantID, p.ref, p.name, p.priceCents, p.unit, p.stock}
	tag, err := db.Exec(ctx, `UPDATE products SET name = $3, price_cents = $4, unit = $5,
			stock_milli = $6, updated_at = now()
		WHERE merchant_id = $1 AND ref = $2`, args...)
	if err != nil {
		return false, fmt.Errorf("update product %q of merchant %d: %w", p.ref, merchantID, err)
	}
	if tag.RowsAffected() > 0 {
		return false, nil
	}

	_, err = db.Exec(ctx, `INSERT INTO products (merchant_id, ref, name, price_cents, unit, stock_milli)
		VALUES ($1, $2, $3, $4, $5, $6)`, args...)
	if err != nil {
		return false, fmt.Errorf("insert product %q of merchant %d: %w", p.ref, merchantID, err)
	}
	return true, nil
}
