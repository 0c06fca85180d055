package conversation

import (
	"regexp"
	"strings"

	"github.com/drivelocal/drivelocal/phone"
)

// LinkCode is the stage of a Telegram chat waiting for the code sent by
// SMS to a merchant's phone.
const LinkCode Stage = "link_code"

// beforeCustomer handles what comes before a customer's conversation: the
// steps of a merchant's sign-up and Telegram link, and the commands about
// an order (ANNULER K7P, OUI K7P) or of a merchant. It reports whether it
// handled the message.
func (m *machine) beforeCustomer() bool {
	if isSignupStage(m.state.Stage) {
		m.signupStep()
		return true
	}
	c := parseCommand(m.event.Text)
	if m.event.Data != "" {
		c = command{}
	}
	if m.state.Stage == LinkCode && m.linkCodeStep(c) {
		return true
	}
	switch c.verb {
	case "inscription":
		m.startSignup()
		return true
	case "commercant":
		m.startLink(c)
		return true
	}
	return m.customerOrderCommand(c) || m.strangerCommand(c)
}

// customerOrderCommand handles "ANNULER K7P" and, for an order whose
// merchant removed lines, "OUI K7P" and "NON K7P". Only the order's
// customer may do that; anyone else is told so and nothing changes.
func (m *machine) customerOrderCommand(c command) bool {
	c = m.withProposedRef(c)
	var cancel bool
	switch c.verb {
	case "annuler", "annule", "cancel", "non", "refuse", "refus", "refuser":
		cancel = true
	case "oui", "ok", "accepte", "accepter", "valide", "confirmer", "confirme":
	default:
		return false
	}
	ref, ok := c.ref(0)
	if !ok {
		return false
	}
	o, exists := m.view.Order(ref)
	switch {
	case !exists && cancel && c.verb != "non":
		m.say(T("CustomerOrderUnknown", "Ref", ref))
	case !exists:
		return false
	case o.Customer.Channel != m.event.From.Channel || o.Customer.Address != m.event.From.Address:
		// A cancel of someone else's order is answered as for an unknown
		// one, which does not tell that the reference exists.
		if cancel && c.verb != "non" {
			m.say(T("CustomerOrderUnknown", "Ref", ref))
		} else {
			m.say(T("NotYourOrder", "Ref", ref))
		}
		m.effects = append(m.effects, RecordStrangerCommand{Command: c.verb})
	case cancel:
		m.effects = append(m.effects, CancelOrder{Ref: ref, Channel: m.event.From.Channel, Address: m.event.From.Address})
	default:
		m.effects = append(m.effects, ConfirmOrderChanges{Ref: ref, Channel: m.event.From.Channel, Address: m.event.From.Address})
	}
	return true
}

// strangerCommand handles a well-formed merchant's command from someone
// who is not a merchant: nothing changes, and the attempt is recorded.
func (m *machine) strangerCommand(c command) bool {
	if !looksLikeMerchantCommand(c) {
		return false
	}
	m.say(T("StrangerCommand"))
	m.effects = append(m.effects, RecordStrangerCommand{Command: c.verb})
	return true
}

// looksLikeMerchantCommand reports whether c has the form of a merchant's
// command, so that a customer's question such as "prix des tomates ?"
// goes on to the customer's conversation.
func looksLikeMerchantCommand(c command) bool {
	n := len(c.words)
	if n == 0 {
		return false
	}
	_, hasRef := c.ref(0)
	_, lastIsAmount := c.amount(n - 1)
	_, lastIsPrice := parsePrice(c.words[n-1])
	switch c.verb {
	case "ajout", "ajouter":
		_, price := parsePrice(c.words[max(n-3, 0)])
		return n >= 4 && price
	case "prix":
		return n >= 2 && lastIsPrice
	case "stock":
		return n >= 2 && lastIsAmount
	case "rupture":
		return !strings.Contains(c.rest(0), "?")
	case "manque", "poids", "pret", "prete", "retire", "livre", "livree":
		return hasRef
	case "equipe", "notifs":
		_, err := phone.Normalize(c.rest(0))
		return err == nil
	case "resume":
		_, ok := parseClock(c.rest(0))
		return ok
	case "ferme":
		return dayText.MatchString(c.rest(0))
	}
	return false
}

// sixDigits matches a link code.
var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

// startLink handles "COMMERCANT 06 12 34 56 78" on Telegram: a code goes
// by SMS to that merchant's phone.
func (m *machine) startLink(c command) {
	if m.event.From.Channel != "telegram" {
		m.say(T("LinkOnTelegramOnly"))
		return
	}
	number, err := phone.Normalize(c.rest(0))
	if err != nil {
		m.say(T("LinkHint"))
		return
	}
	m.effects = append(m.effects, SendLinkCode{ChatID: m.event.From.Address, Phone: number})
}

// linkCodeStep handles while a code is awaited. It reports false for a
// message that leaves the link, such as MENU.
func (m *machine) linkCodeStep(c command) bool {
	code := strings.ReplaceAll(m.event.Text, " ", "")
	switch {
	case sixDigits.MatchString(code):
		m.effects = append(m.effects, LinkTelegram{ChatID: m.event.From.Address, Code: code})
		return true
	case c.verb == "commercant":
		m.startLink(c)
		return true
	case c.verb == "annuler" || keyword(m.folded) != NoKeyword:
		m.state.Stage = Start
		return false
	}
	m.say(T("LinkCodeHint"))
	return true
}

// maskedPhone writes a phone as merchants' customers see it: "06 ** ** **
// 78".
func maskedPhone(e164 string) string { return phone.National(e164) }

// withProposedRef reads a bare "OUI" or "NON" as the answer about the
// customer's only changed order, when no question of the conversation
// itself waits for a yes or no.
func (m *machine) withProposedRef(c command) command {
	if len(c.words) > 0 || !(acceptVerbs[c.verb] || c.verb == "non") {
		return c
	}
	switch m.state.Stage {
	case Confirm, Placing, ConfirmLines, ConfirmProduct, ConfirmCommune, Resume:
		return c
	}
	refs := m.view.ProposedOrders(m.event.From.Channel, m.event.From.Address)
	if len(refs) != 1 {
		return c
	}
	return parseCommand(c.verb + " " + refs[0])
}
