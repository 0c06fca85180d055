package conversation

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Bounds of the sign-up's free answers. A shop name is bounded so that
// the messages that carry it stay within one SMS segment.
const (
	maxShopName   = 30
	maxCategory   = 20
	maxHours      = 40
	minFreeAnswer = 2
)

// freeAnswer returns the trimmed answer when its length is within bounds
// and it has a letter.
func (m *machine) freeAnswer(maxLen int) (string, bool) {
	text := trimmed(m.event.Text)
	n := utf8.RuneCountInString(text)
	return text, n >= minFreeAnswer && n <= maxLen && hasLetter(text)
}

func (m *machine) signupName() {
	name, ok := m.freeAnswer(maxShopName)
	if !ok {
		m.say(T("SignupNameHint", "Max", maxShopName))
		return
	}
	m.state.Signup.Name = name
	m.nextSignup(SignupName)
}

func (m *machine) signupCategory() {
	category, ok := m.freeAnswer(maxCategory)
	if !ok {
		m.say(T("SignupCategoryHint", "Max", maxCategory))
		return
	}
	m.state.Signup.Category = strings.ToLower(category)
	m.nextSignup(SignupCategory)
}

// signupCommune handles "which commune is the shop in?"; a name several
// communes share is asked again as a numbered choice.
func (m *machine) signupCommune() {
	communes := m.view.FindCommunes(communeQuery(m.folded))
	switch len(communes) {
	case 0:
		m.say(T("SignupCommuneUnknown", "Query", trimmed(m.event.Text)))
	case 1:
		m.setSignupCommune(communes[0].ID, communes[0].Name)
	default:
		m.offerCommunes(SignupCommuneChoice, communes)
	}
}

func (m *machine) signupCommuneChoice() {
	n, ok := choice(m.folded)
	if !ok || n > len(m.state.Choices) {
		m.state.Stage = SignupCommune
		m.signupCommune()
		return
	}
	c, found := m.view.Commune(m.state.Choices[n-1])
	if !found {
		m.askSignup(SignupCommune)
		return
	}
	m.setSignupCommune(c.ID, c.Name)
}

func (m *machine) setSignupCommune(id int64, name string) {
	m.state.Choices = nil
	m.state.Signup.CommuneID, m.state.Signup.CommuneName = id, name
	m.nextSignup(SignupCommune)
}

// signupFulfilment handles "drive, delivery or both?".
func (m *machine) signupFulfilment() {
	s := m.state.Signup
	switch m.folded {
	case "1", "retrait", "drive", "click and collect":
		s.Drive, s.Delivery = true, false
	case "2", "livraison":
		s.Drive, s.Delivery = false, true
	case "3", "les deux", "deux", "retrait et livraison", "both":
		s.Drive, s.Delivery = true, true
	default:
		m.say(T("SignupAskFulfilment"))
		return
	}
	if !s.Delivery {
		s.Areas, s.AreaNames, s.FeeCents, s.MinOrderCents, s.FeesSet = nil, nil, 0, 0, false
	}
	m.nextSignup(SignupFulfilment)
}

// areaSeparators split the list of delivered communes.
var areaSeparators = regexp.MustCompile(`\s*(?:[,;/\n]|\set\s)\s*`)

// signupAreas handles "which communes do you deliver?": every name must
// be a known commune, the first match of its name or postal code.
func (m *machine) signupAreas() {
	s := m.state.Signup
	var ids []int64
	var names []string
	for _, part := range areaSeparators.Split(" "+m.event.Text+" ", -1) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		communes := m.view.FindCommunes(part)
		if len(communes) == 0 {
			m.say(T("SignupAreaUnknown", "Query", part))
			return
		}
		ids = append(ids, communes[0].ID)
		names = append(names, communes[0].Name)
	}
	if len(ids) == 0 {
		m.say(T("SignupAskAreas"))
		return
	}
	s.Areas, s.AreaNames = ids, names
	m.nextSignup(SignupAreas)
}

// moneyAmount matches an amount in euros inside a sentence: "3", "3,50".
var moneyAmount = regexp.MustCompile(`\d{1,4}(?:[.,]\d{1,2})?`)

// signupFees handles "delivery fee and minimum order?" with two amounts,
// "3 20" or "3,50 EUR et 20 EUR minimum".
func (m *machine) signupFees() {
	amounts := moneyAmount.FindAllString(m.event.Text, -1)
	if len(amounts) != 2 {
		m.say(T("SignupFeesHint"))
		return
	}
	fee, _ := parsePrice(amounts[0])
	minimum, _ := parsePrice(amounts[1])
	s := m.state.Signup
	s.FeeCents, s.MinOrderCents, s.FeesSet = fee, minimum, true
	m.nextSignup(SignupFees)
}

func (m *machine) signupHours() {
	hours, ok := m.freeAnswer(maxHours)
	if !ok {
		m.say(T("SignupHoursHint", "Max", maxHours))
		return
	}
	m.state.Signup.Hours = hours
	m.nextSignup(SignupHours)
}
