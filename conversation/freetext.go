package conversation

import (
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/nlu"
)

// Draft is an order written in words ("2 kg de tomates et du pain"), read
// by the parser and cleared up one question at a time before the customer
// confirms it. Nothing of it reaches the basket before that OUI.
type Draft struct {
	// Lines are understood and wait for the customer's OUI.
	Lines []DraftLine `json:"lines,omitempty"`
	// Pending are lines still to clear up; the first is being asked about.
	Pending []nlu.Line `json:"pending,omitempty"`
}

// DraftLine is a product and a quantity in the product's unit.
type DraftLine struct {
	ProductID int64            `json:"product_id"`
	Quantity  catalog.Quantity `json:"quantity"`
}

// orderParser reads quantities with the catalog's rule: only products sold by
// weight or volume take fractions.
var orderParser = nlu.Options{WholeUnitsOnly: func(p catalog.Product) bool { return !p.Weighed() }}

// readWords reads the message as an order in words. When the message names
// or guesses a product, the draft starts and readWords returns true.
// Otherwise the caller gets the reading back and can try something else.
func (m *machine) readWords() (nlu.Reading, bool) {
	reading := orderParser.ParseOrder(m.event.Text, m.view.Products(m.state.MerchantID))
	if !mentionsProduct(reading) {
		return reading, false
	}
	m.state.Draft = &Draft{Pending: reading.Lines}
	m.review(nil)
	return reading, true
}

// notFound tells which words of an order matched no product.
func notFound(r nlu.Reading) []Text {
	var notes []Text
	for _, l := range r.Lines {
		if l.Text != "" {
			notes = append(notes, T("ProductNotFound", "Text", l.Text))
		}
	}
	return notes
}

// mentionsProduct reports whether any line names or guesses a product.
func mentionsProduct(r nlu.Reading) bool {
	for _, l := range r.Lines {
		if l.Product.ID != 0 || len(l.Candidates) > 0 {
			return true
		}
	}
	return false
}

// review clears up the draft's pending lines in order. Understood lines
// wait for the final OUI, and the first unclear one becomes the question,
// preceded by notes.
func (m *machine) review(notes []Text) {
	d := m.state.Draft
	for len(d.Pending) > 0 {
		l := d.Pending[0]
		switch {
		case l.Status == nlu.Understood:
			d.Lines = append(d.Lines, DraftLine{ProductID: l.Product.ID, Quantity: l.Quantity})
		case l.Product.ID != 0:
			m.askLineQuantity(notes, l)
			return
		case l.Status == nlu.ProductUnsure:
			m.askDidYouMean(notes, l.Text, l.Candidates[0])
			return
		case l.Status == nlu.ProductAmbiguous:
			m.askWhichProduct(notes, l)
			return
		case l.Status == nlu.NumberOutOfRange:
			notes = append(notes, T("NoSuchProduct", "N", l.Number, "Max", len(m.view.Products(m.state.MerchantID))))
		default:
			notes = append(notes, T("ProductNotFound", "Text", l.Text))
		}
		d.Pending = d.Pending[1:]
	}
	m.confirmDraft(notes)
}

// askLineQuantity asks how much of a product the customer meant, saying
// why when the quantity given could not be used.
func (m *machine) askLineQuantity(notes []Text, l nlu.Line) {
	p := l.Product
	if l.Status == nlu.UnitMismatch || l.Status == nlu.NotWhole {
		notes = append(notes, T("SoldBy", "Name", p.Name, "Unit", p.Unit, "Price", UnitPrice{p.PriceCents, p.Unit}))
	}
	m.state.Stage = AskQuantity
	m.state.PendingProduct = p.ID
	m.say(append(notes, T("QuantityHint", "Name", p.Name, "Weighed", p.Weighed(), "Unit", p.Unit))...)
}

func (m *machine) askDidYouMean(notes []Text, words string, p catalog.Product) {
	m.state.Stage = ConfirmProduct
	m.reply(Reply{
		Lines:   append(notes, T("DidYouMean", "Text", words, "Name", p.Name, "Price", UnitPrice{p.PriceCents, p.Unit})),
		Buttons: [][]Button{{{Label: T("YesButton"), Data: "OUI"}, {Label: T("NoButton"), Data: "NON"}}},
	})
}

func (m *machine) askWhichProduct(notes []Text, l nlu.Line) {
	m.state.Stage = ChooseProduct
	m.state.Choices = nil
	lines := append(notes, T("WhichProduct", "Text", l.Text))
	var buttons [][]Button
	for i, p := range l.Candidates {
		m.state.Choices = append(m.state.Choices, p.ID)
		lines = append(lines, T("CandidateLine", "N", i+1, "Name", p.Name, "Price", UnitPrice{p.PriceCents, p.Unit}))
		buttons = append(buttons, []Button{{Label: T("ProductButton", "Name", p.Name, "Price", UnitPrice{p.PriceCents, p.Unit}), Data: itoa(i + 1)}})
	}
	m.reply(Reply{Lines: append(lines, T("AnswerNumber", "Max", len(l.Candidates))), Buttons: buttons})
}

// confirmDraft shows how the message was understood, product, quantity
// and price, and waits for OUI.
func (m *machine) confirmDraft(notes []Text) {
	d := m.state.Draft
	if len(d.Lines) == 0 {
		m.state.Draft = nil
		m.state.Stage = Browse
		m.say(append(notes, T("ProductsHint", "More", false))...)
		return
	}
	m.state.Stage = ConfirmLines
	lines := append(notes, T("Understood"))
	for _, l := range d.Lines {
		if p, ok := m.product(l.ProductID); ok {
			lines = append(lines, T("UnderstoodLine", "Amount", Amount{l.Quantity, p.Unit}, "Name", p.Name,
				"Price", Money(catalog.Amount(p.PriceCents, l.Quantity))))
		}
	}
	m.reply(Reply{
		Lines:   append(lines, T("UnderstoodHint")),
		Buttons: [][]Button{{{Label: T("YesButton"), Data: "OUI"}, {Label: T("NoButton"), Data: "NON"}}},
	})
}
