package conversation

import (
	"strings"
	"unicode"

	"github.com/drivelocal/drivelocal/order"
)

// merchant handles a message from a merchant's registered phone.
func (m *machine) merchant() {
	shop := m.event.From.Merchant
	ref, accept, ok := parseOrderCommand(m.folded)
	switch {
	case ok && accept:
		m.effects = append(m.effects, AcceptOrder{Ref: ref, MerchantID: shop.ID})
	case ok:
		m.effects = append(m.effects, RefuseOrder{Ref: ref, MerchantID: shop.ID, Reason: refusalReason(m.event.Text, ref)})
	case keyword(m.folded) == KeyHelp:
		m.say(T("MerchantHelp", "Shop", shop.Name))
	default:
		m.say(T("MerchantHint", "Shop", shop.Name))
	}
}

// orderChanged tells the merchant it is done and the customer the news.
func (m *machine) orderChanged(o order.Order) {
	customer := &Recipient{Channel: o.Customer.Channel, Address: o.Customer.Address, Locale: o.Customer.Locale}
	if o.Status == order.Accepted {
		m.say(T("MerchantAccepted", "Ref", o.Ref))
		m.reply(Reply{To: customer, Lines: []Text{T("CustomerAccepted", "Ref", o.Ref, "Shop", o.MerchantName,
			"Delivery", o.Fulfilment == order.Delivery, "Total", Money(o.TotalCents))}, OrderID: o.ID})
		return
	}
	m.say(T("MerchantRefused", "Ref", o.Ref))
	m.reply(Reply{To: customer, Lines: []Text{T("CustomerRefused", "Ref", o.Ref, "Shop", o.MerchantName,
		"Reason", o.RefusalReason)}, OrderID: o.ID})
}

func (m *machine) orderNotChanged(r OrderNotChanged) {
	if !r.Found {
		m.say(T("MerchantOrderUnknown", "Ref", r.Ref))
		return
	}
	m.say(T("MerchantOrderAlready", "Ref", r.Ref, "Status", string(r.Order.Status)))
}

func catalogTrim(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
