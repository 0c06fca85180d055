package bot_test

import (
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/gsm7"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
)

// addedReply is the reply to 1,5 kg of apricots at 3,50 € in all: it has
// an amount, two prices and a button.
func addedReply() conversation.Reply {
	return conversation.Reply{
		Lines: []conversation.Text{conversation.T("Added",
			"Amount", conversation.Amount{Quantity: 1500, Unit: "kg"}, "Name", "Abricots",
			"Price", conversation.Money(350), "Total", conversation.Money(1234))},
		Buttons: [][]conversation.Button{{{Label: conversation.T("CheckoutButton"), Data: "VALIDER"}}},
	}
}

func TestRenderMoneyAndQuantities(t *testing.T) {
	cases := []struct {
		channel   bot.Channel
		locale    string
		fragments []string
		absent    []string
	}{
		{bot.Telegram, conversation.French, []string{"1,5 kg", "3,50 €", "12,34 €"}, []string{"EUR", "3.50"}},
		{bot.Console, conversation.French, []string{"1,5 kg", "3,50 €", "12,34 €"}, []string{"EUR", "3.50"}},
		{bot.SMS, conversation.French, []string{"1,5 kg", "3,50 EUR", "12,34 EUR"}, []string{"€", "3.50"}},
		{bot.Telegram, conversation.English, []string{"1.5 kg", "€3.50", "€12.34"}, []string{"EUR", "3,50"}},
		{bot.SMS, conversation.English, []string{"1.5 kg", "3.50 EUR", "12.34 EUR"}, []string{"€", "3,50"}},
	}
	for _, c := range cases {
		t.Run(string(c.channel)+"_"+c.locale, func(t *testing.T) {
			m, err := newRenderer().Render(c.channel, c.locale, "42", addedReply())
			if err != nil {
				t.Fatalf("render: %v", err)
			}
			for _, fragment := range c.fragments {
				if !strings.Contains(m.Text, fragment) {
					t.Errorf("text lacks %q: %q", fragment, m.Text)
				}
			}
			for _, fragment := range c.absent {
				if strings.Contains(m.Text, fragment) {
					t.Errorf("text contains %q: %q", fragment, m.Text)
				}
			}
		})
	}
}

func TestRenderAmounts(t *testing.T) {
	cases := []struct {
		quantity catalog.Quantity
		unit     string
		locale   string
		want     string
	}{
		{1500, "kg", conversation.French, "1,5 kg Abricots"},
		{250, "kg", conversation.French, "0,25 kg Abricots"},
		{2000, "kg", conversation.French, "2 kg Abricots"},
		{1500, "kg", conversation.English, "1.5 kg Abricots"},
		{2000, "botte", conversation.French, "2 bottes Abricots"},
		{1000, "botte", conversation.French, "1 botte Abricots"},
		{3000, "pièce", conversation.French, "3 Abricots"},
		{2000, "douzaine", conversation.French, "2 douzaines Abricots"},
	}
	for _, c := range cases {
		reply := conversation.Reply{Lines: []conversation.Text{conversation.T("BasketLine",
			"Amount", conversation.Amount{Quantity: c.quantity, Unit: c.unit}, "Name", "Abricots",
			"Price", conversation.Money(100))}}
		m, err := newRenderer().Render(bot.Telegram, c.locale, "42", reply)
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if !strings.Contains(m.Text, c.want) {
			t.Errorf("%d milli %s in %s = %q, want it to contain %q", c.quantity, c.unit, c.locale, m.Text, c.want)
		}
	}
}

