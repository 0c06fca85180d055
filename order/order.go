// Package order owns the order lifecycle: placing an order from a basket
// (taking the stock), and the merchant's accept or refuse, each a
// conditional update of the state the actor saw.
package order

import (
	"errors"
	"fmt"
	"time"

	"github.com/drivelocal/drivelocal/catalog"
)

// Status is the stage of an order in its lifecycle.
type Status string

// Statuses. An order starts pending. Its merchant accepts it, refuses it,
// or proposes it without some lines (proposed), which the customer then
// accepts or cancels. An accepted order becomes ready, then collected or
// delivered. Before acceptance the customer may cancel it, and the
// scheduler expires it when no reply comes in time.
const (
	Pending   Status = "pending"
	Proposed  Status = "proposed"
	Accepted  Status = "accepted"
	Ready     Status = "ready"
	Collected Status = "collected"
	Delivered Status = "delivered"
	Refused   Status = "refused"
	Cancelled Status = "cancelled"
	Expired   Status = "expired"
)

// Open reports whether the order still waits for someone: it is neither
// finished nor stopped.
func (s Status) Open() bool {
	switch s {
	case Pending, Proposed, Accepted, Ready:
		return true
	}
	return false
}

// Fulfilment is the way the customer gets the order: pickup or delivery.
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
	ID           int64
	Ref          string
	MerchantID   int64
	MerchantName string
	// MerchantPhone is the phone that receives the merchant's
	// notifications: merchants.notify_phone, or else merchants.phone.
	MerchantPhone    string
	Customer         Customer
	Fulfilment       Fulfilment
	DeliveryAddress  string
	DeliveryFeeCents int64
	TotalCents       int64
	Status           Status
	RefusalReason    string
	Lines            []Line
	CreatedAt        time.Time
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

// Shortage is a product of a placement that did not have enough stock.
type Shortage struct {
	ProductID int64
	Name      string
	Unit      string
	Left      catalog.Quantity
}
