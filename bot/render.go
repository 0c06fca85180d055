package bot

import (
	"fmt"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/drivelocal/drivelocal/bot/gsm7"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
)

// Renderer turns a conversation.Reply into a Message for a channel and a
// locale: it localizes every line, formats money and quantities, keeps SMS
// within the GSM-7 alphabet, and keeps buttons only on Telegram.
type Renderer struct {
	localizers map[string]*i18n.Localizer
}

// NewRenderer renders with the messages of bundle.
func NewRenderer(bundle *i18n.Bundle) *Renderer {
	return &Renderer{localizers: map[string]*i18n.Localizer{
		conversation.French:  i18n.NewLocalizer(bundle, conversation.French),
		conversation.English: i18n.NewLocalizer(bundle, conversation.English, conversation.French),
	}}
}

// Render renders r for the channel and locale, to address.
func (r *Renderer) Render(ch Channel, locale, address string, reply conversation.Reply) (Message, error) {
	l, ok := r.localizers[locale]
	if !ok {
		l = r.localizers[conversation.French]
	}
	f := formatter{locale: locale, sms: ch == SMS}

	lines := make([]string, 0, len(reply.Lines))
	for _, t := range reply.Lines {
		s, err := f.localize(l, t)
		if err != nil {
			return Message{}, err
		}
		if s != "" {
			lines = append(lines, s)
		}
	}
	m := Message{Channel: ch, Address: address, Text: strings.Join(lines, "\n")}
	if ch == SMS {
		m.Text = gsm7.Transliterate(m.Text)
	}
	if ch == Telegram {
		buttons, err := f.buttons(l, reply.Buttons)
		if err != nil {
			return Message{}, err
		}
		m.Buttons = buttons
	}
	return m, nil
}

// formatter formats template data for one channel and locale.
type formatter struct {
	locale string
	sms    bool
}

func (f formatter) localize(l *i18n.Localizer, t conversation.Text) (string, error) {
	s, err := l.Localize(&i18n.LocalizeConfig{MessageID: t.ID, TemplateData: f.data(t.Data)})
	if err != nil {
		return "", fmt.Errorf("render message %s: %w", t.ID, err)
	}
	return strings.TrimSpace(s), nil
}

func (f formatter) buttons(l *i18n.Localizer, rows [][]conversation.Button) ([][]Button, error) {
	var out [][]Button
	for _, row := range rows {
		var r []Button
		for _, b := range row {
			label, err := f.localize(l, b.Label)
			if err != nil {
				return nil, err
			}
			r = append(r, Button{Label: label, Data: b.Data})
		}
		out = append(out, r)
	}
	return out, nil
}

func (f formatter) data(in map[string]any) map[string]any {
	if in == nil {
		return nil
	}
	out := make(map[string]any, len(in))
	for k, v := range in {
		switch v := v.(type) {
		case conversation.Money:
			out[k] = f.money(int64(v))
		case conversation.Amount:
			out[k] = f.amount(v)
		case conversation.UnitPrice:
			out[k] = f.unitPrice(v)
		default:
			out[k] = v
		}
	}
	return out
}

// money formats cents as French people write them, "3,50 €"; in English
// "€3.50". SMS write "EUR", which every basic phone shows.
func (f formatter) money(cents int64) string {
	switch {
	case f.locale == conversation.English && f.sms:
		return catalog.FormatCents(cents, ".") + " EUR"
	case f.locale == conversation.English:
		return "€" + catalog.FormatCents(cents, ".")
	case f.sms:
		return catalog.FormatCents(cents, ",") + " EUR"
	default:
		return catalog.FormatCents(cents, ",") + " €"
	}
}

// unitPrice formats a price per unit, "4,20 €/kg"; a price per piece is
// the price alone, which saves SMS characters and says the same.
func (f formatter) unitPrice(p conversation.UnitPrice) string {
	if isPieceUnit(p.Unit) {
		return f.money(p.Cents)
	}
	return f.money(p.Cents) + "/" + p.Unit
}

// amount formats a quantity with its unit: "1,5 kg", "2 bottes", and a
// bare number for units that are pieces.
func (f formatter) amount(a conversation.Amount) string {
	sep := ","
	if f.locale == conversation.English {
		sep = "."
	}
	n := a.Quantity.Decimal(sep)
	switch {
	case isPieceUnit(a.Unit):
		return n
	case catalog.IsWeighedUnit(a.Unit) || a.Quantity <= catalog.One:
		return n + " " + a.Unit
	default:
		return n + " " + plural(a.Unit)
	}
}

func isPieceUnit(unit string) bool {
	switch catalog.Fold(unit) {
	case "piece", "pieces", "unite", "unites", "u", "pce", "pc":
		return true
	}
	return false
}

// plural adds the French plural mark to a unit word: botte, bottes.
func plural(unit string) string {
	if strings.ContainsAny(unit, " ") || strings.HasSuffix(unit, "s") || strings.HasSuffix(unit, "x") || strings.HasSuffix(unit, "z") {
		return unit
	}
	return unit + "s"
}
