package bot

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/drivelocal/drivelocal/bot/gsm7"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/locales"
)

// longValues are realistic worst cases for every template field: the
// longest names a merchant is likely to register.
var longValues = map[string]any{
	"Shop":       "Fromagerie des Trois Cloches",
	"Name":       "Navettes à la fleur d'oranger",
	"Commune":    "Saint-Rémy-de-Provence",
	"Category":   "fromagerie",
	"Customer":   "Marie-Thérèse, 06 ** ** ** 12",
	"Address":    "12 rue des Pêcheurs, 13260 Cassis",
	"Reason":     "plus de fraises aujourd'hui, désolé",
	"Query":      "Saint-Rémy-de-Provence",
	"Text":       "deux kilos de tomattes bien mures",
	"PostalCode": "13210",
	"Ref":        "K7PX",
	"N":          10, "Max": 30, "Count": 30, "Page": 2, "Pages": 3,
	"Km":     "12.5",
	"Unit":   "douzaine",
	"Status": "accepted",
	"Price":  conversation.UnitPrice{Cents: 12450, Unit: "douzaine"},
	"Amount": conversation.Amount{Quantity: 1500, Unit: "kg"},
	"Total":  conversation.Money(8740),
	"Fee":    conversation.Money(300),
	"Drive":  true, "Delivery": true, "Weighed": true, "InStock": false, "More": true, "Left": true,
	"Command":  "inscription",
	"Shops":    3,
	"Products": 9,

	// Fields of the merchants' messages (locales/merchant.fr.toml).
	"Names":      "Navettes à la fleur d'oranger, Fraises",
	"Phone":      "06 12 34 56 78",
	"Phones":     "06 12 34 56 78, 07 98 76 54 32",
	"Notify":     "06 12 34 56 78",
	"Time":       "19 h 30",
	"Until":      "15/08",
	"Day":        "14/08",
	"Minutes":    10,
	"Code":       "482913",
	"Tries":      4,
	"Orders":     12,
	"Served":     10,
	"Revenue":    conversation.Money(123450),
	"OutOfStock": "Navettes à la fleur d'oranger, Fraises, Tomates",
	"Minimum":    conversation.Money(2000),
	"Communes":   "Roquefort-la-Bédoule",
	"Hours":      "mar-sam 8h-12h30 et 15h-19h, dim 8h-12h!",
	"Proposed":   true,
	"Ambiguous":  true,
}

// moneyPrices are the messages whose Price is an amount, not a unit price.
var moneyPrices = map[string]conversation.Money{"BasketLine": 12450, "AddedLine": 12450, "Added": 12450,
	"MerchantWeighed": 12450, "CustomerWeighed": 12450}

var templateField = regexp.MustCompile(`\{\{[^}]*?\.(\w+)`)

// messages returns the French messages of the conversation by id: the
// customers' (bot.fr.toml) and the merchants' (merchant.fr.toml).
func messages(t *testing.T) map[string]string {
	t.Helper()
	all := map[string]string{}
	for _, path := range []string{"../locales/bot.fr.toml", "../locales/merchant.fr.toml", "../locales/words.fr.toml"} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := toml.Unmarshal(raw, &m); err != nil {
			t.Fatalf("decode %s: %v", path, err)
		}
		for id, text := range m {
			all[id] = text
		}
	}
	return all
}

// worstCase builds the data of a message from its template's fields.
func worstCase(t *testing.T, id, template string) conversation.Text {
	t.Helper()
	text := conversation.Text{ID: id, Data: map[string]any{}}
	for _, m := range templateField.FindAllStringSubmatch(template, -1) {
		v, ok := longValues[m[1]]
		if money, isMoney := moneyPrices[id]; isMoney && m[1] == "Price" {
			v = money
		}
		if !ok {
			t.Fatalf("message %s: no worst-case value for field %s", id, m[1])
		}
		text.Data[m[1]] = v
	}
	return text
}

func renderSMS(t *testing.T, lines ...conversation.Text) string {
	t.Helper()
	r := NewRenderer(locales.MustBundle())
	m, err := r.Render(SMS, conversation.French, "+33600000001", conversation.Reply{Lines: lines})
	if err != nil {
		t.Fatal(err)
	}
	return m.Text
}

