package conversation

import (
	"strings"
	"unicode"

	"github.com/drivelocal/drivelocal/catalog"
)

// Stages of a merchant's conversation: the list that SUITE continues.
const (
	MerchantProducts Stage = "merchant_products" // LISTE shown
	MerchantOrders   Stage = "merchant_orders"   // COMMANDES shown
)

// merchant handles a message from a merchant's phone, or from a Telegram
// chat linked to a merchant: one command a line, answered in one line.
func (m *machine) merchant() {
	c := parseCommand(m.event.Text)
	if m.event.Data != "" {
		c = parseCommand(m.event.Data)
	}
	handle := merchantHandler(c.verb)
	if handle == nil || acceptVerbs[c.verb] || refuseVerbs[c.verb] {
		if rewritten, ok := m.looseReply(c); ok {
			if len(m.replies) > 0 {
				return // the message could mean two things: a question was asked
			}
			c = rewritten
			handle = merchantHandler(c.verb)
		}
	}
	if handle == nil {
		m.say(T("MerchantHint", "Shop", m.shop().Name))
		return
	}
	if c.verb != "suite" && c.verb != "suivant" {
		m.state.Stage = Start
		m.state.Page = 0
	}
	handle(m, c)
}

// merchantHandler returns the handler of a merchant's folded verb, or nil.
func merchantHandler(verb string) func(*machine, command) {
	switch verb {
	case "ok", "oui", "accepte", "accepter", "valide":
		return (*machine).acceptOrder
	case "non", "refus", "refuse", "refuser":
		return (*machine).refuseOrder
	case "manque", "manquant":
		return (*machine).removeLines
	case "pret", "prete":
		return (*machine).orderReady
	case "retire", "retiree", "recupere", "recuperee":
		return (*machine).orderCollected
	case "livre", "livree":
		return (*machine).orderDelivered
	case "poids", "pese", "pesee":
		return (*machine).weighLine
	case "commandes", "commande":
		return (*machine).listOrders
	case "ajout", "ajouter", "ajoute":
		return (*machine).addProduct
	case "prix":
		return (*machine).setPrice
	case "stock":
		return (*machine).setStock
	case "rupture", "epuise":
		return (*machine).outOfStock
	case "liste", "catalogue", "produits":
		return (*machine).listProducts
	case "suite", "suivant":
		return (*machine).nextMerchantPage
	}
	return shopHandler(verb)
}

// shopHandler returns the handler of a verb about the shop itself, or nil.
func shopHandler(verb string) func(*machine, command) {
	switch verb {
	case "ferme", "fermer", "fermeture":
		return (*machine).closeShop
	case "ouvert", "ouvrir", "ouverture", "reouverture":
		return (*machine).openShopAgain
	case "equipe":
		return (*machine).staff
	case "notifs", "notif", "notifications":
		return (*machine).notifyPhone
	case "resume", "bilan":
		return (*machine).summaryTime
	case "aide", "help", "info", "menu":
		return (*machine).merchantHelp
	case "inscription", "commercant":
		return (*machine).alreadyRegistered
	}
	return nil
}

// shop returns the merchant who sent the message.
func (m *machine) shop() *catalog.Merchant { return m.event.From.Merchant }

// isOwner reports whether the sender is the merchant's own phone, or a
// Telegram chat linked through it, rather than a staff phone.
func (m *machine) isOwner() bool {
	from := m.event.From
	number := from.Phone
	if number == "" && from.Channel != "telegram" {
		number = from.Address
	}
	return number != "" && number == from.Merchant.Phone
}

// merchantHelp handles AIDE, and AIDE COMMANDES, CATALOGUE or BOUTIQUE.
func (m *machine) merchantHelp(c command) {
	topic := ""
	if len(c.folded) > 0 {
		topic = c.folded[0]
	}
	switch {
	case strings.HasPrefix(topic, "command"):
		m.say(T("MerchantHelpOrders"))
	case strings.HasPrefix(topic, "catalog"), strings.HasPrefix(topic, "produit"):
		m.say(T("MerchantHelpCatalog"))
	case strings.HasPrefix(topic, "boutique"), strings.HasPrefix(topic, "commerce"):
		m.say(T("MerchantHelpShop"))
	default:
		m.say(T("MerchantHelp", "Shop", m.shop().Name))
	}
}

// alreadyRegistered handles INSCRIPTION or COMMERCANT from a merchant.
func (m *machine) alreadyRegistered(command) {
	if m.shop().Status == catalog.MerchantPending {
		m.say(T("SignupWaiting", "Shop", m.shop().Name))
		return
	}
	m.say(T("AlreadyRegistered", "Shop", m.shop().Name))
}

func catalogTrim(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
