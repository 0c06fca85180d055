package nlu

// command is the action word and the reference it applies to.
type command struct {
	action     Action
	ref        int  // item index of the reference
	start, end int  // item span of the command, end exclusive
	conflict   bool // an action of the other kind, or a negation, inside it
}

// findCommand finds the reference of the action at items[first]: after it,
// past fillers ("ok pour la 42"), or else just before it ("42 ok").
func findCommand(items []replyItem, first int) (command, bool) {
	cmd := command{action: items[first].action()}
	if first > 0 && items[first-1].class == negationItem {
		cmd.conflict = true
	}
	for i := first + 1; i < len(items); i++ {
		switch items[i].class {
		case refItem:
			cmd.ref, cmd.start, cmd.end = i, first, i+1
			return cmd, true
		case acceptItem, refuseItem:
			cmd.conflict = cmd.conflict || items[i].action() != cmd.action
		case fillerItem, politeItem:
		default:
			i = len(items)
		}
	}
	for i := first - 1; i >= 0; i-- {
		switch items[i].class {
		case refItem:
			cmd.ref, cmd.start, cmd.end = i, i, first+1
			return cmd, true
		case fillerItem, politeItem:
		default:
			return cmd, false
		}
	}
	return cmd, false
}

// checkRest returns why the items outside the command make the reply
// ambiguous, or "". An accept must come alone: another reference, a
// refusal or a reservation ("mais", "sauf") around it is ambiguous. A
// refusal's reason may contain anything except a leading other reference
// ("refus 42 et 43") or another command ("non 42 ok 43").
func checkRest(items []replyItem, cmd command) Ambiguity {
	own := items[cmd.ref].ref()
	for i, it := range items {
		if i >= cmd.start && i < cmd.end {
			continue
		}
		if cmd.action == Accept && (it.class == refuseItem || it.class == negationItem || it.class == reservationItem) {
			return ConflictingActions
		}
		if it.class == refItem && it.ref() != own && !isMeasure(items, i) && (cmd.action == Accept || i < cmd.start) {
			return SeveralRefs
		}
		if (it.class == acceptItem || it.class == refuseItem) && i >= cmd.end && hasAdjacentRef(items, i, own) {
			if it.action() != cmd.action {
				return ConflictingActions
			}
			return SeveralRefs
		}
	}
	if cmd.action == Refuse && startsWithRef(items[cmd.end:], own) {
		return SeveralRefs
	}
	return ""
}

// hasAdjacentRef reports whether a reference other than own comes right
// after items[i] or right before it, past fillers.
func hasAdjacentRef(items []replyItem, i int, own string) bool {
	for _, step := range []int{1, -1} {
		for j := i + step; j >= 0 && j < len(items); j += step {
			if items[j].class == refItem {
				if items[j].ref() != own && !isMeasure(items, j) {
					return true
				}
				break
			}
			if items[j].class != fillerItem && items[j].class != politeItem {
				break
			}
		}
	}
	return false
}

// startsWithRef reports whether items start with another reference, past
// "et" and fillers: "refus 42 et 43".
func startsWithRef(items []replyItem, own string) bool {
	for i, it := range items {
		switch {
		case it.class == refItem:
			return it.ref() != own && !isMeasure(items, i)
		case it.class == fillerItem || it.text == "et":
		default:
			return false
		}
	}
	return false
}
