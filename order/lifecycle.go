package order

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
)

// Actor is who asks for a transition: a merchant (MerchantID set) or the
// customer of a conversation (Channel and Address set). An order of
// someone else reads as ErrNotFound.
type Actor struct {
	MerchantID int64
	Channel    string
	Address    string
}

// MerchantActor returns the actor of a merchant's command.
func MerchantActor(merchantID int64) Actor { return Actor{MerchantID: merchantID} }

// CustomerActor returns the actor of a customer's command.
func CustomerActor(channel, address string) Actor { return Actor{Channel: channel, Address: address} }

// owns reports whether the order belongs to the actor.
func (a Actor) owns(o Order) bool {
	if a.MerchantID != 0 {
		return o.MerchantID == a.MerchantID
	}
	return o.Customer.Channel == a.Channel && o.Customer.Address == a.Address
}

// Advance moves an order of the merchant forward: to Ready from Accepted,
// and to Collected or Delivered from Accepted or Ready. When the order is
// elsewhere, it returns the order as stored with a *StatusError.
func Advance(ctx context.Context, tx pgx.Tx, ref string, merchantID int64, to Status) (Order, error) {
	var from []Status
	switch to {
	case Ready:
		from = []Status{Accepted}
	case Collected, Delivered:
		from = []Status{Accepted, Ready}
	default:
		return Order{}, fmt.Errorf("advance order %s: invalid target status %s", ref, to)
	}
	return move(ctx, tx, ref, MerchantActor(merchantID), from, to, "")
}

// Cancel cancels the customer's order before its acceptance (pending or
// proposed) and puts its stock back.
func Cancel(ctx context.Context, tx pgx.Tx, ref string, customer Actor) (Order, error) {
	o, err := move(ctx, tx, ref, customer, []Status{Pending, Proposed}, Cancelled, "")
	if err != nil {
		return o, err
	}
	return o, putBack(ctx, tx, o)
}

// ConfirmChanges accepts, for the customer, an order that its merchant
// proposed without some lines.
func ConfirmChanges(ctx context.Context, tx pgx.Tx, ref string, customer Actor) (Order, error) {
	return move(ctx, tx, ref, customer, []Status{Proposed}, Accepted, "")
}

// Expire expires an order that is still pending or proposed, and puts its
// stock back. The scheduler calls it once the merchant's or the customer's
// time to answer is over.
func Expire(ctx context.Context, tx pgx.Tx, ref string) (Order, error) {
	o, err := move(ctx, tx, ref, Actor{}, []Status{Pending, Proposed}, Expired, "")
	if err != nil {
		return o, err
	}
	return o, putBack(ctx, tx, o)
}

// move changes the order's status only if it is still one of from, so
// that of two crossing actions exactly one wins. The loser gets a
// *StatusError with the real status. A zero actor (the scheduler) may move
// any order.
func move(ctx context.Context, tx pgx.Tx, ref string, who Actor, from []Status, to Status, reason string) (Order, error) {
	tag, err := tx.Exec(ctx, `UPDATE orders SET status = $3,
			refusal_reason = CASE WHEN $4 = '' THEN refusal_reason ELSE $4 END,
			proposed_at = CASE WHEN $3 = 'proposed' THEN now() ELSE proposed_at END,
			updated_at = now()
		WHERE ref = $1 AND status = ANY($2)
			AND ($5 = 0 OR merchant_id = $5)
			AND ($6 = '' OR conversation_id = (SELECT id FROM conversations WHERE channel = $6 AND address = $7))`,
		ref, statusNames(from), to, reason, who.MerchantID, who.Channel, who.Address)
	if err != nil {
		return Order{}, fmt.Errorf("%s order %s: %w", to, ref, err)
	}
	o, err := Get(ctx, tx, ref)
	if err != nil {
		return Order{}, err
	}
	if who != (Actor{}) && !who.owns(o) {
		return Order{}, fmt.Errorf("%s order %s: %w", to, ref, ErrNotFound)
	}
	if tag.RowsAffected() == 0 {
		return o, &StatusError{Ref: ref, Actual: o.Status}
	}
	return o, nil
}

// putBack returns the stock of every line of the order.
func putBack(ctx context.Context, tx pgx.Tx, o Order) error {
	for _, l := range o.Lines {
		if err := catalog.PutBackStock(ctx, tx, l.ProductID, l.Quantity); err != nil {
			return fmt.Errorf("%s order %s: %w", o.Status, o.Ref, err)
		}
	}
	return nil
}

func statusNames(statuses []Status) []string {
	names := make([]string, len(statuses))
	for i, s := range statuses {
		names[i] = string(s)
	}
	return names
}
