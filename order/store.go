package order

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/postgres"
)

// Placement is the order a customer confirmed at checkout.
type Placement struct {
	MerchantID       int64
	Customer         Customer
	Fulfilment       Fulfilment
	DeliveryAddress  string
	DeliveryFeeCents int64
	Lines            []Line // ProductID, Name, Unit, Quantity and PriceCents set
}

// Place takes the stock of every line and records the order as pending,
// inside a savepoint of tx. When a product lacks stock, nothing of the
// placement stays and the shortage is returned with a nil error.
func Place(ctx context.Context, tx pgx.Tx, p Placement) (Order, *Shortage, error) {
	sp, err := tx.Begin(ctx)
	if err != nil {
		return Order{}, nil, fmt.Errorf("place order: %w", err)
	}
	defer sp.Rollback(ctx)

	o := Order{
		MerchantID:       p.MerchantID,
		Customer:         p.Customer,
		Fulfilment:       p.Fulfilment,
		DeliveryAddress:  p.DeliveryAddress,
		DeliveryFeeCents: p.DeliveryFeeCents,
		Status:           Pending,
		TotalCents:       p.DeliveryFeeCents,
	}
	// Stock rows are locked in product id order, whatever the order of the
	// basket, so that two placements sharing products wait for each other
	// instead of deadlocking.
	byProduct := slices.Clone(p.Lines)
	slices.SortStableFunc(byProduct, func(a, b Line) int { return cmp.Compare(a.ProductID, b.ProductID) })
	for _, l := range byProduct {
		ok, left, err := catalog.TakeStock(ctx, sp, l.ProductID, l.Quantity)
		if err != nil {
			return Order{}, nil, fmt.Errorf("place order: %w", err)
		}
		if !ok {
			return Order{}, &Shortage{ProductID: l.ProductID, Name: l.Name, Unit: l.Unit, Left: left}, nil
		}
	}
	for _, l := range p.Lines {
		l.AmountCents = catalog.Amount(l.PriceCents, l.Quantity)
		o.TotalCents += l.AmountCents
		o.Lines = append(o.Lines, l)
	}

	if err := insertOrder(ctx, sp, &o); err != nil {
		return Order{}, nil, fmt.Errorf("place order: %w", err)
	}
	if err := sp.Commit(ctx); err != nil {
		return Order{}, nil, fmt.Errorf("place order: %w", err)
	}
	placed, err := Get(ctx, tx, o.Ref)
	return placed, nil, err
}

// insertOrder inserts o and its lines under a fresh reference. A reference
// that is taken is drawn again, one character longer after a few tries.
func insertOrder(ctx context.Context, tx pgx.Tx, o *Order) error {
	for attempt := 0; ; attempt++ {
		o.Ref = newRef(3 + attempt/4)
		sp, err := tx.Begin(ctx)
		if err != nil {
			return err
		}
		err = sp.QueryRow(ctx, `INSERT INTO orders (ref, merchant_id, conversation_id, customer_name,
				fulfilment, delivery_address, delivery_fee_cents, total_cents, status)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			o.Ref, o.MerchantID, o.Customer.ConversationID, o.Customer.Name, o.Fulfilment,
			o.DeliveryAddress, o.DeliveryFeeCents, o.TotalCents, o.Status).Scan(&o.ID)
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23505" && attempt < 12 {
			_ = sp.Rollback(ctx)
			continue
		}
		if err != nil {
			_ = sp.Rollback(ctx)
			return err
		}
		if err := sp.Commit(ctx); err != nil {
			return err
		}
		break
	}
	for i, l := range o.Lines {
		_, err := tx.Exec(ctx, `INSERT INTO order_lines (order_id, line_no, product_id, name, unit,
				quantity_milli, price_cents, amount_cents)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			o.ID, i+1, l.ProductID, l.Name, l.Unit, l.Quantity, l.PriceCents, l.AmountCents)
		if err != nil {
			return err
		}
	}
	return nil
}

