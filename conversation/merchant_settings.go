package conversation

import (
	"fmt"
	"strings"
	"time"

	"github.com/drivelocal/drivelocal/phone"
)

// closeShop handles FERME, and "FERME jusqu'au 15/08": no more orders,
// until OUVERT or through that day.
func (m *machine) closeShop(c command) {
	text := c.rest(0)
	if strings.TrimSpace(text) == "" {
		m.effects = append(m.effects, SetClosed{MerchantID: m.shop().ID, Closed: true})
		return
	}
	day, ok := parseDay(text, m.localNow())
	if !ok {
		m.say(T("CloseHint"))
		return
	}
	m.effects = append(m.effects, SetClosed{MerchantID: m.shop().ID, Closed: true, Until: &day})
}

// openShopAgain handles OUVERT.
func (m *machine) openShopAgain(command) {
	m.effects = append(m.effects, SetClosed{MerchantID: m.shop().ID})
}

// staff handles EQUIPE, which lists the phones, and "EQUIPE 06 12 34 56
// 78", which adds one. Only the merchant's own phone adds staff.
func (m *machine) staff(c command) {
	if len(c.words) == 0 {
		s := m.view.ShopSettings(m.shop().ID)
		phones := make([]string, len(s.Staff))
		for i, p := range s.Staff {
			phones[i] = displayPhone(p)
		}
		m.say(T("StaffList", "Shop", m.shop().Name, "Phones", strings.Join(phones, ", "),
			"Notify", displayPhone(s.NotifyPhone)))
		return
	}
	number, ok := m.ownerPhoneArgument(c, T("StaffHint"))
	if !ok {
		return
	}
	m.effects = append(m.effects, AddStaff{MerchantID: m.shop().ID, Phone: number})
}

// notifyPhone handles "NOTIFS 06 12 34 56 78". Only the merchant's own
// phone changes it.
func (m *machine) notifyPhone(c command) {
	if len(c.words) == 0 {
		s := m.view.ShopSettings(m.shop().ID)
		m.say(T("NotifyIs", "Phone", displayPhone(s.NotifyPhone)))
		return
	}
	number, ok := m.ownerPhoneArgument(c, T("NotifyHint"))
	if !ok {
		return
	}
	m.effects = append(m.effects, SetNotifyPhone{MerchantID: m.shop().ID, Phone: number})
}

// ownerPhoneArgument returns the phone number written after the verb, in
// E.164, when the sender is the merchant's own phone.
func (m *machine) ownerPhoneArgument(c command, hint Text) (string, bool) {
	if !m.isOwner() {
		m.say(T("OwnerOnly", "Shop", m.shop().Name))
		return "", false
	}
	number, err := phone.Normalize(c.rest(0))
	if err != nil {
		m.say(hint)
		return "", false
	}
	return number, true
}

// summaryTime handles "RESUME 19h", and "RESUME NON" to stop it.
func (m *machine) summaryTime(c command) {
	text := strings.Join(c.folded, " ")
	switch text {
	case "":
		s := m.view.ShopSettings(m.shop().ID)
		if s.SummaryMinute == nil {
			m.say(T("SummaryOff"))
			return
		}
		m.say(T("SummaryAt", "Time", clockLabel(*s.SummaryMinute)))
		return
	case "non", "stop", "off", "arret", "aucun":
		m.effects = append(m.effects, SetSummaryTime{MerchantID: m.shop().ID})
		return
	}
	minute, ok := parseClock(strings.Join(c.words, " "))
	if !ok {
		m.say(T("SummaryHint"))
		return
	}
	m.effects = append(m.effects, SetSummaryTime{MerchantID: m.shop().ID, Minute: &minute})
}

// clockLabel writes minutes after midnight the French way: "19 h",
// "12 h 30".
func clockLabel(minute int) string {
	if minute%60 == 0 {
		return fmt.Sprintf("%d h", minute/60)
	}
	return fmt.Sprintf("%d h %02d", minute/60, minute%60)
}

// dayLabel writes a day as French people do: "15/08".
func dayLabel(day time.Time) string { return day.Format("02/01") }

// displayPhone writes a French E.164 number in the national form, "06 12
// 34 56 78", for the merchant's own staff; other numbers stay as they are.
func displayPhone(e164 string) string {
	if !strings.HasPrefix(e164, "+33") || len(e164) != 12 {
		return e164
	}
	d := "0" + e164[3:]
	return strings.Join([]string{d[0:2], d[2:4], d[4:6], d[6:8], d[8:10]}, " ")
}
