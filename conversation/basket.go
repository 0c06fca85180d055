package conversation

import (
	"github.com/drivelocal/drivelocal/catalog"
)

// add puts q of p in the basket and confirms it with the new total.
func (m *machine) add(p catalog.Product, q catalog.Quantity) {
	notes, problem := m.put(p, q)
	if problem != nil {
		m.say(*problem)
		return
	}
	notes = append(notes, T("Added", "Amount", Amount{q, p.Unit}, "Name", p.Name,
		"Price", Money(catalog.Amount(p.PriceCents, q)), "Total", Money(m.state.Basket.Total())))
	m.reply(Reply{Lines: notes, Buttons: navigationButtons(false, true)})
}

// orderItem is one product and quantity of a message that orders several.
type orderItem struct {
	Product  catalog.Product
	Quantity catalog.Quantity
}

// addMany puts several products in the basket and confirms them in one
// message. It stops at the first that cannot be added, keeps the ones
// before it, and says why.
func (m *machine) addMany(items []orderItem) {
	lines := []Text{T("AddedTitle")}
	for _, it := range items {
		notes, problem := m.put(it.Product, it.Quantity)
		lines = append(lines, notes...)
		if problem != nil {
			lines = append(lines, *problem)
			m.reply(Reply{Lines: lines})
			return
		}
		lines = append(lines, T("AddedLine", "Amount", Amount{it.Quantity, it.Product.Unit}, "Name", it.Product.Name,
			"Price", Money(catalog.Amount(it.Product.PriceCents, it.Quantity))))
	}
	lines = append(lines, T("AddedTotal", "Total", Money(m.state.Basket.Total())))
	m.reply(Reply{Lines: lines, Buttons: navigationButtons(false, true)})
}

// put adds q of p to the basket within the stock left. It returns notes
// for the customer, or the problem that kept it from adding, with the
// conversation set to ask again.
func (m *machine) put(p catalog.Product, q catalog.Quantity) ([]Text, *Text) {
	// The stock is checked before a basket of another merchant is
	// replaced, so that a rejected quantity leaves that basket as it was.
	if _, problem := m.check(p, q); problem != nil {
		return nil, problem
	}
	replacing := m.state.Basket.MerchantID != p.MerchantID && len(m.state.Basket.Lines) > 0
	idx := -1
	if !replacing {
		idx = m.basketLine(p.ID)
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
	return notes, nil
}

// askAgain sets the conversation to ask the quantity of p again and
// returns the question.
func (m *machine) askAgain(p catalog.Product, question Text) *Text {
	m.state.Stage = AskQuantity
	m.state.PendingProduct = p.ID
	return &question
}

// tooMuch tells how much of p is left once the basket is counted.
func (m *machine) tooMuch(p catalog.Product, inBasket catalog.Quantity) *Text {
	left := p.Stock - inBasket
	if left <= 0 {
		m.state.Stage = Browse
		t := T("NoMoreLeft", "Name", p.Name)
		return &t
	}
	return m.askAgain(p, T("OnlyLeft", "Amount", Amount{left, p.Unit}, "Name", p.Name))
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

// check tells whether q of p could go in the basket, without adding it:
// a positive quantity, whole for products sold by the unit, within the
// stock left. It sets the conversation to ask again when not.
func (m *machine) check(p catalog.Product, q catalog.Quantity) (catalog.Quantity, *Text) {
	if q <= 0 {
		return 0, m.askAgain(p, T("QuantityHint", "Name", p.Name, "Weighed", p.Weighed(), "Unit", p.Unit))
	}
	if !p.Weighed() && !q.IsWhole() {
		return 0, m.askAgain(p, T("WholeUnitsOnly", "Name", p.Name, "Unit", p.Unit))
	}
	already := catalog.Quantity(0)
	if m.state.Basket.MerchantID == p.MerchantID {
		if idx := m.basketLine(p.ID); idx >= 0 {
			already = m.state.Basket.Lines[idx].Quantity
		}
	}
	if already+q > p.Stock {
		return 0, m.tooMuch(p, already)
	}
	return q, nil
}
