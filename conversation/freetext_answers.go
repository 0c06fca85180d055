package conversation

import (
	"strconv"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/nlu"
)

// confirmLines handles the reply to "is this what you meant?" about a
// whole draft.
func (m *machine) confirmLines() {
	d := m.state.Draft
	switch {
	case d == nil:
		m.state.Stage = Browse
		m.browse()
	case isYes(m.folded):
		items := make([]orderItem, 0, len(d.Lines))
		for _, l := range d.Lines {
			if p, ok := m.product(l.ProductID); ok {
				items = append(items, orderItem{Product: p, Quantity: l.Quantity})
			}
		}
		m.state.Draft = nil
		m.addMany(items)
	case isNo(m.folded):
		m.state.Draft = nil
		m.state.Stage = Browse
		m.say(T("NothingAdded"))
	default:
		// Another order replaces the draft, and the reply says so.
		m.state.Draft = nil
		m.state.Stage = Browse
		before := len(m.replies)
		m.browse()
		if len(m.replies) > before {
			r := &m.replies[before]
			r.Lines = append([]Text{T("DraftDropped")}, r.Lines...)
		}
	}
}

// confirmProduct handles the reply to "did you mean X?".
func (m *machine) confirmProduct() {
	d := m.state.Draft
	if d == nil || len(d.Pending) == 0 {
		m.state.Stage = Browse
		m.browse()
		return
	}
	l := d.Pending[0]
	switch {
	case isYes(m.folded) && len(l.Candidates) > 0:
		m.resolve(l.Candidates[0])
	case isNo(m.folded):
		d.Pending = d.Pending[1:]
		m.review([]Text{T("LineDropped", "Text", l.Text)})
	default:
		if n, ok := choice(m.folded); ok {
			if p, found := m.productNumber(n); found {
				m.resolve(p)
			}
			return
		}
		m.state.Draft = nil
		m.state.Stage = Browse
		m.browse()
	}
}

// chooseProduct handles the reply to "which of these products?".
func (m *machine) chooseProduct() {
	d := m.state.Draft
	n, ok := choice(m.folded)
	if d == nil || len(d.Pending) == 0 || !ok || n > len(m.state.Choices) {
		if d != nil && len(d.Pending) > 0 {
			m.askWhichProduct(nil, d.Pending[0])
			return
		}
		m.state.Stage = Browse
		m.browse()
		return
	}
	if p, found := m.product(m.state.Choices[n-1]); found {
		m.resolve(p)
	}
}

// resolve reads the first pending line again with the product the
// customer confirmed or picked, and goes on with the draft.
func (m *machine) resolve(p catalog.Product) {
	d := m.state.Draft
	d.Pending[0] = orderParser.Resolve(d.Pending[0], p)
	m.review(nil)
}

// draftQuantity completes the first pending line with the quantity the
// customer gave, and goes on with the draft.
func (m *machine) draftQuantity(p catalog.Product, q catalog.Quantity) {
	d := m.state.Draft
	if _, problem := m.check(p, q); problem != nil {
		m.say(*problem)
		return
	}
	d.Lines = append(d.Lines, DraftLine{ProductID: p.ID, Quantity: q})
	if len(d.Pending) > 0 {
		d.Pending = d.Pending[1:]
	}
	m.state.PendingProduct = 0
	m.review(nil)
}

// quantityInWords reads "1,5 kg", "500 g" or "une douzaine" as a quantity
// of p, converted to its unit.
func quantityInWords(text string, p catalog.Product) (catalog.Quantity, bool) {
	r := orderParser.ParseOrder(text+" "+p.Name, []catalog.Product{p})
	if len(r.Lines) != 1 || r.Lines[0].Status != nlu.Understood {
		return 0, false
	}
	return r.Lines[0].Quantity, true
}

func itoa(n int) string { return strconv.Itoa(n) }

// modelRead shows what the language model read for confirmation, or falls
// back to the numbered menu.
func (m *machine) modelRead(r ModelRead) {
	if len(r.Lines) == 0 {
		m.state.Stage = Browse
		m.say(T("NotUnderstood"))
		m.productPage()
		return
	}
	m.state.Draft = &Draft{Lines: r.Lines}
	m.confirmDraft(nil)
}
