package conversation

import (
	"strings"

	"github.com/drivelocal/drivelocal/order"
)

// orderRefOrHint returns the order reference of the command's first word,
// or tells the merchant the expected form and returns false.
func (m *machine) orderRefOrHint(c command, hint Text) (string, bool) {
	ref, ok := c.ref(0)
	if !ok {
		m.say(hint)
		return "", false
	}
	return ref, true
}

// acceptOrder handles "OK K7P", and "OK K7P sans fraises", which removes
// lines instead and asks the customer.
func (m *machine) acceptOrder(c command) {
	ref, ok := m.orderRefOrHint(c, T("AcceptHint"))
	if !ok {
		return
	}
	if len(c.folded) > 1 && (c.folded[1] == "sans" || c.folded[1] == "moins") {
		m.removeNamedLines(ref, c.rest(2))
		return
	}
	m.effects = append(m.effects, AcceptOrder{Ref: ref, MerchantID: m.shop().ID})
}

// refuseOrder handles "NON K7P raison".
func (m *machine) refuseOrder(c command) {
	ref, ok := m.orderRefOrHint(c, T("RefuseHint"))
	if !ok {
		return
	}
	m.effects = append(m.effects, RefuseOrder{Ref: ref, MerchantID: m.shop().ID,
		Reason: refusalReason(m.event.Text, ref)})
}

// removeLines handles "MANQUE K7P fraises".
func (m *machine) removeLines(c command) {
	ref, ok := m.orderRefOrHint(c, T("RemoveLinesHint"))
	if !ok {
		return
	}
	m.removeNamedLines(ref, c.rest(1))
}

// removeNamedLines asks to remove the products listed in names, separated
// by commas or "et".
func (m *machine) removeNamedLines(ref, names string) {
	var list []string
	for _, part := range strings.Split(strings.ReplaceAll(" "+names+" ", " et ", ","), ",") {
		if p := strings.TrimSpace(part); p != "" {
			list = append(list, p)
		}
	}
	if len(list) == 0 {
		m.say(T("RemoveLinesHint"))
		return
	}
	m.effects = append(m.effects, RemoveOrderLines{Ref: ref, MerchantID: m.shop().ID, Names: list})
}

func (m *machine) orderReady(c command)     { m.advance(c, order.Ready) }
func (m *machine) orderCollected(c command) { m.advance(c, order.Collected) }
func (m *machine) orderDelivered(c command) { m.advance(c, order.Delivered) }

// advance handles PRET, RETIRE and LIVRE followed by a reference.
func (m *machine) advance(c command, to order.Status) {
	ref, ok := m.orderRefOrHint(c, T("AdvanceHint", "Status", string(to)))
	if !ok {
		return
	}
	m.effects = append(m.effects, AdvanceOrder{Ref: ref, MerchantID: m.shop().ID, To: to})
}

// weighLine handles "POIDS K7P fromage 0,46".
func (m *machine) weighLine(c command) {
	ref, ok := c.ref(0)
	last := len(c.words) - 1
	if !ok || last < 2 {
		m.say(T("WeighHint"))
		return
	}
	q, ok := c.amount(last)
	if !ok || q <= 0 {
		m.say(T("WeighHint"))
		return
	}
	name := strings.Join(c.words[1:last], " ")
	m.effects = append(m.effects, WeighOrderLine{Ref: ref, MerchantID: m.shop().ID, Name: name, Quantity: q})
}

// listOrders handles COMMANDES with the first page of open orders.
func (m *machine) listOrders(command) {
	m.state.Stage = MerchantOrders
	m.state.Page = 0
	m.orderPage()
}

func (m *machine) orderPage() {
	orders := m.view.OpenOrders(m.shop().ID)
	if len(orders) == 0 {
		m.state.Stage = Start
		m.say(T("NoOpenOrders"))
		return
	}
	from, to, pages := m.pageOf(len(orders))
	lines := []Text{T("OpenOrdersTitle", "Count", len(orders), "Page", m.state.Page+1, "Pages", pages)}
	for _, o := range orders[from:to] {
		lines = append(lines, T("OpenOrderLine", "Ref", o.Ref, "Total", Money(o.TotalCents),
			"Delivery", o.Fulfilment == order.Delivery, "Status", string(o.Status)))
	}
	lines = append(lines, T("OpenOrdersHint", "More", to < len(orders)))
	m.say(lines...)
}

// nextMerchantPage handles SUITE after LISTE or COMMANDES.
func (m *machine) nextMerchantPage(command) {
	switch m.state.Stage {
	case MerchantProducts:
		m.state.Page++
		m.productListPage()
	case MerchantOrders:
		m.state.Page++
		m.orderPage()
	default:
		m.say(T("MerchantNoNextPage"))
	}
}
