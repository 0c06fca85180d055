package conversation

import (
	"github.com/drivelocal/drivelocal/catalog"
)

// Lists are paginated. On SMS, three lines a page keep a list of long
// names within two segments (306 GSM-7 characters). Channels with a
// screen show more.
const (
	smsPageSize    = 3
	screenPageSize = 6
	maxShops       = 30
)

// pageOf returns the bounds of the current page of a list of n lines and
// the number of pages, going back to the first page past the end.
func (m *machine) pageOf(n int) (from, to, pages int) {
	size := m.pageSize()
	if m.state.Page*size >= n {
		m.state.Page = 0
	}
	from, to = pageBounds(m.state.Page, size, n)
	return from, to, (n + size - 1) / size
}

// pageSize returns the number of list lines a page shows on the sender's
// channel.
func (m *machine) pageSize() int {
	if m.event.From.Channel == "sms" {
		return smsPageSize
	}
	return screenPageSize
}

// Step runs one event through the state machine.
func Step(s State, e Event, v View) Outcome {
	m := &machine{state: s, event: e, view: v}
	if m.state.Locale == "" {
		m.state.Locale = French
	}
	m.folded = withoutGreeting(catalog.Fold(e.Text))
	if e.Data != "" {
		m.folded = catalog.Fold(e.Data)
	}

	switch {
	case e.Result != nil:
		m.onResult(e.Result)
	case e.From.Merchant != nil:
		m.merchant()
	default:
		m.customer()
		if !e.Now.IsZero() {
			m.state.LastActive = e.Now
		}
	}
	return Outcome{State: m.state, Replies: m.replies, Effects: m.effects}
}

// machine accumulates the outcome of one step.
type machine struct {
	state   State
	event   Event
	view    View
	folded  string
	replies []Reply
	effects []Effect
}

func (m *machine) reply(r Reply) { m.replies = append(m.replies, r) }

func (m *machine) say(lines ...Text) { m.reply(say(lines...)) }

func (m *machine) onResult(r Result) {
	switch r := r.(type) {
	case OrderPlaced:
		m.orderPlaced(r.Order)
	case OrderShort:
		m.orderShort(r.Shortage)
	case OrderChanged:
		m.orderChanged(r.Order)
	case OrderNotChanged:
		m.orderNotChanged(r)
	case ModelRead:
		m.modelRead(r)
	default:
		m.onShopResult(r)
	}
}

// customer handles a customer's message: buttons and keywords first, as
// they work everywhere, then the answer to the pending question.
func (m *machine) customer() {
	if m.beforeCustomer() {
		return // sign-up, Telegram link, or a command about an order
	}
	if m.idle() {
		m.offerResume()
		return
	}
	if m.state.Stage == Resume {
		m.resume() // its answers ("recommencer") are keywords elsewhere
		return
	}
	if m.event.Location != nil {
		m.listShopsNear(*m.event.Location)
		return
	}
	if m.button() {
		return
	}
	if k := keyword(m.folded); k != NoKeyword {
		m.keyword(k)
		return
	}

	switch m.state.Stage {
	case Start:
		m.start()
	case AskCommune:
		m.commune()
	case ChooseCommune:
		m.chooseCommune()
	case ChooseShop:
		m.chooseShop()
	case Browse:
		m.browse()
	case AskQuantity:
		m.askedQuantity()
	case AskFulfilment:
		m.fulfilment()
	case AskAddress:
		m.address()
	case Confirm, Placing:
		m.confirm()
	case ConfirmLines:
		m.confirmLines()
	case ConfirmProduct:
		m.confirmProduct()
	case ChooseProduct:
		m.chooseProduct()
	case ConfirmCommune:
		m.confirmCommune()
	default:
		m.start()
	}
}

func (m *machine) keyword(k Keyword) {
	switch k {
	case KeyMenu:
		m.state.Stage = AskCommune
		m.state.Choices = nil
		m.say(T("AskCommune"))
	case KeyGreeting:
		m.state.Stage = AskCommune
		m.state.Choices = nil
		m.say(T("Welcome"), T("AskCommune"))
	case KeyHelp:
		m.say(T("Help"))
	case KeyBasket:
		m.showBasket()
	case KeyCheckout:
		m.checkout()
	case KeyCancel:
		m.cancelBasket()
	case KeyNext:
		m.nextPage()
	case KeyEnglish, KeyFrench:
		m.state.Locale = English
		if k == KeyFrench {
			m.state.Locale = French
		}
		m.say(T("LocaleChanged"))
	}
}

func (m *machine) start() {
	if m.folded != "" && len(m.view.FindCommunes(communeQuery(m.folded))) > 0 {
		m.commune()
		return
	}
	m.state.Stage = AskCommune
	m.say(T("Welcome"), T("AskCommune"))
}
