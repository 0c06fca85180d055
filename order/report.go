package order

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/postgres"
)

// SegmentUsage is what an order cost in SMS segments: those received from
// the customer and the merchant, and those sent to them.
type SegmentUsage struct {
	Ref          string
	MerchantName string
	Status       Status
	CreatedAt    time.Time
	Inbound      int
	Outbound     int
}

// Segments returns the SMS segments of the latest orders, newest first, at
// most limit of them.
func Segments(ctx context.Context, db postgres.DBTX, limit int) ([]SegmentUsage, error) {
	rows, err := db.Query(ctx, `
		SELECT o.ref, m.name, o.status, o.created_at,
			COALESCE((SELECT sum(segments) FROM inbound_messages i WHERE i.order_id = o.id), 0),
			COALESCE((SELECT sum(segments) FROM outbox x WHERE x.order_id = o.id), 0)
		FROM orders o JOIN merchants m ON m.id = o.merchant_id
		ORDER BY o.created_at DESC, o.id DESC
		LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("report segments: %w", err)
	}
	usage, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (SegmentUsage, error) {
		var u SegmentUsage
		err := r.Scan(&u.Ref, &u.MerchantName, &u.Status, &u.CreatedAt, &u.Inbound, &u.Outbound)
		return u, err
	})
	if err != nil {
		return nil, fmt.Errorf("report segments: %w", err)
	}
	return usage, nil
}
