// Package shop owns the data that merchants change themselves, by SMS or
// Telegram. That is their sign-up and its approval by an operator, their
// catalog and opening, their staff phones and notification phone, their
// daily summary, and the Telegram chats linked to them.
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

// ErrPhoneTaken is returned when a phone already acts for a merchant.
var ErrPhoneTaken = errors.New("phone already registered for a merchant")

// Registration is a merchant's sign-up form, as filled in by SMS.
type Registration struct {
	Phone         string // E.164
	Name          string
	Category      string
	CommuneID     int64
	Drive         bool
	Delivery      bool
	FeeCents      int64
	MinOrderCents int64
	// Areas are the communes delivered, with FeeCents and MinOrderCents.
	// NOTE: they are recorded only. Customers' lists and checkout do not
	// use the areas or enforce the minimum order yet.
	Areas        []int64
	OpeningHours string
}

// Register records a sign-up as a pending merchant, placed at its
// commune's centre. A phone whose earlier sign-up was rejected signs up
// again; any other phone of a merchant gets ErrPhoneTaken.
func Register(ctx context.Context, tx pgx.Tx, r Registration) (catalog.Merchant, error) {
	if taken, err := phoneTaken(ctx, tx, r.Phone); err != nil || taken {
		if err == nil {
			err = ErrPhoneTaken
		}
		return catalog.Merchant{}, fmt.Errorf("register merchant: %w", err)
	}
	id, err := upsertPending(ctx, tx, r)
	if err != nil {
		return catalog.Merchant{}, fmt.Errorf("register merchant: %w", err)
	}
	if err := replaceAreas(ctx, tx, id, r); err != nil {
		return catalog.Merchant{}, fmt.Errorf("register merchant: %w", err)
	}
	return catalog.GetMerchant(ctx, tx, id)
}

// phoneTaken reports whether the phone is a staff phone, or the phone of a
// merchant that is not rejected.
func phoneTaken(ctx context.Context, db postgres.DBTX, phone string) (bool, error) {
	var taken bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM merchant_phones WHERE phone = $1)
		OR EXISTS (SELECT 1 FROM merchants WHERE phone = $1 AND status <> 'rejected')`, phone).Scan(&taken)
	return taken, err
}

func upsertPending(ctx context.Context, tx pgx.Tx, r Registration) (int64, error) {
	args := []any{r.Phone, r.Name, r.Category, r.CommuneID, r.Drive, r.Delivery, r.FeeCents, r.MinOrderCents, r.OpeningHours}
	var id int64
	err := tx.QueryRow(ctx, `UPDATE merchants SET name = $2, category = $3, commune_id = $4,
			latitude = c.latitude, longitude = c.longitude, drive = $5, delivery = $6,
			delivery_fee_cents = $7, min_order_cents = $8, opening_hours = $9,
			status = 'pending', rejection_reason = '', updated_at = now()
		FROM communes c WHERE c.id = $4 AND merchants.phone = $1 AND merchants.status = 'rejected'
		RETURNING merchants.id`, args...).Scan(&id)
	if err == nil || !errors.Is(err, pgx.ErrNoRows) {
		return id, err
	}

	ref, err := freeRef(ctx, tx, r.Name)
	if err != nil {
		return 0, err
	}
	err = tx.QueryRow(ctx, `INSERT INTO merchants (ref, phone, name, category, commune_id, latitude, longitude,
			drive, delivery, delivery_fee_cents, min_order_cents, opening_hours, status)
		SELECT $10, $1, $2, $3, c.id, c.latitude, c.longitude, $5, $6, $7, $8, $9, 'pending'
		FROM communes c WHERE c.id = $4
		RETURNING id`, append(args, ref)...).Scan(&id)
	return id, err
}

// freeRef returns a merchant reference made from the name ("Ferme des
// Oliviers" gives "ferme-des-oliviers"), numbered when it is taken.
func freeRef(ctx context.Context, db postgres.DBTX, name string) (string, error) {
	base := strings.ReplaceAll(catalog.Fold(name), " ", "-")
	if base == "" {
		base = "commerce"
	}
	ref := base
	for n := 2; ; n++ {
		var taken bool
		if err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM merchants WHERE ref = $1)`, ref).Scan(&taken); err != nil {
			return "", err
		}
		if !taken {
			return ref, nil
		}
		ref = fmt.Sprintf("%s-%d", base, n)
	}
}

func replaceAreas(ctx context.Context, tx pgx.Tx, merchantID int64, r Registration) error {
	if _, err := tx.Exec(ctx, `DELETE FROM merchant_delivery_areas WHERE merchant_id = $1`, merchantID); err != nil {
		return err
	}
	for _, commune := range r.Areas {
		_, err := tx.Exec(ctx, `INSERT INTO merchant_delivery_areas (merchant_id, commune_id, fee_cents, min_order_cents)
			VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, merchantID, commune, r.FeeCents, r.MinOrderCents)
		if err != nil {
			return err
		}
	}
	return nil
}
