package order

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// maxOpenListed bounds the open orders that COMMANDES lists.
const maxOpenListed = 30

// OpenOrders returns the merchant's orders that still wait for someone
// (pending, proposed, accepted, ready), oldest first, at most 30.
func OpenOrders(ctx context.Context, db postgres.DBTX, merchantID int64) ([]Order, error) {
	rows, err := db.Query(ctx, `SELECT ref FROM orders
		WHERE merchant_id = $1 AND status IN ('pending', 'proposed', 'accepted', 'ready')
		ORDER BY created_at, id LIMIT $2`, merchantID, maxOpenListed)
	if err != nil {
		return nil, fmt.Errorf("list open orders of merchant %d: %w", merchantID, err)
	}
	refs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list open orders of merchant %d: %w", merchantID, err)
	}
	orders := make([]Order, 0, len(refs))
	for _, ref := range refs {
		o, err := Get(ctx, db, ref)
		if err != nil {
			return nil, err
		}
		orders = append(orders, o)
	}
	return orders, nil
}

// DaySummary is the counts of a merchant's daily summary.
type DaySummary struct {
	Orders       int   // orders placed in the day, whatever became of them
	Served       int   // of those, accepted and not stopped since
	RevenueCents int64 // total of the served orders
}

// SummarizeDay counts the merchant's orders placed in [from, to).
func SummarizeDay(ctx context.Context, db postgres.DBTX, merchantID int64, from, to time.Time) (DaySummary, error) {
	var s DaySummary
	err := db.QueryRow(ctx, `SELECT count(*),
			count(*) FILTER (WHERE status IN ('accepted', 'ready', 'collected', 'delivered')),
			COALESCE(sum(total_cents) FILTER (WHERE status IN ('accepted', 'ready', 'collected', 'delivered')), 0)
		FROM orders WHERE merchant_id = $1 AND created_at >= $2 AND created_at < $3`,
		merchantID, from, to).Scan(&s.Orders, &s.Served, &s.RevenueCents)
	if err != nil {
		return DaySummary{}, fmt.Errorf("summarize day of merchant %d: %w", merchantID, err)
	}
	return s, nil
}
