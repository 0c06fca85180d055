package bot

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/shop"
)

// ApproveShop approves a pending sign-up and queues the SMS that informs the
// merchant, in one transaction. A merchant that is not pending gives
// shop.ErrNotPending and nothing is sent.
func ApproveShop(ctx context.Context, db *pgxpool.Pool, r *Renderer, ref string) (catalog.Merchant, error) {
	return decideShop(ctx, db, r, func(tx pgx.Tx) (catalog.Merchant, conversation.Reply, error) {
		m, err := shop.Approve(ctx, tx, ref)
		return m, conversation.ApprovedNotice(m), err
	})
}

// RejectShop rejects a pending sign-up with the reason and queues the SMS
// that informs the merchant.
func RejectShop(ctx context.Context, db *pgxpool.Pool, r *Renderer, ref, reason string) (catalog.Merchant, error) {
	return decideShop(ctx, db, r, func(tx pgx.Tx) (catalog.Merchant, conversation.Reply, error) {
		m, err := shop.Reject(ctx, tx, ref, reason)
		return m, conversation.RejectedNotice(m, reason), err
	})
}

func decideShop(ctx context.Context, db *pgxpool.Pool, r *Renderer,
	decide func(pgx.Tx) (catalog.Merchant, conversation.Reply, error)) (catalog.Merchant, error) {
	tx, err := db.Begin(ctx)
	if err != nil {
		return catalog.Merchant{}, fmt.Errorf("decide sign-up: %w", err)
	}
	defer tx.Rollback(ctx)

	m, notice, err := decide(tx)
	if err != nil {
		return m, err
	}
	if _, err := Notify(ctx, tx, r, notice); err != nil {
		return m, err
	}
	if err := tx.Commit(ctx); err != nil {
		return m, fmt.Errorf("decide sign-up: commit: %w", err)
	}
	return m, nil
}
