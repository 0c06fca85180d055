package order

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
)

// LineError is returned when a product name given by the merchant matches
// no line of the order, or several (Ambiguous).
type LineError struct {
	Ref       string
	Query     string
	Ambiguous bool
}

func (e *LineError) Error() string {
	if e.Ambiguous {
		return fmt.Sprintf("order %s: %q matches several lines", e.Ref, e.Query)
	}
	return fmt.Sprintf("order %s: no line matches %q", e.Ref, e.Query)
}

// ErrNoLineLeft is returned when removing lines would leave the order
// empty: the merchant should refuse it instead.
var ErrNoLineLeft = errors.New("no line would be left")

// RemoveLines removes the lines named by the merchant from a pending or
// proposed order, puts their stock back and sets the order proposed, so
// that the customer accepts the new total or cancels. It returns the order
// as changed and the removed lines.
func RemoveLines(ctx context.Context, tx pgx.Tx, ref string, merchantID int64, names []string) (Order, []Line, error) {
	o, err := lockForMerchant(ctx, tx, ref, merchantID, Pending, Proposed)
	if err != nil {
		return o, nil, err
	}
	removed, kept, err := splitLines(o, names)
	if err != nil {
		return o, nil, err
	}
	if len(kept) == 0 {
		return o, nil, fmt.Errorf("remove lines of order %s: %w", ref, ErrNoLineLeft)
	}

	for _, l := range removed {
		if _, err := tx.Exec(ctx, `DELETE FROM order_lines WHERE order_id = $1 AND product_id = $2`, o.ID, l.ProductID); err != nil {
			return Order{}, nil, fmt.Errorf("remove lines of order %s: %w", ref, err)
		}
		if err := catalog.PutBackStock(ctx, tx, l.ProductID, l.Quantity); err != nil {
			return Order{}, nil, fmt.Errorf("remove lines of order %s: %w", ref, err)
		}
	}
	if err := updateTotal(ctx, tx, o.ID); err != nil {
		return Order{}, nil, fmt.Errorf("remove lines of order %s: %w", ref, err)
	}
	changed, err := move(ctx, tx, ref, MerchantActor(merchantID), []Status{Pending, Proposed}, Proposed, "")
	return changed, removed, err
}

// splitLines returns the lines that the names match and the others.
func splitLines(o Order, names []string) (removed, kept []Line, err error) {
	kept = slices.Clone(o.Lines)
	for _, name := range names {
		i, err := matchLine(o.Ref, kept, name)
		if err != nil {
			return nil, nil, err
		}
		removed = append(removed, kept[i])
		kept = slices.Delete(kept, i, i+1)
	}
	return removed, kept, nil
}

// Weigh sets the weighed quantity of a line of the merchant's open order
// (not yet collected or delivered), moves the stock by the difference and
// updates the total. It returns the order as changed and the line.
func Weigh(ctx context.Context, tx pgx.Tx, ref string, merchantID int64, name string, q catalog.Quantity) (Order, Line, error) {
	o, err := lockForMerchant(ctx, tx, ref, merchantID, Pending, Proposed, Accepted, Ready)
	if err != nil {
		return o, Line{}, err
	}
	i, err := matchLine(ref, o.Lines, name)
	if err != nil {
		return o, Line{}, err
	}
	line := o.Lines[i]

	amount := catalog.Amount(line.PriceCents, q)
	_, err = tx.Exec(ctx, `UPDATE order_lines SET quantity_milli = $3, amount_cents = $4
		WHERE order_id = $1 AND product_id = $2`, o.ID, line.ProductID, q, amount)
	if err != nil {
		return Order{}, Line{}, fmt.Errorf("weigh line of order %s: %w", ref, err)
	}
	// The stock follows what was really weighed, and never goes below 0:
	// the piece is already cut when the merchant weighs it.
	_, err = tx.Exec(ctx, `UPDATE products SET stock_milli = GREATEST(stock_milli - $2, 0), updated_at = now()
		WHERE id = $1`, line.ProductID, q-line.Quantity)
	if err != nil {
		return Order{}, Line{}, fmt.Errorf("weigh line of order %s: %w", ref, err)
	}
	if err := updateTotal(ctx, tx, o.ID); err != nil {
		return Order{}, Line{}, fmt.Errorf("weigh line of order %s: %w", ref, err)
	}

	weighed, err := Get(ctx, tx, ref)
	line.Quantity, line.AmountCents = q, amount
	return weighed, line, err
}

// lockForMerchant locks the merchant's order and checks that its status is
// one of open. It returns the order as stored with a *StatusError when it
// is not, and ErrNotFound when the order is not the merchant's.
func lockForMerchant(ctx context.Context, tx pgx.Tx, ref string, merchantID int64, open ...Status) (Order, error) {
	var status Status
	err := tx.QueryRow(ctx, `SELECT status FROM orders WHERE ref = $1 AND merchant_id = $2 FOR UPDATE`,
		ref, merchantID).Scan(&status)
	if errors.Is(err, pgx.ErrNoRows) {
		return Order{}, fmt.Errorf("lock order %s: %w", ref, ErrNotFound)
	}
	if err != nil {
		return Order{}, fmt.Errorf("lock order %s: %w", ref, err)
	}
	o, err := Get(ctx, tx, ref)
	if err != nil {
		return Order{}, err
	}
	if !slices.Contains(open, status) {
		return o, &StatusError{Ref: ref, Actual: status}
	}
	return o, nil
}

// updateTotal sets the order's total to its lines plus the delivery fee.
func updateTotal(ctx context.Context, tx pgx.Tx, orderID int64) error {
	_, err := tx.Exec(ctx, `UPDATE orders SET total_cents = delivery_fee_cents +
			COALESCE((SELECT sum(amount_cents) FROM order_lines WHERE order_id = $1), 0),
			updated_at = now()
		WHERE id = $1`, orderID)
	return err
}

// matchLine returns the index of the line that the merchant named: the
// line whose folded name is the folded query, or else the only line whose
// folded name contains it or starts with it.
func matchLine(ref string, lines []Line, query string) (int, error) {
	q := catalog.Fold(query)
	if q == "" {
		return 0, &LineError{Ref: ref, Query: query}
	}
	for i, l := range lines {
		if catalog.Fold(l.Name) == q {
			return i, nil
		}
	}
	found := -1
	for i, l := range lines {
		if !containsWords(catalog.Fold(l.Name), q) {
			continue
		}
		if found >= 0 {
			return 0, &LineError{Ref: ref, Query: query, Ambiguous: true}
		}
		found = i
	}
	if found < 0 {
		return 0, &LineError{Ref: ref, Query: query}
	}
	return found, nil
}

// containsWords reports whether every word of query starts a word of name,
// or is that word in the plural, so that "fraise" matches "Fraises
// gariguettes", "tom" "Tomates" and "croissants" "Croissant au beurre".
func containsWords(name, query string) bool {
	words := strings.Fields(name)
	for _, q := range strings.Fields(query) {
		singular := strings.TrimRight(q, "sx")
		if !slices.ContainsFunc(words, func(w string) bool { return strings.HasPrefix(w, q) || w == singular }) {
			return false
		}
	}
	return true
}
