package conversation

import (
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/phone"
)

// minAddressLength rejects answers too short to be a delivery address.
const minAddressLength = 6

// checkout starts the checkout of the basket: drive or delivery first.
func (m *machine) checkout() {
	b := m.state.Basket
	if len(b.Lines) == 0 {
		m.say(T("BasketEmpty"))
		return
	}
	shop, ok := m.view.Merchant(b.MerchantID)
	if !ok {
		m.state.Basket = Basket{}
		m.say(T("ShopGone"))
		return
	}
	if shop.Closed {
		// Said before the summary, so the customer does not go through
		// checkout for nothing; placing the order checks again.
		m.shopClosedForOrders(ShopClosed{Merchant: shop})
		return
	}
	switch {
	case shop.Drive && shop.Delivery:
		m.state.Stage = AskFulfilment
		m.reply(Reply{
			Lines: []Text{T("AskFulfilment", "Shop", shop.Name, "Fee", Money(shop.DeliveryFeeCents))},
			Buttons: [][]Button{{
				{Label: T("DriveButton"), Data: "1"},
				{Label: T("DeliveryButton", "Fee", Money(shop.DeliveryFeeCents)), Data: "2"},
			}},
		})
	case shop.Drive:
		m.state.Fulfilment = string(order.Drive)
		m.summary(shop)
	default:
		m.state.Fulfilment = string(order.Delivery)
		m.askAddress()
	}
}

// fulfilment handles the reply to "drive or delivery?".
func (m *machine) fulfilment() {
	shop, ok := m.view.Merchant(m.state.Basket.MerchantID)
	if !ok {
		m.say(T("ShopGone"))
		return
	}
	switch m.folded {
	case "1", "drive", "retrait", "retirer", "click and collect", "emporter", "a emporter":
		m.state.Fulfilment = string(order.Drive)
		m.summary(shop)
	case "2", "livraison", "livrer", "livre", "delivery", "domicile":
		m.state.Fulfilment = string(order.Delivery)
		m.askAddress()
	default:
		m.say(T("AskFulfilment", "Shop", shop.Name, "Fee", Money(shop.DeliveryFeeCents)))
	}
}

func (m *machine) askAddress() {
	m.state.Stage = AskAddress
	m.say(T("AskAddress"))
}

// address handles the reply to "delivered where?".
func (m *machine) address() {
	text := trimmed(m.event.Text)
	if len([]rune(text)) < minAddressLength || !hasLetter(m.folded) {
		m.say(T("AddressHint"))
		return
	}
	m.state.Address = text
	shop, ok := m.view.Merchant(m.state.Basket.MerchantID)
	if !ok {
		m.say(T("ShopGone"))
		return
	}
	m.summary(shop)
}

// summary shows the order in full and asks for OUI.
func (m *machine) summary(shop catalog.Merchant) {
	m.state.Stage = Confirm
	total := m.state.Basket.Total()
	fee := int64(0)
	if m.state.Fulfilment == string(order.Delivery) {
		fee = shop.DeliveryFeeCents
	}
	lines := []Text{T("SummaryTitle", "Shop", shop.Name)}
	lines = append(lines, basketLines(m.state.Basket.Lines)...)
	lines = append(lines, T("SummaryTotal", "Total", Money(total+fee), "Fee", Money(fee),
		"Delivery", m.state.Fulfilment == string(order.Delivery), "Address", m.state.Address, "Shop", shop.Name))
	m.reply(Reply{Lines: lines, Buttons: [][]Button{{
		{Label: T("YesButton"), Data: "OUI"},
		{Label: T("NoButton"), Data: "NON"},
	}}})
}

// confirm handles the reply to "OUI to order?".
func (m *machine) confirm() {
	switch {
	case isYes(m.folded):
		m.placeOrder()
	case isNo(m.folded):
		m.state.Stage = Browse
		m.say(T("OrderNotSent"))
	default:
		m.say(T("ConfirmHint"))
	}
}

func (m *machine) placeOrder() {
	shop, ok := m.view.Merchant(m.state.Basket.MerchantID)
	if !ok {
		m.say(T("ShopGone"))
		return
	}
	p := order.Placement{
		MerchantID: shop.ID,
		Customer: order.Customer{
			Channel: m.event.From.Channel,
			Address: m.event.From.Address,
			Locale:  m.state.Locale,
			Name:    customerName(m.event.From),
		},
		Fulfilment: order.Fulfilment(m.state.Fulfilment),
	}
	if p.Fulfilment == order.Delivery {
		p.DeliveryAddress = m.state.Address
		p.DeliveryFeeCents = shop.DeliveryFeeCents
	}
	for _, l := range m.state.Basket.Lines {
		p.Lines = append(p.Lines, order.Line{ProductID: l.ProductID, Name: l.Name, Unit: l.Unit,
			Quantity: l.Quantity, PriceCents: l.PriceCents})
	}
	m.state.Stage = Placing
	m.effects = append(m.effects, PlaceOrder{Placement: p})
}

// customerName is how the merchant sees the customer: a first name when
// the channel gives one, and the masked phone number when there is one.
func customerName(s Sender) string {
	if s.Channel == "telegram" {
		if s.FirstName != "" {
			return s.FirstName + " (Telegram)"
		}
		return "Telegram"
	}
	if s.FirstName != "" {
		return s.FirstName + ", " + phone.National(s.Address)
	}
	return phone.National(s.Address)
}

// orderPlaced tells the customer the reference and the merchant the order.
func (m *machine) orderPlaced(o order.Order) {
	m.state.Basket = Basket{}
	m.state.Fulfilment = ""
	m.state.Address = ""
	m.state.Stage = Browse
	m.say(T("OrderSent", "Ref", o.Ref, "Shop", o.MerchantName))

	lines := []Text{T("NewOrder", "Ref", o.Ref, "Customer", o.Customer.Name)}
	for _, l := range o.Lines {
		lines = append(lines, T("BasketLine", "Amount", Amount{l.Quantity, l.Unit}, "Name", l.Name, "Price", Money(l.AmountCents)))
	}
	lines = append(lines, T("NewOrderTotal", "Total", Money(o.TotalCents),
		"Delivery", o.Fulfilment == order.Delivery, "Address", o.DeliveryAddress, "Fee", Money(o.DeliveryFeeCents)))
	lines = append(lines, T("NewOrderHint", "Ref", o.Ref))
	m.reply(Reply{To: merchantRecipient(o), Lines: lines, OrderID: o.ID})
}

// orderShort tells the customer a product ran out meanwhile and trims the
// basket to what is left.
func (m *machine) orderShort(s order.Shortage) {
	m.state.Stage = Browse
	if idx := m.basketLine(s.ProductID); idx >= 0 {
		if s.Left > 0 {
			m.state.Basket.Lines[idx].Quantity = s.Left
		} else {
			m.state.Basket.Lines = append(m.state.Basket.Lines[:idx], m.state.Basket.Lines[idx+1:]...)
		}
	}
	m.say(T("OrderShort", "Name", s.Name, "Amount", Amount{s.Left, s.Unit}, "Left", s.Left > 0,
		"Total", Money(m.state.Basket.Total())))
}

func merchantRecipient(o order.Order) *Recipient {
	return &Recipient{Channel: "sms", Address: o.MerchantPhone, Locale: French}
}

func trimmed(s string) string {
	return catalogTrim(s)
}