// Get returns the order with the reference, or ErrNotFound.
func Get(ctx context.Context, db postgres.DBTX, ref string) (Order, error) {
	var o Order
	err := db.QueryRow(ctx, `SELECT o.id, o.ref, o.merchant_id, m.name, COALESCE(m.notify_phone, m.phone),
			o.conversation_id, c.channel, c.address, c.locale, o.customer_name,
			o.fulfilment, o.delivery_address, o.delivery_fee_cents, o.total_cents,
			o.status, o.refusal_reason, o.created_at
		FROM orders o
		JOIN merchants m ON m.id = o.merchant_id
		JOIN conversations c ON c.id = o.conversation_id
		WHERE o.ref = $1`, ref).Scan(&o.ID, &o.Ref, &o.MerchantID, &o.MerchantName, &o.MerchantPhone,
		&o.Customer.ConversationID, &o.Customer.Channel, &o.Customer.Address, &o.Customer.Locale,
		&o.Customer.Name, &o.Fulfilment, &o.DeliveryAddress, &o.DeliveryFeeCents, &o.TotalCents,
		&o.Status, &o.RefusalReason, &o.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Order{}, fmt.Errorf("get order %s: %w", ref, ErrNotFound)
	}
	if err != nil {
		return Order{}, fmt.Errorf("get order %s: %w", ref, err)
	}

	rows, err := db.Query(ctx, `SELECT product_id, name, unit, quantity_milli, price_cents, amount_cents
		FROM order_lines WHERE order_id = $1 ORDER BY line_no`, o.ID)
	if err != nil {
		return Order{}, fmt.Errorf("get order %s: %w", ref, err)
	}
	o.Lines, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Line, error) {
		var l Line
		err := r.Scan(&l.ProductID, &l.Name, &l.Unit, &l.Quantity, &l.PriceCents, &l.AmountCents)
		return l, err
	})
	if err != nil {
		return Order{}, fmt.Errorf("get order %s: %w", ref, err)
	}
	return o, nil
}

// Accept moves a pending order of the merchant to accepted. When the order
// is no longer pending, it returns the order as stored with a *StatusError.
func Accept(ctx context.Context, tx pgx.Tx, ref string, merchantID int64) (Order, error) {
	return transition(ctx, tx, ref, merchantID, Pending, Accepted, "")
}

// Refuse moves a pending order of the merchant to refused, with the
// merchant's reason, and puts its stock back. When the order is no longer
// pending, it returns the order as stored with a *StatusError, as Accept
// does, so that the reply to the merchant can name its real status.
// A proposed order (lines removed, waiting for the customer) may be
// refused too.
func Refuse(ctx context.Context, tx pgx.Tx, ref string, merchantID int64, reason string) (Order, error) {
	o, err := move(ctx, tx, ref, MerchantActor(merchantID), []Status{Pending, Proposed}, Refused, reason)
	if err != nil {
		return o, err
	}
	return o, putBack(ctx, tx, o)
}

// transition changes the order's status only if it is still from. Of two
// crossing actions exactly one wins, and the loser gets a *StatusError
// with the real status.
func transition(ctx context.Context, tx pgx.Tx, ref string, merchantID int64, from, to Status, reason string) (Order, error) {
	tag, err := tx.Exec(ctx, `UPDATE orders SET status = $4, refusal_reason = $5, updated_at = now()
		WHERE ref = $1 AND merchant_id = $2 AND status = $3`, ref, merchantID, from, to, reason)
	if err != nil {
		return Order{}, fmt.Errorf("%s order %s: %w", to, ref, err)
	}
	o, err := Get(ctx, tx, ref)
	if err != nil {
		return Order{}, err
	}
	if o.MerchantID != merchantID {
		return Order{}, fmt.Errorf("%s order %s: %w", to, ref, ErrNotFound)
	}
	if tag.RowsAffected() == 0 {
		return o, &StatusError{Ref: ref, Actual: o.Status}
	}
	return o, nil
}
