package conversation

import (
	"github.com/drivelocal/drivelocal/catalog"
)

// add puts q of p in the basket, within the stock left.
func (m *machine) add(p catalog.Product, q catalog.Quantity) {
	if q <= 0 {
		m.state.Stage = AskQuantity
		m.state.PendingProduct = p.ID
		m.say(T("QuantityHint", "Name", p.Name, "Weighed", p.Weighed(), "Unit", p.Unit))
		return
	}
	if !p.Weighed() && !q.IsWhole() {
		m.state.Stage = AskQuantity
		m.state.PendingProduct = p.ID
		m.say(T("WholeUnitsOnly", "Name", p.Name, "Unit", p.Unit))
		return
	}

	// The stock is checked before a basket of another merchant is
	// replaced, so that a rejected quantity leaves that basket as it was.
	replacing := m.state.Basket.MerchantID != p.MerchantID && len(m.state.Basket.Lines) > 0
	idx := -1
	if !replacing {
		idx = m.basketLine(p.ID)
	}
	already := catalog.Quantity(0)
	if idx >= 0 {
		already = m.state.Basket.Lines[idx].Quantity
	}
	if already+q > p.Stock {
		m.tooMuch(p, already)
		return
	}

	var notes []Text
	if replacing {
		if old, ok := m.view.Merchant(m.state.Basket.MerchantID); ok {
			notes = append(notes, T("BasketReplaced", "Shop", old.Name))
		}
		m.state.Basket = Basket{}
	}
	m.state.Basket.MerchantID = p.MerchantID

	if idx >= 0 {
		m.state.Basket.Lines[idx].Quantity += q
		m.state.Basket.Lines[idx].PriceCents = p.PriceCents
	} else {
		m.state.Basket.Lines = append(m.state.Basket.Lines, BasketLine{
			ProductID: p.ID, Name: p.Name, Unit: p.Unit, PriceCents: p.PriceCents, Quantity: q,
		})
	}
	m.state.Stage = Browse
	m.state.PendingProduct = 0
	notes = append(notes, T("Added", "Amount", Amount{q, p.Unit}, "Name", p.Name,
		"Price", Money(catalog.Amount(p.PriceCents, q)), "Total", Money(m.state.Basket.Total())))
	m.reply(Reply{Lines: notes, Buttons: navigationButtons(false, true)})
}

// tooMuch tells how much of p is left once the basket is counted.
func (m *machine) tooMuch(p catalog.Product, inBasket catalog.Quantity) {
	left := p.Stock - inBasket
	if left <= 0 {
		m.state.Stage = Browse
		m.say(T("NoMoreLeft", "Name", p.Name))
		return
	}
	m.state.Stage = AskQuantity
	m.state.PendingProduct = p.ID
	m.say(T("OnlyLeft", "Amount", Amount{left, p.Unit}, "Name", p.Name))
}

func (m *machine) basketLine(productID int64) int {
	for i, l := range m.state.Basket.Lines {
		if l.ProductID == productID {
			return i
		}
	}
	return -1
}

func (m *machine) showBasket() {
	b := m.state.Basket
	if len(b.Lines) == 0 {
		m.say(T("BasketEmpty"))
		return
	}
	shop, _ := m.view.Merchant(b.MerchantID)
	lines := []Text{T("BasketTitle", "Shop", shop.Name)}
	lines = append(lines, basketLines(b.Lines)...)
	lines = append(lines, T("BasketTotal", "Total", Money(b.Total())))
	m.reply(Reply{Lines: lines, Buttons: navigationButtons(false, true)})
}

func basketLines(lines []BasketLine) []Text {
	var out []Text
	for _, l := range lines {
		out = append(out, T("BasketLine", "Amount", Amount{l.Quantity, l.Unit}, "Name", l.Name,
			"Price", Money(catalog.Amount(l.PriceCents, l.Quantity))))
	}
	return out
}

func (m *machine) cancelBasket() {
	m.state.Basket = Basket{}
	m.state.Fulfilment = ""
	m.state.Address = ""
	m.state.PendingProduct = 0
	if m.state.MerchantID != 0 {
		m.state.Stage = Browse
	} else {
		m.state.Stage = AskCommune
	}
	m.say(T("BasketCancelled"))
}
