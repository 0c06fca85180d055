package conversation

// idle reports whether the customer comes back after ResumeAfter with a
// basket, so that the old basket is offered before anything else.
func (m *machine) idle() bool {
	e := m.event
	if e.ResumeAfter <= 0 || m.state.LastActive.IsZero() || e.Now.IsZero() {
		return false
	}
	return m.state.Stage != Resume && len(m.state.Basket.Lines) > 0 &&
		e.Now.Sub(m.state.LastActive) >= e.ResumeAfter
}

func (m *machine) offerResume() {
	m.state.Stage = Resume
	m.resumeQuestion()
}

func (m *machine) resumeQuestion() {
	shop, _ := m.view.Merchant(m.state.Basket.MerchantID)
	m.reply(Reply{
		Lines: []Text{T("Resume", "Shop", shop.Name, "Total", Money(m.state.Basket.Total()))},
		Buttons: [][]Button{{
			{Label: T("ContinueButton"), Data: "1"},
			{Label: T("RestartButton"), Data: "2"},
		}},
	})
}

// resume handles the reply to "continue the old basket or start again?".
func (m *machine) resume() {
	switch m.folded {
	case "1", "continuer", "continue", "oui", "un":
		m.state.Stage = Browse
		m.state.MerchantID = m.state.Basket.MerchantID
		m.showBasket()
	case "2", "recommencer", "non", "deux", "nouveau":
		m.state.Basket = Basket{}
		m.state.Fulfilment = ""
		m.state.Address = ""
		m.state.Stage = AskCommune
		m.state.Choices = nil
		m.say(T("Welcome"), T("AskCommune"))
	default:
		m.resumeQuestion()
	}
}
