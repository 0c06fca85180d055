package conversation

import (
	"strings"

	"github.com/drivelocal/drivelocal/shop"
)

// Signup contains a merchant's replies to the sign-up questions, kept in
// the State until OUI.
type Signup struct {
	Name          string   `json:"name,omitempty"`
	Category      string   `json:"category,omitempty"`
	CommuneID     int64    `json:"commune_id,omitempty"`
	CommuneName   string   `json:"commune_name,omitempty"`
	Drive         bool     `json:"drive,omitempty"`
	Delivery      bool     `json:"delivery,omitempty"`
	Areas         []int64  `json:"areas,omitempty"`
	AreaNames     []string `json:"area_names,omitempty"`
	FeeCents      int64    `json:"fee_cents,omitempty"`
	MinOrderCents int64    `json:"min_order_cents,omitempty"`
	FeesSet       bool     `json:"fees_set,omitempty"`
	Hours         string   `json:"hours,omitempty"`
	// Fixing is set while one answer of the recap is corrected, so that
	// the next answer goes back to the recap.
	Fixing bool `json:"fixing,omitempty"`
}

// Stages of a sign-up, one question each, in order.
const (
	SignupName          Stage = "signup_name"
	SignupCategory      Stage = "signup_category"
	SignupCommune       Stage = "signup_commune"
	SignupCommuneChoice Stage = "signup_commune_choice"
	SignupFulfilment    Stage = "signup_fulfilment"
	SignupAreas         Stage = "signup_areas"
	SignupFees          Stage = "signup_fees"
	SignupHours         Stage = "signup_hours"
	SignupConfirm       Stage = "signup_confirm"
)

// maxRecapAreas bounds the delivered communes that the recap names, so
// that it stays within two SMS segments.
const maxRecapAreas = 1

// signupQuestions are the stages that the recap numbers 1 to 6.
var signupQuestions = []Stage{SignupName, SignupCategory, SignupCommune, SignupFulfilment, SignupAreas, SignupHours}

func isSignupStage(s Stage) bool {
	return strings.HasPrefix(string(s), "signup_")
}

// startSignup handles INSCRIPTION from someone who is not a merchant.
func (m *machine) startSignup() {
	if m.event.From.Channel == "telegram" {
		m.say(T("SignupBySMS"))
		return
	}
	m.state.Signup = &Signup{}
	m.state.Stage = SignupName
	m.say(T("SignupStart"))
}

// signupStep handles the reply to the pending sign-up question.
func (m *machine) signupStep() {
	if m.state.Signup == nil {
		m.state.Signup = &Signup{}
	}
	if m.folded == "annuler" || m.folded == "menu" {
		m.state.Stage, m.state.Signup = Start, nil
		m.say(T("SignupCancelled"))
		return
	}
	switch m.state.Stage {
	case SignupName:
		m.signupName()
	case SignupCategory:
		m.signupCategory()
	case SignupCommune:
		m.signupCommune()
	case SignupCommuneChoice:
		m.signupCommuneChoice()
	case SignupFulfilment:
		m.signupFulfilment()
	case SignupAreas:
		m.signupAreas()
	case SignupFees:
		m.signupFees()
	case SignupHours:
		m.signupHours()
	default:
		m.signupConfirm()
	}
}

// askSignup sets the stage and sends its question.
func (m *machine) askSignup(stage Stage) {
	m.state.Stage = stage
	switch stage {
	case SignupName:
		m.say(T("SignupAskName"))
	case SignupCategory:
		m.say(T("SignupAskCategory"))
	case SignupCommune:
		m.say(T("SignupAskCommune"))
	case SignupFulfilment:
		m.say(T("SignupAskFulfilment"))
	case SignupAreas:
		m.say(T("SignupAskAreas"))
	case SignupFees:
		m.say(T("SignupAskFees"))
	default:
		m.say(T("SignupAskHours"))
	}
}

// nextSignup sends the question after stage, or the recap when the reply
// corrected one line of it.
func (m *machine) nextSignup(after Stage) {
	s := m.state.Signup
	switch {
	case after == SignupFulfilment && s.Delivery && len(s.Areas) == 0:
		m.askSignup(SignupAreas)
	case after == SignupAreas && !s.FeesSet:
		m.askSignup(SignupFees)
	case s.Fixing:
		m.signupRecap()
	case after == SignupName:
		m.askSignup(SignupCategory)
	case after == SignupCategory:
		m.askSignup(SignupCommune)
	case after == SignupCommune:
		m.askSignup(SignupFulfilment)
	case after == SignupFulfilment, after == SignupAreas, after == SignupFees:
		m.askSignup(SignupHours)
	default:
		m.signupRecap()
	}
}

// signupRecap shows every answer, numbered, and asks for OUI.
func (m *machine) signupRecap() {
	s := m.state.Signup
	s.Fixing = false
	m.state.Stage = SignupConfirm
	areas := s.AreaNames
	if len(areas) > maxRecapAreas {
		areas = areas[:maxRecapAreas]
	}
	m.say(
		T("SignupRecapName", "Name", s.Name),
		T("SignupRecapCategory", "Category", s.Category),
		T("SignupRecapCommune", "Commune", s.CommuneName),
		T("SignupRecapFulfilment", "Drive", s.Drive, "Delivery", s.Delivery),
		T("SignupRecapAreas", "Delivery", s.Delivery, "Communes", strings.Join(areas, ", "),
			"More", len(s.AreaNames)-len(areas), "Fee", Money(s.FeeCents), "Minimum", Money(s.MinOrderCents)),
		T("SignupRecapHours", "Hours", s.Hours),
		T("SignupRecapHint"),
	)
}

// signupConfirm handles the recap: OUI sends the sign-up, a number
// corrects that answer.
func (m *machine) signupConfirm() {
	s := m.state.Signup
	if isYes(m.folded) {
		m.effects = append(m.effects, RegisterShop{Registration: shop.Registration{
			Phone: m.event.From.Address, Name: s.Name, Category: s.Category, CommuneID: s.CommuneID,
			Drive: s.Drive, Delivery: s.Delivery, FeeCents: s.FeeCents, MinOrderCents: s.MinOrderCents,
			Areas: s.Areas, OpeningHours: s.Hours,
		}})
		return
	}
	n, ok := choice(m.folded)
	if !ok || n > len(signupQuestions) {
		m.say(T("SignupRecapHint"))
		return
	}
	s.Fixing = true
	question := signupQuestions[n-1]
	if question == SignupAreas {
		if !s.Delivery {
			s.Fixing = false
			m.say(T("SignupNoDelivery"))
			return
		}
		s.FeesSet = false // the fees are asked again with the communes
	}
	m.askSignup(question)
}

// signupSent confirms the sign-up recorded.
func (m *machine) signupSent(r ShopRegistered) {
	m.state.Stage, m.state.Signup = Start, nil
	m.say(T("SignupSent", "Shop", r.Merchant.Name))
}
