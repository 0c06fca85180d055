package shop

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/postgres"
)

// ErrNotPending is returned when an operator approves or rejects a
// merchant that is no longer waiting for it.
var ErrNotPending = errors.New("merchant is not pending")

// Approve moves a pending merchant to approved: it is listed to customers
// from then on. Another status gives ErrNotPending with the merchant as
// stored.
func Approve(ctx context.Context, tx pgx.Tx, ref string) (catalog.Merchant, error) {
	return decide(ctx, tx, ref, catalog.MerchantApproved, "")
}

// Reject moves a pending merchant to rejected, with the operator's reason.
func Reject(ctx context.Context, tx pgx.Tx, ref, reason string) (catalog.Merchant, error) {
	return decide(ctx, tx, ref, catalog.MerchantRejected, reason)
}

func decide(ctx context.Context, tx pgx.Tx, ref, status, reason string) (catalog.Merchant, error) {
	var id int64
	err := tx.QueryRow(ctx, `UPDATE merchants SET status = $2, rejection_reason = $3, updated_at = now()
		WHERE ref = $1 AND status = 'pending' RETURNING id`, ref, status, reason).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		m, getErr := merchantByRef(ctx, tx, ref)
		if getErr != nil {
			return catalog.Merchant{}, fmt.Errorf("%s merchant %s: %w", status, ref, getErr)
		}
		return m, fmt.Errorf("%s merchant %s: %w", status, ref, ErrNotPending)
	}
	if err != nil {
		return catalog.Merchant{}, fmt.Errorf("%s merchant %s: %w", status, ref, err)
	}
	return catalog.GetMerchant(ctx, tx, id)
}

func merchantByRef(ctx context.Context, db postgres.DBTX, ref string) (catalog.Merchant, error) {
	var id int64
	err := db.QueryRow(ctx, `SELECT id FROM merchants WHERE ref = $1`, ref).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return catalog.Merchant{}, catalog.ErrNotFound
	}
	if err != nil {
		return catalog.Merchant{}, err
	}
	return catalog.GetMerchant(ctx, db, id)
}

// Listing is a merchant as the operator sees it.
type Listing struct {
	Ref          string
	Name         string
	Category     string
	Phone        string
	CommuneName  string
	Drive        bool
	Delivery     bool
	OpeningHours string
	Status       string
	CreatedAt    time.Time
}

// List returns the merchants with the status, or all of them when status
// is empty, oldest first.
func List(ctx context.Context, db postgres.DBTX, status string) ([]Listing, error) {
	rows, err := db.Query(ctx, `SELECT m.ref, m.name, m.category, m.phone, c.name, m.drive, m.delivery,
			m.opening_hours, m.status, m.created_at
		FROM merchants m JOIN communes c ON c.id = m.commune_id
		WHERE $1 = '' OR m.status = $1
		ORDER BY m.created_at, m.id`, status)
	if err != nil {
		return nil, fmt.Errorf("list merchants: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Listing, error) {
		var l Listing
		err := r.Scan(&l.Ref, &l.Name, &l.Category, &l.Phone, &l.CommuneName, &l.Drive, &l.Delivery,
			&l.OpeningHours, &l.Status, &l.CreatedAt)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("list merchants: %w", err)
	}
	return list, nil
}
