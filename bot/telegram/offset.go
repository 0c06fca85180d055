package telegram

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// offsetName is the row of poller_offsets that stores the next update_id
// to ask getUpdates for.
const offsetName = "telegram"

// loadOffset returns the stored next offset, or 0 when none is stored,
// which makes getUpdates start from the oldest unconfirmed update.
func loadOffset(ctx context.Context, db *pgxpool.Pool) (int, error) {
	var next int64
	err := db.QueryRow(ctx, `SELECT next_offset FROM poller_offsets WHERE name = $1`, offsetName).Scan(&next)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("load telegram offset: %w", err)
	}
	return int(next), nil
}

// storeOffset stores next as the offset to start from.
func storeOffset(ctx context.Context, db *pgxpool.Pool, next int) error {
	_, err := db.Exec(ctx, `INSERT INTO poller_offsets (name, next_offset) VALUES ($1, $2)
		ON CONFLICT (name) DO UPDATE SET next_offset = EXCLUDED.next_offset`, offsetName, next)
	if err != nil {
		return fmt.Errorf("store telegram offset %d: %w", next, err)
	}
	return nil
}
