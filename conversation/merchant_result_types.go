package conversation

import (
	"time"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
)

// Results of the merchants' effects.
type (
	// ShopRegistered reports a sign-up recorded, waiting for approval.
	ShopRegistered struct{ Merchant catalog.Merchant }
	// ShopNotRegistered reports a sign-up from a phone that already acts
	// for a merchant.
	ShopNotRegistered struct{}

	// ProductSaved reports a product added or changed; Before is the
	// product as it was (zero for an added one).
	ProductSaved struct {
		Product catalog.Product
		Before  catalog.Product
		Number  int // its number in the merchant's LISTE
	}
	// ProductExists reports an AJOUT of a product the merchant has.
	ProductExists struct{ Product catalog.Product }

	// ShopSettingSaved reports a setting changed: FERME, OUVERT, EQUIPE,
	// NOTIFS or RESUME, named by the effect that changed it.
	ShopSettingSaved struct{ Effect Effect }
	// PhoneTaken reports an EQUIPE phone that already acts for a merchant.
	PhoneTaken struct{ Phone string }
	// NotShopPhone reports a NOTIFS phone that is not one of the shop's.
	NotShopPhone struct{ Phone string }

	// OrderProposed reports lines removed from an order, which waits for
	// the customer's answer.
	OrderProposed struct {
		Order   order.Order
		Removed []order.Line
	}
	// OrderWeighed reports a line weighed.
	OrderWeighed struct {
		Order order.Order
		Line  order.Line
	}
	// OrderLineUnknown reports a product name that matches no line of the
	// order, or several.
	OrderLineUnknown struct {
		Ref, Query string
		Ambiguous  bool
	}
	// OrderWouldBeEmpty reports an attempt to remove every line.
	OrderWouldBeEmpty struct{ Ref string }

	// CustomerOrderChanged reports an order cancelled, or its changes
	// accepted, by its customer.
	CustomerOrderChanged struct{ Order order.Order }
	// CustomerOrderNotChanged reports a customer's command that did not
	// apply: the order is not the customer's (Found false) or is no longer
	// in a status that allows it.
	CustomerOrderNotChanged struct {
		Ref   string
		Order order.Order
		Found bool
	}

	// ShopClosed reports an order not placed because its merchant is
	// closed, or not approved.
	ShopClosed struct{ Merchant catalog.Merchant }

	// LinkCodeSent reports a link code recorded for the chat: Code goes to
	// Phone by SMS.
	LinkCodeSent struct {
		Phone, Code string
		Shop        string
		Expires     time.Duration
	}
	// LinkPhoneUnknown reports a COMMERCANT phone that no merchant has.
	LinkPhoneUnknown struct{ Phone string }
	// TelegramLinked reports the chat linked to the merchant.
	TelegramLinked struct{ Merchant catalog.Merchant }
	// LinkCodeWrong reports a wrong code, with the attempts left.
	LinkCodeWrong struct{ Left int }
	// LinkCodeExpired reports a code expired, missing or tried too often.
	LinkCodeExpired struct{}

	// Recorded reports an effect that needs no answer.
	Recorded struct{}
)

func (ShopRegistered) result()          {}
func (ShopNotRegistered) result()       {}
func (ProductSaved) result()            {}
func (ProductExists) result()           {}
func (ShopSettingSaved) result()        {}
func (PhoneTaken) result()              {}
func (NotShopPhone) result()            {}
func (OrderProposed) result()           {}
func (OrderWeighed) result()            {}
func (OrderLineUnknown) result()        {}
func (OrderWouldBeEmpty) result()       {}
func (CustomerOrderChanged) result()    {}
func (CustomerOrderNotChanged) result() {}
func (ShopClosed) result()              {}
func (LinkCodeSent) result()            {}
func (LinkPhoneUnknown) result()        {}
func (TelegramLinked) result()          {}
func (LinkCodeWrong) result()           {}
func (LinkCodeExpired) result()         {}
func (Recorded) result()                {}
