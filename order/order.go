// Package order owns the order lifecycle: placing an order from a basket
// (taking the stock), and the merchant's accept or refuse, each a
// conditional update of the state the actor saw.
package order

import (
	"errors"
	"fmt"

	"github.com/drivelocal/drivelocal/catalog"
)

// Status is where an order is in its lifecycle.
type Status string

// Statuses. An order starts pending and is accepted or refused by its
// merchant.
const (
	Pending  Status = "pending"
	Accepted Status = "accepted"
	Refused  Status = "refused"
)

// Fulfilment is how the customer gets the order.
type Fulfilment string

// Fulfilments.
const (
	Drive    Fulfilment = "drive" // picked up at the merchant's ("retrait")
	Delivery Fulfilment = "delivery"
)

// Line is one product of an order, with the price it was ordered at.
type Line struct {
	ProductID   int64
	Name        string
	Unit        string
	Quantity    catalog.Quantity
	PriceCents  int64
	AmountCents int64
}

// Customer is the conversation that placed an order, where the order's
// news goes.
type Customer struct {
	ConversationID int64
	Channel        string
	Address        string
	Locale         string
	Name           string // first name or masked phone number, for the merchant
}

// Order is a placed order.
type Order struct {
	ID               int64
	Ref              string
	MerchantID       int64
	MerchantName     string
	MerchantPhone    string
	Customer         Customer
	Fulfilment       Fulfilment
	DeliveryAddress  string
	DeliveryFeeCents int64
	TotalCents       int64
	Status           Status
	RefusalReason    string
	Lines            []Line
}

// ErrNotFound is returned for an order reference that does not exist, or
// that belongs to another merchant than the one acting on it.
var ErrNotFound = errors.New("order not found")

// StatusError is returned when an order is not in the status a transition
// expects; Actual is the status it really has.
type StatusError struct {
	Ref    string
	Actual Status
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("order %s is %s", e.Ref, e.Actual)
}

// Shortage tells that a product of a placement did not have enough stock.
type Shortage struct {
	ProductID int64
	Name      string
	Unit      string
	Left      catalog.Quantity
}
