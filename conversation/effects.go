package conversation

import "github.com/drivelocal/drivelocal/order"

// Effect is a change to shared data that the caller applies after a step.
type Effect interface{ effect() }

// PlaceOrder requests that the basket become a pending order.
type PlaceOrder struct {
	Placement order.Placement
}

// AcceptOrder requests the acceptance of the merchant's pending order.
type AcceptOrder struct {
	Ref        string
	MerchantID int64
}

// RefuseOrder requests the refusal of the merchant's pending order.
type RefuseOrder struct {
	Ref        string
	MerchantID int64
	Reason     string
}

// AskModel requests that the language model read an order the parser could not,
// against the merchant's catalog.
type AskModel struct {
	MerchantID int64
	Text       string
}

func (AskModel) effect()    {}
func (PlaceOrder) effect()  {}
func (AcceptOrder) effect() {}
func (RefuseOrder) effect() {}

// Result is the outcome of an Effect, fed back to Step.
type Result interface{ result() }

// OrderPlaced reports a placed order.
type OrderPlaced struct{ Order order.Order }

// OrderShort reports that a product of the basket lacked stock, so no
// order was placed.
type OrderShort struct{ Shortage order.Shortage }

// OrderChanged reports an order accepted or refused by its merchant.
type OrderChanged struct{ Order order.Order }

// OrderNotChanged reports an accept or refuse that did not apply: the
// order does not exist for this merchant (Order is then zero), or it is no
// longer pending.
type OrderNotChanged struct {
	Ref   string
	Order order.Order
	Found bool
}

// ModelRead reports what the language model read; no Lines means it could
// not read the order (timeout, error, refusal or nothing valid).
type ModelRead struct{ Lines []DraftLine }

func (ModelRead) result()       {}
func (OrderPlaced) result()     {}
func (OrderShort) result()      {}
func (OrderChanged) result()    {}
func (OrderNotChanged) result() {}
