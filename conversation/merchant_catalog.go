package conversation

import (
	"strings"
	"unicode"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/shop"
)

// Bounds of what AJOUT accepts. Names and units are bounded so that every
// confirmation stays within one SMS segment.
const (
	maxProductName = 30
	maxUnit        = 12
	maxPriceCents  = 99999
)

// addProduct handles "AJOUT tomates 3,50 kg 20": name, price, unit, stock.
func (m *machine) addProduct(c command) {
	n := len(c.words)
	if n < 4 {
		m.say(T("AddProductHint"))
		return
	}
	name := strings.Trim(strings.Join(c.words[:n-3], " "), " ,;:.-")
	price, priceOK := parsePrice(c.words[n-3])
	unit := strings.ToLower(strings.Trim(c.words[n-2], " /,;:."))
	stock, stockOK := c.amount(n - 1)
	switch {
	case !priceOK || !stockOK || !hasLetter(name) || !isUnit(unit):
		m.say(T("AddProductHint"))
	case len([]rune(name)) > maxProductName:
		m.say(T("ProductNameTooLong", "Max", maxProductName))
	case price <= 0 || price > maxPriceCents:
		m.say(T("PriceHint"))
	case !catalog.IsWeighedUnit(unit) && !stock.IsWhole():
		m.say(T("WholeStockOnly", "Unit", unit))
	default:
		m.effects = append(m.effects, AddProduct{MerchantID: m.shop().ID,
			Product: shop.NewProduct{Name: name, PriceCents: price, Unit: unit, Stock: stock}})
	}
}

// isUnit reports whether a word can be a unit: letters only, short.
func isUnit(unit string) bool {
	if unit == "" || len([]rune(unit)) > maxUnit {
		return false
	}
	for _, r := range unit {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// setPrice handles "PRIX tomates 3,20" and "PRIX 3 3,20".
func (m *machine) setPrice(c command) {
	n := len(c.words)
	if n < 2 {
		m.say(T("SetPriceHint"))
		return
	}
	price, ok := parsePrice(c.words[n-1])
	if !ok || price <= 0 || price > maxPriceCents {
		m.say(T("SetPriceHint"))
		return
	}
	if p, found := m.findProduct(c.words[:n-1]); found {
		m.effects = append(m.effects, SetPrice{MerchantID: m.shop().ID, ProductID: p.ID, PriceCents: price})
	}
}

// setStock handles "STOCK tomates 15" and "STOCK 3 12".
func (m *machine) setStock(c command) {
	n := len(c.words)
	if n < 2 {
		m.say(T("SetStockHint"))
		return
	}
	q, ok := c.amount(n - 1)
	if !ok {
		m.say(T("SetStockHint"))
		return
	}
	p, found := m.findProduct(c.words[:n-1])
	if !found {
		return
	}
	if !p.Weighed() && !q.IsWhole() {
		m.say(T("WholeStockOnly", "Unit", p.Unit))
		return
	}
	m.effects = append(m.effects, SetStock{MerchantID: m.shop().ID, ProductID: p.ID, Stock: q})
}

// outOfStock handles "RUPTURE fraises": the stock goes to 0.
func (m *machine) outOfStock(c command) {
	if len(c.words) == 0 {
		m.say(T("OutOfStockHint"))
		return
	}
	if p, found := m.findProduct(c.words); found {
		m.effects = append(m.effects, SetStock{MerchantID: m.shop().ID, ProductID: p.ID})
	}
}

// findProduct returns the merchant's product named by words: its number
// in LISTE, its name, or the start of the words of its name when only one
// product has them. Otherwise it replies why and returns false.
func (m *machine) findProduct(words []string) (catalog.Product, bool) {
	query := strings.Join(words, " ")
	products := m.view.ShopProducts(m.shop().ID)
	if n, ok := choice(catalog.Fold(query)); ok {
		if n > len(products) {
			m.say(T("NoProductNumber", "N", n, "Max", len(products)))
			return catalog.Product{}, false
		}
		return products[n-1], true
	}
	folded := catalog.Fold(query)
	for _, p := range products {
		if catalog.Fold(p.Name) == folded {
			return p, true
		}
	}
	var found []catalog.Product
	for _, p := range products {
		if startsWords(catalog.Fold(p.Name), folded) {
			found = append(found, p)
		}
	}
	switch {
	case folded == "" || len(found) == 0:
		m.say(T("ProductUnknown", "Query", query))
	case len(found) > 1:
		m.say(T("ProductAmbiguous", "Query", query, "Count", len(found)))
	default:
		return found[0], true
	}
	return catalog.Product{}, false
}

// startsWords reports whether every word of query starts a word of name,
// or is that word in the plural ("croissants" for "Croissant au beurre").
func startsWords(name, query string) bool {
	words := strings.Fields(name)
	for _, q := range strings.Fields(query) {
		singular := strings.TrimRight(q, "sx")
		found := false
		for _, w := range words {
			if strings.HasPrefix(w, q) || w == singular {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return query != ""
}

// listProducts handles LISTE with the first page of all the products.
func (m *machine) listProducts(command) {
	m.state.Stage = MerchantProducts
	m.state.Page = 0
	m.productListPage()
}

func (m *machine) productListPage() {
	products := m.view.ShopProducts(m.shop().ID)
	if len(products) == 0 {
		m.state.Stage = Start
		m.say(T("NoShopProducts"))
		return
	}
	from, to, pages := m.pageOf(len(products))
	lines := []Text{T("ShopProductsTitle", "Count", len(products), "Page", m.state.Page+1, "Pages", pages)}
	for i := from; i < to; i++ {
		p := products[i]
		lines = append(lines, T("ShopProductLine", "N", i+1, "Name", p.Name,
			"Price", UnitPrice{p.PriceCents, p.Unit}, "Amount", Amount{p.Stock, p.Unit}, "InStock", p.InStock()))
	}
	lines = append(lines, T("ShopProductsHint", "More", to < len(products)))
	m.say(lines...)
}
