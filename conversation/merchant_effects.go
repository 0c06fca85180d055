package conversation

import (
	"time"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/shop"
)

// Effects of the merchants' commands, of their sign-up and Telegram link,
// and of the customers' commands about their orders.
type (
	// RegisterShop records a completed sign-up as a pending merchant.
	RegisterShop struct{ Registration shop.Registration }

	// AddProduct adds a product to the merchant's catalog.
	AddProduct struct {
		MerchantID int64
		Product    shop.NewProduct
	}
	// SetPrice changes a product's price.
	SetPrice struct {
		MerchantID, ProductID, PriceCents int64
	}
	// SetStock changes a product's stock; 0 puts it out of stock.
	SetStock struct {
		MerchantID, ProductID int64
		Stock                 catalog.Quantity
	}

	// SetClosed stops (Closed) or resumes the merchant's orders, Until
	// being the last closed day or nil.
	SetClosed struct {
		MerchantID int64
		Closed     bool
		Until      *time.Time
	}
	// AddStaff lets a phone act for the merchant.
	AddStaff struct {
		MerchantID int64
		Phone      string
	}
	// SetNotifyPhone sends the merchant's notifications to one of its
	// phones.
	SetNotifyPhone struct {
		MerchantID int64
		Phone      string
	}
	// SetSummaryTime sets the daily summary's time in minutes after
	// midnight, or stops it when Minute is nil.
	SetSummaryTime struct {
		MerchantID int64
		Minute     *int
	}

	// AdvanceOrder moves an accepted order to ready, collected or
	// delivered.
	AdvanceOrder struct {
		Ref        string
		MerchantID int64
		To         order.Status
	}
	// RemoveOrderLines removes the named lines of a pending order, which
	// the customer must then accept again.
	RemoveOrderLines struct {
		Ref        string
		MerchantID int64
		Names      []string
	}
	// WeighOrderLine sets the weighed quantity of a line.
	WeighOrderLine struct {
		Ref        string
		MerchantID int64
		Name       string
		Quantity   catalog.Quantity
	}

	// CancelOrder cancels the customer's order before its acceptance.
	CancelOrder struct{ Ref, Channel, Address string }
	// ConfirmOrderChanges accepts, for the customer, an order that its
	// merchant proposed without some lines.
	ConfirmOrderChanges struct{ Ref, Channel, Address string }

	// SendLinkCode sends a link code to a merchant's phone for a Telegram
	// chat.
	SendLinkCode struct{ ChatID, Phone string }
	// LinkTelegram links the chat to a merchant when Code is its code.
	LinkTelegram struct{ ChatID, Code string }

	// RecordStrangerCommand records that someone who is not a merchant
	// sent a merchant's command, which changed nothing.
	RecordStrangerCommand struct{ Command string }
)

func (RegisterShop) effect()          {}
func (AddProduct) effect()            {}
func (SetPrice) effect()              {}
func (SetStock) effect()              {}
func (SetClosed) effect()             {}
func (AddStaff) effect()              {}
func (SetNotifyPhone) effect()        {}
func (SetSummaryTime) effect()        {}
func (AdvanceOrder) effect()          {}
func (RemoveOrderLines) effect()      {}
func (WeighOrderLine) effect()        {}
func (CancelOrder) effect()           {}
func (ConfirmOrderChanges) effect()   {}
func (SendLinkCode) effect()          {}
func (LinkTelegram) effect()          {}
func (RecordStrangerCommand) effect() {}
