package conversation

import (
	"strconv"

	"github.com/drivelocal/drivelocal/catalog"
)

// commune handles the reply to "which commune?".
func (m *machine) commune() {
	match := m.view.MatchCommunes(communeQuery(m.folded))
	if match.Guessed && len(match.Communes) > 0 {
		m.guessCommune(match)
		return
	}
	communes := match.Communes
	switch len(communes) {
	case 0:
		m.state.Stage = AskCommune
		m.say(T("CommuneUnknown", "Query", m.event.Text), T("AskCommune"))
	case 1:
		m.listShopsInCommune(communes[0])
	default:
		m.offerCommunes(ChooseCommune, communes)
	}
}

// offerCommunes asks which of several communes the person meant, and
// remembers them behind their numbers.
func (m *machine) offerCommunes(stage Stage, communes []catalog.Commune) {
	m.state.Stage = stage
	m.state.Choices = nil
	lines := []Text{T("CommuneChoice")}
	for i, c := range communes {
		m.state.Choices = append(m.state.Choices, c.ID)
		lines = append(lines, T("CommuneLine", "N", i+1, "Name", c.Name, "PostalCode", c.PostalCode))
	}
	lines = append(lines, T("AnswerNumber", "Max", len(communes)))
	m.say(lines...)
}

func (m *machine) chooseCommune() {
	n, ok := choice(m.folded)
	if !ok || n > len(m.state.Choices) {
		if len(m.view.FindCommunes(communeQuery(m.folded))) > 0 {
			m.commune()
			return
		}
		m.repeatCommunes()
		return
	}
	c, found := m.view.Commune(m.state.Choices[n-1])
	if !found {
		m.state.Stage = AskCommune
		m.say(T("AskCommune"))
		return
	}
	m.listShopsInCommune(c)
}

func (m *machine) listShopsInCommune(c catalog.Commune) {
	m.state.CommuneID = c.ID
	m.state.CommuneName = c.Name
	m.state.Location = nil
	nearby := m.view.MerchantsNearCommune(c.ID)
	var local []catalog.Merchant
	for _, s := range nearby {
		if s.CommuneID == c.ID {
			local = append(local, s)
		}
	}
	if len(local) == 0 {
		m.showShops(nearby, T("ShopsAround", "Commune", c.Name))
		return
	}
	m.showShops(local, T("ShopsIn", "Commune", c.Name))
}

func (m *machine) listShopsNear(p Point) {
	m.state.Location = &p
	m.showShops(m.view.MerchantsNearPoint(p), T("ShopsNear"))
}

// showShops shows the first page of merchants and remembers all of them,
// so that a number always means the same merchant.
func (m *machine) showShops(shops []catalog.Merchant, title Text) {
	if len(shops) > maxShops {
		shops = shops[:maxShops]
	}
	if len(shops) == 0 {
		m.state.Stage = AskCommune
		m.say(T("NoShops"), T("AskCommune"))
		return
	}
	m.state.Stage = ChooseShop
	m.state.Page = 0
	m.state.Choices = make([]int64, len(shops))
	for i, s := range shops {
		m.state.Choices[i] = s.ID
	}
	title.Data = withCount(title.Data, len(shops))
	m.shopPage(shops, title)
}

func (m *machine) shopPage(shops []catalog.Merchant, title Text) {
	from, to := pageBounds(m.state.Page, m.pageSize(), len(shops))
	lines := []Text{title}
	var buttons [][]Button
	for i := from; i < to; i++ {
		s := shops[i]
		lines = append(lines, shopLine(i+1, s))
		buttons = append(buttons, []Button{{Label: T("ShopButton", "N", i+1, "Name", s.Name), Data: "m:" + strconv.FormatInt(s.ID, 10)}})
	}
	lines = append(lines, T("ShopsHint", "Max", len(shops), "More", to < len(shops)))
	if to < len(shops) {
		buttons = append(buttons, []Button{{Label: T("NextButton"), Data: "SUITE"}})
	}
	m.reply(Reply{Lines: lines, Buttons: buttons})
}

func shopLine(n int, s catalog.Merchant) Text {
	t := T("ShopLine", "N", n, "Name", s.Name, "Category", s.Category,
		"Drive", s.Drive, "Delivery", s.Delivery, "Commune", s.CommuneName)
	if s.DistanceKm != nil {
		t.Data["Km"] = strconv.FormatFloat(*s.DistanceKm, 'f', 1, 64)
	}
	return t
}

// chooseShop handles the reply to "which merchant?".
func (m *machine) chooseShop() {
	n, ok := choice(m.folded)
	if ok && n <= len(m.state.Choices) {
		m.openShop(m.state.Choices[n-1])
		return
	}
	if len(m.view.FindCommunes(communeQuery(m.folded))) > 0 {
		m.commune()
		return
	}
	// Anything else repeats the choices, on the page the customer was on,
	// saying first that the number typed is not on the list.
	title := T("ShopsPage", "Page", m.state.Page+1)
	if ok {
		title = T("NoSuchShop", "N", n)
	}
	m.shopPage(m.currentShops(), title)
}

// repeatCommunes shows the numbered communes again.
func (m *machine) repeatCommunes() {
	lines := []Text{T("CommuneChoice")}
	for i, id := range m.state.Choices {
		if c, ok := m.view.Commune(id); ok {
			lines = append(lines, T("CommuneLine", "N", i+1, "Name", c.Name, "PostalCode", c.PostalCode))
		}
	}
	lines = append(lines, T("AnswerNumber", "Max", len(m.state.Choices)))
	m.say(lines...)
}

// currentShops reloads the merchants behind the remembered numbers.
func (m *machine) currentShops() []catalog.Merchant {
	var shops []catalog.Merchant
	for _, id := range m.state.Choices {
		if s, ok := m.view.Merchant(id); ok {
			shops = append(shops, s)
		}
	}
	return shops
}

func (m *machine) nextPage() {
	switch m.state.Stage {
	case ChooseShop:
		m.state.Page++
		shops := m.currentShops()
		if m.state.Page*m.pageSize() >= len(shops) {
			m.state.Page = 0
		}
		m.shopPage(shops, T("ShopsPage", "Page", m.state.Page+1))
	case Browse, AskQuantity:
		m.state.Stage = Browse
		m.state.Page++
		m.productPage()
	default:
		m.say(T("NoNextPage"))
	}
}

func pageBounds(page, size, n int) (int, int) {
	from := page * size
	if from >= n {
		from = 0
	}
	return from, min(from+size, n)
}

func withCount(data map[string]any, n int) map[string]any {
	if data == nil {
		data = map[string]any{}
	}
	data["Count"] = n
	return data
}
