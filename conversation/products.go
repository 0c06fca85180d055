package conversation

import (
	"strconv"
	"strings"

	"github.com/drivelocal/drivelocal/catalog"
)

// button handles a pressed button whose data names a merchant ("m:12") or
// a product ("p:34"). Other button data is read like typed text.
func (m *machine) button() bool {
	kind, idText, ok := strings.Cut(m.event.Data, ":")
	if !ok {
		return false
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return false
	}
	switch kind {
	case "m":
		m.openShop(id)
	case "p":
		p, found := m.product(id)
		if !found {
			m.say(T("ProductGone"))
			return true
		}
		m.state.MerchantID = p.MerchantID
		m.pickProduct(p)
	default:
		return false
	}
	return true
}

// openShop shows the first page of a merchant's catalog.
func (m *machine) openShop(id int64) {
	if _, ok := m.view.Merchant(id); !ok {
		m.say(T("ShopGone"))
		return
	}
	m.state.MerchantID = id
	m.state.Stage = Browse
	m.state.Page = 0
	m.productPage()
}

func (m *machine) productPage() {
	shop, ok := m.view.Merchant(m.state.MerchantID)
	if !ok {
		m.say(T("ShopGone"))
		return
	}
	products := m.view.Products(shop.ID)
	if len(products) == 0 {
		m.say(T("NoProducts", "Shop", shop.Name))
		return
	}
	m.state.ShownProducts = make([]int64, len(products))
	for i, p := range products {
		m.state.ShownProducts[i] = p.ID
	}
	from, to, pages := m.pageOf(len(products))
	lines := []Text{T("ProductsTitle", "Shop", shop.Name, "Page", m.state.Page+1, "Pages", pages)}
	var buttons [][]Button
	for i := from; i < to; i++ {
		p := products[i]
		lines = append(lines, T("ProductLine", "N", i+1, "Name", p.Name,
			"Price", UnitPrice{p.PriceCents, p.Unit}, "InStock", p.InStock()))
		if p.InStock() {
			buttons = append(buttons, []Button{{Label: T("ProductButton", "Name", p.Name, "Price", UnitPrice{p.PriceCents, p.Unit}),
				Data: "p:" + strconv.FormatInt(p.ID, 10)}})
		}
	}
	lines = append(lines, T("ProductsHint", "More", to < len(products)))
	buttons = append(buttons, navigationButtons(to < len(products), len(m.state.Basket.Lines) > 0)...)
	m.reply(Reply{Lines: lines, Buttons: buttons})
}

func navigationButtons(more, basket bool) [][]Button {
	var row []Button
	if more {
		row = append(row, Button{Label: T("NextButton"), Data: "SUITE"})
	}
	if basket {
		row = append(row, Button{Label: T("BasketButton"), Data: "PANIER"}, Button{Label: T("CheckoutButton"), Data: "VALIDER"})
	}
	if row == nil {
		return nil
	}
	return [][]Button{row}
}

// browse handles the reply to "which product?": "3", "3 x2", or a commune to start over.
func (m *machine) browse() {
	if hasNegative(m.event.Text) {
		m.say(T("QuantityPositive"))
		return
	}
	if lines, ok := severalLines(m.event.Text); ok {
		m.addNumbered(lines)
		return
	}
	if n, q, ok := productAndQuantity(m.folded); ok {
		if p, found := m.productNumber(n); found {
			m.add(p, q)
		}
		return
	}
	if n, ok := choice(m.folded); ok {
		if p, found := m.productNumber(n); found {
			m.pickProduct(p)
		}
		return
	}
	reading, handled := m.readWords()
	if handled {
		return
	}
	if len(m.view.FindCommunes(communeQuery(m.folded))) > 0 {
		m.commune()
		return
	}
	if m.event.ModelAvailable && m.state.MerchantID != 0 && hasLetter(m.folded) {
		m.effects = append(m.effects, AskModel{MerchantID: m.state.MerchantID, Text: m.event.Text})
		return
	}
	m.say(append(notFound(reading), T("ProductsHint", "More", false))...)
}

// addNumbered adds the numbered lines of one message, such as
// "1 x2, 3 x1", once every number is known to exist.
func (m *machine) addNumbered(lines []numberedLine) {
	items := make([]orderItem, 0, len(lines))
	for _, l := range lines {
		p, found := m.productNumber(l.N)
		if !found {
			return
		}
		items = append(items, orderItem{Product: p, Quantity: l.Quantity})
	}
	m.addMany(items)
}

// productNumber returns the merchant's product with the number shown, or
// tells the customer which numbers exist.
func (m *machine) productNumber(n int) (catalog.Product, bool) {
	products := m.view.Products(m.state.MerchantID)
	if len(m.state.ShownProducts) == 0 {
		if n < 1 || n > len(products) {
			m.say(T("NoSuchProduct", "N", n, "Max", len(products)))
			return catalog.Product{}, false
		}
		return products[n-1], true
	}
	if n < 1 || n > len(m.state.ShownProducts) {
		m.say(T("NoSuchProduct", "N", n, "Max", len(m.state.ShownProducts)))
		return catalog.Product{}, false
	}
	p, found := m.product(m.state.ShownProducts[n-1])
	if !found {
		m.say(T("ProductGone"))
	}
	return p, found
}

func (m *machine) product(id int64) (catalog.Product, bool) {
	for _, p := range m.view.Products(m.state.MerchantID) {
		if p.ID == id {
			return p, true
		}
	}
	return catalog.Product{}, false
}

// pickProduct asks how much of a product the customer wants.
func (m *machine) pickProduct(p catalog.Product) {
	if !p.InStock() {
		m.state.Stage = Browse
		m.say(T("OutOfStock", "Name", p.Name))
		return
	}
	m.state.Stage = AskQuantity
	m.state.PendingProduct = p.ID
	m.say(T("AskQuantity", "Name", p.Name, "Unit", p.Unit, "Weighed", p.Weighed(), "Price", UnitPrice{p.PriceCents, p.Unit}))
}

// askedQuantity handles the reply to "how much?".
func (m *machine) askedQuantity() {
	p, found := m.product(m.state.PendingProduct)
	if !found {
		m.state.Stage = Browse
		m.say(T("ProductGone"))
		return
	}
	if hasNegative(m.event.Text) {
		m.say(T("QuantityPositive"))
		return
	}
	q, ok := quantity(m.folded)
	if !ok {
		q, ok = quantityInWords(m.event.Text, p)
	}
	if ok && m.state.Draft != nil {
		m.draftQuantity(p, q)
		return
	}
	if ok {
		m.add(p, q)
		return
	}
	if n, q, ok := productAndQuantity(m.folded); ok {
		if other, found := m.productNumber(n); found {
			m.add(other, q)
		}
		return
	}
	m.say(T("QuantityHint", "Name", p.Name, "Weighed", p.Weighed(), "Unit", p.Unit))
}
