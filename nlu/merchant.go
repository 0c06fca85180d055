package nlu

import "strings"

// Action is the effect of a merchant's reply on an order.
type Action string

// Merchant reply actions.
const (
	// NoAction: the message has neither an accept or refuse word nor an
	// order reference; it is not an answer to an order (thanks, a question).
	NoAction Action = "none"
	// Accept: accept order Ref.
	Accept Action = "accept"
	// Refuse: refuse order Ref, for Reason.
	Refuse Action = "refuse"
	// Ambiguous: the message replies to an order but is not clear enough
	// to act on. Ambiguity gives the reason.
	Ambiguous Action = "ambiguous"
)

// Ambiguity is the reason that a merchant reply is Ambiguous, which
// decides the question to ask.
type Ambiguity string

// Ambiguities of merchant replies.
const (
	// RefMissing: "ok" or "non" without a reference. Ask which order.
	RefMissing Ambiguity = "ref-missing"
	// ActionMissing: a reference without "ok" or "non". Ask whether to
	// accept or refuse it.
	ActionMissing Ambiguity = "action-missing"
	// SeveralRefs: one action and several references ("ok 42 et 43"). Ask
	// for one order per message.
	SeveralRefs Ambiguity = "several-refs"
	// ConflictingActions: both accept and refuse ("ok 42 non 43"), a
	// negated accept ("pas ok 42") or an accept with a reservation ("ok 42
	// mais sans les fraises"). Ask to accept or refuse the whole order.
	ConflictingActions Ambiguity = "conflicting-actions"
)

// MerchantReply is the result of ParseMerchantReply for one message.
type MerchantReply struct {
	Action Action
	// Ref is the order reference in upper case, for Accept and Refuse.
	Ref string
	// Refs are the references found, in upper case and in message order:
	// Ref alone for Accept and Refuse, the candidates for Ambiguous.
	Refs []string
	// Reason is the refusal reason as typed, with its case and accents:
	// the text after the reference, or before the command when nothing
	// follows it. It is empty when the merchant gave none.
	Reason string
	// Ambiguity is set for Ambiguous.
	Ambiguity Ambiguity
	// Truncated is set when the message was longer than MaxInputBytes.
	Truncated bool
}

// ParseMerchantReply reads a merchant's accept or refusal of an order:
// "ok 42", "OK pour la 42", "42 ok", "ok42", "d'accord K7P" accept;
// "non 42 plus de fraises", "refus 42", "NON K7P rupture" refuse. A
// reference is 2 to 6 ASCII letters or digits with at least one digit, as
// order references always have one. Anything less clear is Ambiguous and
// is never read as an action.
func ParseMerchantReply(text string) MerchantReply {
	text, truncated := truncate(text)
	reply := readReply(text, classify(merchantTokens(text)))
	reply.Truncated = truncated
	return reply
}

func readReply(text string, items []replyItem) MerchantReply {
	first := indexOfAction(items)
	if first < 0 {
		return replyWithoutAction(items)
	}
	cmd, ok := findCommand(items, first)
	if !ok {
		return ambiguousReply(RefMissing, items)
	}
	if cmd.conflict {
		return ambiguousReply(ConflictingActions, items)
	}
	if a := checkRest(items, cmd); a != "" {
		return ambiguousReply(a, items)
	}
	reply := MerchantReply{Action: cmd.action, Ref: items[cmd.ref].ref(), Refs: []string{items[cmd.ref].ref()}}
	if cmd.action == Refuse {
		reply.Reason = refusalReason(text, items, cmd)
	}
	return reply
}

func indexOfAction(items []replyItem) int {
	for i, it := range items {
		if it.class == acceptItem || it.class == refuseItem {
			return i
		}
	}
	return -1
}

// replyWithoutAction returns NoAction, or ActionMissing when the message
// holds a reference.
func replyWithoutAction(items []replyItem) MerchantReply {
	if len(candidateRefs(items, -1)) == 0 {
		return MerchantReply{Action: NoAction}
	}
	return ambiguousReply(ActionMissing, items)
}

func ambiguousReply(a Ambiguity, items []replyItem) MerchantReply {
	return MerchantReply{Action: Ambiguous, Ambiguity: a, Refs: candidateRefs(items, -1)}
}

// candidateRefs returns the distinct references of items in upper case,
// leaving out measures ("17h", "2 kg") and the item at skip.
func candidateRefs(items []replyItem, skip int) []string {
	var refs []string
	for i, it := range items {
		if i == skip || it.class != refItem || isMeasure(items, i) {
			continue
		}
		if r := it.ref(); !contains(refs, r) {
			refs = append(refs, r)
		}
	}
	return refs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// refusalReason returns the text after the command, or before it when
// nothing follows, trimmed, or "" when it is only politeness.
func refusalReason(text string, items []replyItem, cmd command) string {
	after := strings.Trim(text[items[cmd.end-1].end:], reasonTrim)
	if !onlyPolite(items[cmd.end:]) && after != "" {
		return after
	}
	start := 0
	for start < cmd.start && items[start].class == politeItem {
		start++
	}
	if start == cmd.start || onlyPolite(items[start:cmd.start]) {
		return ""
	}
	return strings.Trim(text[items[start].start:items[cmd.start].start], reasonTrim)
}

// reasonTrim is the set of characters trimmed from a reason: spaces and the
// punctuation that separates it from the command ("non 42 : plus de
// fraises").
const reasonTrim = " \t\r\n:,.;!-–—()"

func onlyPolite(items []replyItem) bool {
	for _, it := range items {
		if it.class != politeItem && it.class != fillerItem {
			return false
		}
	}
	return true
}
