package bot

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
)

// applyOrderCommand carries out the lifecycle effects of the merchants'
// and the customers' commands. ok is false for other effects.
func applyOrderCommand(ctx context.Context, tx pgx.Tx, eff conversation.Effect) (conversation.Result, bool, error) {
	var result conversation.Result
	var err error
	switch eff := eff.(type) {
	case conversation.AdvanceOrder:
		o, moveErr := order.Advance(ctx, tx, eff.Ref, eff.MerchantID, eff.To)
		result, err = changeResult(eff.Ref, o, moveErr)
	case conversation.RemoveOrderLines:
		o, removed, changeErr := order.RemoveLines(ctx, tx, eff.Ref, eff.MerchantID, eff.Names)
		result, err = lineResult(eff.Ref, o, changeErr, conversation.OrderProposed{Order: o, Removed: removed})
	case conversation.WeighOrderLine:
		o, line, changeErr := order.Weigh(ctx, tx, eff.Ref, eff.MerchantID, eff.Name, eff.Quantity)
		result, err = lineResult(eff.Ref, o, changeErr, conversation.OrderWeighed{Order: o, Line: line})
	case conversation.CancelOrder:
		o, moveErr := order.Cancel(ctx, tx, eff.Ref, order.CustomerActor(eff.Channel, eff.Address))
		result, err = customerResult(eff.Ref, o, moveErr)
	case conversation.ConfirmOrderChanges:
		o, moveErr := order.ConfirmChanges(ctx, tx, eff.Ref, order.CustomerActor(eff.Channel, eff.Address))
		result, err = customerResult(eff.Ref, o, moveErr)
	default:
		return nil, false, nil
	}
	return result, true, err
}

// lineResult returns done when a change to the lines of an order
// succeeded, and otherwise the result that explains to the merchant why not.
func lineResult(ref string, o order.Order, err error, done conversation.Result) (conversation.Result, error) {
	var lineErr *order.LineError
	switch {
	case err == nil:
		return done, nil
	case errors.As(err, &lineErr):
		return conversation.OrderLineUnknown{Ref: ref, Query: lineErr.Query, Ambiguous: lineErr.Ambiguous}, nil
	case errors.Is(err, order.ErrNoLineLeft):
		return conversation.OrderWouldBeEmpty{Ref: ref}, nil
	}
	return changeResult(ref, o, err)
}

// customerResult is changeResult for the customers' commands.
func customerResult(ref string, o order.Order, err error) (conversation.Result, error) {
	var statusErr *order.StatusError
	switch {
	case err == nil:
		return conversation.CustomerOrderChanged{Order: o}, nil
	case errors.Is(err, order.ErrNotFound):
		return conversation.CustomerOrderNotChanged{Ref: ref}, nil
	case errors.As(err, &statusErr):
		return conversation.CustomerOrderNotChanged{Ref: ref, Order: o, Found: true}, nil
	}
	return nil, err
}
