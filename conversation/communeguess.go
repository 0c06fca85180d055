package conversation

import "github.com/drivelocal/drivelocal/catalog"

// guessCommune asks to confirm a commune read from a guess: "06000,
// Nice ?" for "6000", or the closest names for a typo.
func (m *machine) guessCommune(match catalog.CommuneMatch) {
	m.state.Choices = nil
	for _, c := range match.Communes {
		m.state.Choices = append(m.state.Choices, c.ID)
	}
	if len(match.Communes) == 1 {
		c := match.Communes[0]
		m.state.Stage = ConfirmCommune
		m.reply(Reply{
			Lines:   []Text{T("CommuneGuess", "Name", c.Name, "PostalCode", c.PostalCode)},
			Buttons: [][]Button{{{Label: T("YesButton"), Data: "OUI"}, {Label: T("NoButton"), Data: "NON"}}},
		})
		return
	}
	m.state.Stage = ChooseCommune
	m.repeatCommunes()
}

// confirmCommune handles the reply to "06000, Nice ?".
func (m *machine) confirmCommune() {
	switch {
	case isYes(m.folded) && len(m.state.Choices) > 0:
		if c, ok := m.view.Commune(m.state.Choices[0]); ok {
			m.listShopsInCommune(c)
			return
		}
		m.state.Stage = AskCommune
		m.say(T("AskCommune"))
	case isNo(m.folded):
		m.state.Stage = AskCommune
		m.say(T("AskCommune"))
	default:
		m.commune()
	}
}