func TestRenderButtonsOnlyOnTelegram(t *testing.T) {
	cases := []struct {
		channel bot.Channel
		buttons int
	}{
		{bot.Telegram, 1},
		{bot.SMS, 0},
		{bot.Console, 0},
	}
	for _, c := range cases {
		m, err := newRenderer().Render(c.channel, conversation.French, "42", addedReply())
		if err != nil {
			t.Fatalf("render for %s: %v", c.channel, err)
		}
		var got int
		for _, row := range m.Buttons {
			got += len(row)
		}
		if got != c.buttons {
			t.Errorf("%s message has %d buttons, want %d", c.channel, got, c.buttons)
		}
		if m.Channel != c.channel || m.Address != "42" {
			t.Errorf("message for %s is on %s to %q, want %s to 42", c.channel, m.Channel, m.Address, c.channel)
		}
	}

	m, err := newRenderer().Render(bot.Telegram, conversation.French, "42", addedReply())
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	if b := m.Buttons[0][0]; b.Data != "VALIDER" || b.Label == "" || b.Label == "CheckoutButton" {
		t.Errorf("button = %+v, want a localized label with data VALIDER", b)
	}
}

func TestRenderSMSIsGSM7(t *testing.T) {
	// Product names and messages with letters, ligatures and quotes that
	// GSM-7 lacks.
	reply := conversation.Reply{Lines: []conversation.Text{
		conversation.T("CommuneUnknown", "Query", "Saint-Étienne-du-Grès"),
		conversation.T("BasketLine", "Amount", conversation.Amount{Quantity: 1000, Unit: "kg"},
			"Name", "Tomates cœur de bœuf", "Price", conversation.Money(490)),
		conversation.T("BasketLine", "Amount", conversation.Amount{Quantity: 2000, Unit: "douzaine"},
			"Name", "Œufs de plein air", "Price", conversation.Money(840)),
		conversation.T("AskAddress"),
		conversation.T("ConfirmHint"),
	}}

	sms, err := newRenderer().Render(bot.SMS, conversation.French, customerPhone, reply)
	if err != nil {
		t.Fatalf("render sms: %v", err)
	}
	telegram, err := newRenderer().Render(bot.Telegram, conversation.French, "42", reply)
	if err != nil {
		t.Fatalf("render telegram: %v", err)
	}

	if !gsm7.IsGSM7(sms.Text) {
		t.Errorf("SMS text is not GSM-7: %q", sms.Text)
	}
	for _, fragment := range []string{"Tomates coeur de boeuf", "OEufs de plein air", "4,90 EUR"} {
		if !strings.Contains(sms.Text, fragment) {
			t.Errorf("SMS text lacks %q: %q", fragment, sms.Text)
		}
	}
	for _, fragment := range []string{"Tomates cœur de bœuf", "Œufs de plein air", "Saint-Étienne-du-Grès", "4,90 €"} {
		if !strings.Contains(telegram.Text, fragment) {
			t.Errorf("Telegram text lacks %q: %q", fragment, telegram.Text)
		}
	}
	if strings.Count(sms.Text, "\n") != strings.Count(telegram.Text, "\n") {
		t.Errorf("SMS has %d lines and Telegram %d, want the same", strings.Count(sms.Text, "\n")+1,
			strings.Count(telegram.Text, "\n")+1)
	}
}

func TestRenderUnknownLocaleIsFrench(t *testing.T) {
	french, err := newRenderer().Render(bot.Telegram, conversation.French, "42", addedReply())
	if err != nil {
		t.Fatalf("render fr: %v", err)
	}
	unknown, err := newRenderer().Render(bot.Telegram, "de", "42", addedReply())
	if err != nil {
		t.Fatalf("render de: %v", err)
	}
	if unknown.Text != french.Text {
		t.Errorf("locale de = %q, want the French %q", unknown.Text, french.Text)
	}
}

func TestRenderUnknownMessageFails(t *testing.T) {
	reply := conversation.Reply{Lines: []conversation.Text{conversation.T("NoSuchMessage")}}
	if _, err := newRenderer().Render(bot.SMS, conversation.French, customerPhone, reply); err == nil {
		t.Error("render of an unknown message id succeeded, want an error")
	}
}
