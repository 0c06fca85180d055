package conversation

import (
	"github.com/drivelocal/drivelocal/nlu"
	"github.com/drivelocal/drivelocal/order"
)

// acceptVerbs and refuseVerbs start the strict forms "OK K7P" and
// "NON K7P raison", which the order handlers read directly.
var (
	acceptVerbs = map[string]bool{"ok": true, "oui": true, "accepte": true, "accepter": true, "valide": true}
	refuseVerbs = map[string]bool{"non": true, "refus": true, "refuse": true, "refuser": true}
)

// looseReply reads an accept or refusal written loosely ("OK pour la
// K7P", "d'accord K7P", "K7P ok", "okK7P") and rewrites it into the strict
// command. A message that could mean two things gets a question and no
// action. It returns false when the message is not about accepting or
// refusing an order.
func (m *machine) looseReply(c command) (command, bool) {
	strict := (acceptVerbs[c.verb] || refuseVerbs[c.verb]) && hasRef(c)
	if strict && partial(c) {
		return c, true // "OK K7P sans fraises" accepts part of the order
	}
	r := nlu.ParseMerchantReply(m.event.Text)
	if strict && !(r.Action == nlu.Ambiguous && (r.Ambiguity == nlu.SeveralRefs || r.Ambiguity == nlu.ConflictingActions)) {
		return c, true
	}
	switch r.Action {
	case nlu.Accept:
		return parseCommand("OK " + r.Ref), true
	case nlu.Refuse:
		return parseCommand("NON " + r.Ref + " " + r.Reason), true
	case nlu.Ambiguous:
		return c, m.askWhichAction(r)
	}
	return c, false
}

// partial reports whether an accept names lines to leave out.
func partial(c command) bool {
	return acceptVerbs[c.verb] && len(c.folded) > 1 && (c.folded[1] == "sans" || c.folded[1] == "moins")
}

func hasRef(c command) bool {
	_, ok := c.ref(0)
	return ok
}

// askWhichAction asks the merchant to say again what to do, naming the
// only open order when there is one. It returns false for messages that
// do not speak of accepting or refusing at all.
func (m *machine) askWhichAction(r nlu.MerchantReply) bool {
	switch r.Ambiguity {
	case nlu.SeveralRefs:
		m.say(T("MerchantOneOrderPerMessage"))
	case nlu.ConflictingActions:
		m.say(T("MerchantConflictingActions"))
	case nlu.RefMissing:
		if ref, ok := m.onlyPendingOrder(); ok {
			m.say(T("MerchantConfirmRef", "Ref", ref))
		} else {
			m.say(T("MerchantWhichOrder"))
		}
	default:
		return false
	}
	return true
}

// onlyPendingOrder returns the reference of the shop's only order waiting
// for an answer, if there is exactly one.
func (m *machine) onlyPendingOrder() (string, bool) {
	var refs []string
	for _, o := range m.view.OpenOrders(m.shop().ID) {
		if o.Status == order.Pending {
			refs = append(refs, o.Ref)
		}
	}
	if len(refs) != 1 {
		return "", false
	}
	return refs[0], true
}