// lineIDs are messages that only appear as lines of a list; the list as a
// whole is checked instead.
var lineIDs = map[string]bool{
	"ShopLine": true, "ProductLine": true, "BasketLine": true, "CommuneLine": true, "AddedLine": true,
	"ShopProductLine": true, "OpenOrderLine": true, "UnderstoodLine": true, "CandidateLine": true,
}

func TestSMSMessageFitsOneSegment(t *testing.T) {
	for id, template := range messages(t) {
		if lineIDs[id] || strings.HasSuffix(id, "Button") || terminalOnly(id) {
			continue
		}
		body := renderSMS(t, worstCase(t, id, template))
		if !gsm7.IsGSM7(body) {
			t.Errorf("%s is not GSM-7: %q", id, body)
		}
		if n := gsm7.Segments(body); n > 1 {
			t.Errorf("%s takes %d segments (%d characters): %q", id, n, len([]rune(body)), body)
		}
	}
}

// terminalOnly reports whether a message is printed by the command-line
// tool and never sent: merchant.fr.toml holds the operator's messages too.
func terminalOnly(id string) bool {
	return strings.HasPrefix(id, "CLI") || strings.Contains(id, "Status_")
}

// smsPage is the number of lines of a list page on SMS.
const smsPage = 3

func TestSMSListFitsTwoSegments(t *testing.T) {
	all := messages(t)
	line := func(id string) conversation.Text { return worstCase(t, id, all[id]) }
	repeat := func(id string, n int) []conversation.Text {
		out := make([]conversation.Text, n)
		for i := range out {
			out[i] = line(id)
		}
		return out
	}
	join := func(parts ...[]conversation.Text) []conversation.Text {
		var out []conversation.Text
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	one := func(id string) []conversation.Text { return []conversation.Text{line(id)} }

	lists := map[string][]conversation.Text{
		"shops":             join(one("ShopsIn"), repeat("ShopLine", smsPage), one("ShopsHint")),
		"products":          join(one("ProductsTitle"), repeat("ProductLine", smsPage), one("ProductsHint")),
		"communes":          join(one("CommuneChoice"), repeat("CommuneLine", 5), one("AnswerNumber")),
		"basket":            join(one("BasketTitle"), repeat("BasketLine", 3), one("BasketTotal")),
		"summary":           join(one("SummaryTitle"), repeat("BasketLine", 3), one("SummaryTotal")),
		"new order":         join(one("NewOrder"), repeat("BasketLine", 3), one("NewOrderTotal"), one("NewOrderHint")),
		"added":             join(one("AddedTitle"), repeat("AddedLine", 3), one("AddedTotal")),
		"understood":        join(one("Understood"), repeat("UnderstoodLine", 3), one("UnderstoodHint")),
		"candidates":        join(one("WhichProduct"), repeat("CandidateLine", 4), one("AnswerNumber")),
		"merchant products": join(one("ShopProductsTitle"), repeat("ShopProductLine", smsPage), one("ShopProductsHint")),
		"open orders":       join(one("OpenOrdersTitle"), repeat("OpenOrderLine", smsPage), one("OpenOrdersHint")),
		"sign-up recap": join(one("SignupRecapName"), one("SignupRecapCategory"),
			one("SignupRecapCommune"), one("SignupRecapFulfilment"), one("SignupRecapAreas"),
			one("SignupRecapHours"), one("SignupRecapHint")),
	}
	for name, lines := range lists {
		body := renderSMS(t, lines...)
		if !gsm7.IsGSM7(body) {
			t.Errorf("%s list is not GSM-7: %q", name, body)
		}
		if n := gsm7.Segments(body); n > 2 {
			t.Errorf("%s list takes %d segments (%d characters):\n%s", name, n, len([]rune(body)), body)
		}
	}
}

func TestSMSMoneyIsPlainText(t *testing.T) {
	body := renderSMS(t, conversation.T("BasketTotal", "Total", conversation.Money(1230)))
	if !strings.Contains(body, "12,30 EUR") {
		t.Errorf("body = %q, want the total as 12,30 EUR", body)
	}
	if strings.Contains(body, "€") {
		t.Errorf("body = %q, want no euro sign on SMS", body)
	}
	_ = catalog.One
}
