package conversation

import (
	"strings"

	"github.com/drivelocal/drivelocal/order"
)

// onShopResult handles the results of the merchants' effects, and of the
// customers' commands about their orders.
func (m *machine) onShopResult(r Result) {
	switch r := r.(type) {
	case ShopRegistered:
		m.signupSent(r)
	case ShopNotRegistered:
		m.state.Stage, m.state.Signup = Start, nil
		m.say(T("SignupPhoneTaken"))
	case ProductSaved:
		m.productSaved(r)
	case ProductExists:
		m.say(T("ProductExists", "Name", r.Product.Name))
	case ShopSettingSaved:
		m.settingSaved(r.Effect)
	case PhoneTaken:
		m.say(T("PhoneTaken", "Phone", displayPhone(r.Phone)))
	case NotShopPhone:
		m.say(T("NotShopPhone", "Phone", displayPhone(r.Phone)))
	case OrderProposed:
		m.orderProposed(r)
	case OrderWeighed:
		m.orderWeighed(r)
	case OrderLineUnknown:
		m.say(T("OrderLineUnknown", "Ref", r.Ref, "Query", r.Query, "Ambiguous", r.Ambiguous))
	case OrderWouldBeEmpty:
		m.say(T("OrderWouldBeEmpty", "Ref", r.Ref))
	default:
		m.onCustomerOrderResult(r)
	}
}

// onCustomerOrderResult handles the results that reply to a customer: the
// order commands, a closed shop and the Telegram link.
func (m *machine) onCustomerOrderResult(r Result) {
	switch r := r.(type) {
	case CustomerOrderChanged:
		m.customerOrderChanged(r.Order)
	case CustomerOrderNotChanged:
		m.customerOrderNotChanged(r)
	case ShopClosed:
		m.shopClosedForOrders(r)
	default:
		m.onLinkResult(r)
	}
}

// orderChanged confirms a merchant's change of an order and sends the
// news to the customer.
func (m *machine) orderChanged(o order.Order) {
	data := []any{"Ref", o.Ref, "Shop", o.MerchantName, "Delivery", o.Fulfilment == order.Delivery,
		"Total", Money(o.TotalCents), "Reason", o.RefusalReason, "Status", string(o.Status)}
	var merchant, customer Text
	switch o.Status {
	case order.Accepted:
		merchant, customer = T("MerchantAccepted", data...), T("CustomerAccepted", data...)
	case order.Refused:
		merchant, customer = T("MerchantRefused", data...), T("CustomerRefused", data...)
	case order.Ready:
		merchant, customer = T("MerchantReady", data...), T("CustomerReady", data...)
	case order.Collected:
		merchant, customer = T("MerchantFinished", data...), T("CustomerCollected", data...)
	case order.Delivered:
		merchant, customer = T("MerchantFinished", data...), T("CustomerDelivered", data...)
	default:
		m.say(T("MerchantOrderAlready", "Ref", o.Ref, "Status", string(o.Status)))
		return
	}
	m.say(merchant)
	m.tellCustomer(o, customer)
}

func (m *machine) orderNotChanged(r OrderNotChanged) {
	if !r.Found {
		m.say(T("MerchantOrderUnknown", "Ref", r.Ref))
		return
	}
	m.say(T("MerchantOrderAlready", "Ref", r.Ref, "Status", string(r.Order.Status)))
}

// tellCustomer sends lines to the customer of the order, in their channel
// and locale.
func (m *machine) tellCustomer(o order.Order, lines ...Text) {
	to := &Recipient{Channel: o.Customer.Channel, Address: o.Customer.Address, Locale: o.Customer.Locale}
	m.reply(Reply{To: to, Lines: lines, OrderID: o.ID})
}

// tellMerchant sends lines to the phone that receives the merchant's
// notifications.
func (m *machine) tellMerchant(o order.Order, lines ...Text) {
	m.reply(Reply{To: merchantRecipient(o), Lines: lines, OrderID: o.ID})
}

func (m *machine) orderProposed(r OrderProposed) {
	o := r.Order
	names := make([]string, len(r.Removed))
	for i, l := range r.Removed {
		names[i] = l.Name
	}
	removed := strings.Join(names, ", ")
	m.say(T("MerchantProposed", "Ref", o.Ref, "Names", removed, "Total", Money(o.TotalCents)))
	m.tellCustomer(o, T("CustomerProposed", "Ref", o.Ref, "Shop", o.MerchantName, "Names", removed,
		"Total", Money(o.TotalCents)))
}

func (m *machine) orderWeighed(r OrderWeighed) {
	o, l := r.Order, r.Line
	data := []any{"Ref", o.Ref, "Shop", o.MerchantName, "Name", l.Name, "Amount", Amount{l.Quantity, l.Unit},
		"Price", Money(l.AmountCents), "Total", Money(o.TotalCents)}
	m.say(T("MerchantWeighed", data...))
	m.tellCustomer(o, T("CustomerWeighed", data...))
}

// customerOrderChanged confirms a customer's cancel or agreement and
// sends the news to the merchant.
func (m *machine) customerOrderChanged(o order.Order) {
	data := []any{"Ref", o.Ref, "Shop", o.MerchantName, "Total", Money(o.TotalCents)}
	if o.Status == order.Cancelled {
		m.say(T("CustomerCancelled", data...))
		m.tellMerchant(o, T("MerchantCustomerCancelled", data...))
		return
	}
	m.say(T("CustomerConfirmed", data...))
	m.tellMerchant(o, T("MerchantCustomerConfirmed", data...))
}

func (m *machine) customerOrderNotChanged(r CustomerOrderNotChanged) {
	if !r.Found {
		m.say(T("CustomerOrderUnknown", "Ref", r.Ref))
		return
	}
	m.say(T("CustomerOrderAlready", "Ref", r.Ref, "Shop", r.Order.MerchantName, "Status", string(r.Order.Status)))
}

// shopClosedForOrders informs the customer that the order was not sent
// because the merchant is closed, and until when. The basket is kept.
func (m *machine) shopClosedForOrders(r ShopClosed) {
	m.state.Stage = Browse
	until := ""
	if r.Merchant.ClosedUntil != nil {
		until = dayLabel(*r.Merchant.ClosedUntil)
	}
	m.say(T("ShopClosedForOrders", "Shop", r.Merchant.Name, "Until", until))
}
