package conversation

import (
	"slices"
	"testing"

	"github.com/drivelocal/drivelocal/order"
)

// Replies that several transcripts expect.
var (
	cassisShopsIDs = concat([]string{"ShopsIn"}, repeat("ShopLine", 2), []string{"ShopsHint"})
	aixShopsIDs    = []string{"ShopsIn", "ShopLine", "ShopsHint"}
	page1IDs       = concat([]string{"ProductsTitle"}, repeat("ProductLine", 3), []string{"ProductsHint"}) // an SMS page
	addedIDs       = []string{"Added"}
)

func summaryIDs(lines int) []string {
	return concat([]string{"SummaryTitle"}, repeat("BasketLine", lines), []string{"SummaryTotal"})
}

// Prefixes bring a conversation to a point, and check only its stages.
func atCommune() []turn {
	return []turn{{in: text("Bonjour"), stage: AskCommune}}
}

func atCassisShops() []turn {
	return append(atCommune(), turn{in: text("cassis"), stage: ChooseShop})
}

// atPrimeur opens the merchant that offers drive and delivery.
func atPrimeur() []turn {
	return append(atCassisShops(), turn{in: text("1"), stage: Browse})
}

// atPrimeurWithRadishes adds 2 bunches of radishes (360 cents).
func atPrimeurWithRadishes() []turn {
	return append(atPrimeur(), turn{in: text("3 x2"), stage: Browse})
}

func then(prefix []turn, turns ...turn) []turn { return append(prefix, turns...) }

type transcript struct {
	name  string
	turns []turn
}

func runTranscripts(t *testing.T, cases []transcript) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runTranscript(t, State{}, c.turns)
		})
	}
}

func TestTranscriptCommune(t *testing.T) {
	cassis := func(q string) transcript {
		return transcript{q, then(atCommune(), turn{in: text(q), stage: ChooseShop, ids: cassisShopsIDs,
			data: map[string]map[string]any{
				"ShopsIn":    {"Commune": "Cassis", "Count": 2},
				"ShopLine#1": {"N": 1, "Name": "Primeur du Port", "Drive": true, "Delivery": true},
				"ShopLine#2": {"N": 2, "Name": "Cave des Calanques", "Drive": false, "Delivery": true},
				"ShopsHint":  {"Max": 2, "More": false},
			}})}
	}
	aix := func(q string) transcript {
		return transcript{q, then(atCommune(), turn{in: text(q), stage: ChooseShop, ids: aixShopsIDs,
			data: map[string]map[string]any{
				"ShopsIn":    {"Commune": "Aix-en-Provence", "Count": 1},
				"ShopLine#1": {"Name": "Boulangerie Cézanne", "Drive": true, "Delivery": false},
			},
			check: func(t *testing.T, out Outcome) {
				if out.State.CommuneID != aixID {
					t.Errorf("CommuneID = %d, want %d", out.State.CommuneID, aixID)
				}
			}})}
	}

	runTranscripts(t, []transcript{
		{"greeting", []turn{{in: text("Bonjour"), stage: AskCommune, ids: []string{"Welcome", "AskCommune"}}}},
		{"commune as first message", []turn{{in: text("Cassis"), stage: ChooseShop, ids: cassisShopsIDs,
			data: map[string]map[string]any{"ShopsIn": {"Commune": "Cassis"}}}}},
		cassis("cassis"),
		cassis("CASSIS "),
		cassis("13260"),
		aix("Aix-en-Provence"),
		aix("aix en provence"),
		aix("  AIX EN PROVENCE"),
		aix("13090"),
		{"unknown commune", then(atCommune(), turn{in: text("Paris"), stage: AskCommune,
			ids:  []string{"CommuneUnknown", "AskCommune"},
			data: map[string]map[string]any{"CommuneUnknown": {"Query": "Paris"}}})},
		{"commune without shops", then(atCommune(), turn{in: text("Pertuis"), stage: AskCommune,
			ids: []string{"NoShops", "AskCommune"}})},
		{"shared postal code", then(atCommune(),
			turn{in: text("13100"), stage: ChooseCommune,
				ids: []string{"CommuneChoice", "CommuneLine", "CommuneLine", "AnswerNumber"},
				data: map[string]map[string]any{
					"CommuneLine#1": {"N": 1, "Name": "Aix-en-Provence", "PostalCode": "13090"},
					"CommuneLine#2": {"N": 2, "Name": "Le Tholonet", "PostalCode": "13100"},
					"AnswerNumber":  {"Max": 2},
				},
				check: func(t *testing.T, out Outcome) {
					if len(out.State.Choices) != 2 {
						t.Errorf("Choices = %v, want 2 communes", out.State.Choices)
					}
				}},
			turn{in: text("2"), stage: ChooseShop,
				ids:  concat([]string{"ShopsAround"}, repeat("ShopLine", 3), []string{"ShopsHint"}),
				data: map[string]map[string]any{"ShopsAround": {"Commune": "Le Tholonet", "Count": 3}}})},
		{"commune choice out of range", then(atCommune(),
			turn{in: text("13100"), stage: ChooseCommune},
			turn{in: text("3"), stage: ChooseCommune,
				ids:  []string{"CommuneChoice", "CommuneLine", "CommuneLine", "AnswerNumber"},
				data: map[string]map[string]any{"AnswerNumber": {"Max": 2}}},
			turn{in: text("Cassis"), stage: ChooseShop, ids: cassisShopsIDs})},
		{"commune choice n°", then(atCommune(),
			turn{in: text("13100"), stage: ChooseCommune},
			turn{in: text("n°1"), stage: ChooseShop,
				data: map[string]map[string]any{"ShopsIn": {"Commune": "Aix-en-Provence"}}})},
		{"shop number out of range", then(atCassisShops(),
			turn{in: text("3"), stage: ChooseShop,
				ids:  []string{"NoSuchShop", "ShopLine", "ShopLine", "ShopsHint"},
				data: map[string]map[string]any{"NoSuchShop": {"N": 3}, "ShopsHint": {"Max": 2}}})},
		{"shop list repeated on other text", then(atCassisShops(),
			turn{in: text("euh"), stage: ChooseShop,
				ids: []string{"ShopsPage", "ShopLine", "ShopLine", "ShopsHint"}})},
		{"commune in a sentence", then(atCommune(),
			turn{in: text("je suis à Cassis merci"), stage: ChooseShop, ids: cassisShopsIDs})},
		{"commune after j'habite", then(atCommune(),
			turn{in: text("J'habite Aix-en-Provence"), stage: ChooseShop})},
		{"other commune from shop list", then(atCassisShops(),
			turn{in: text("Aix-en-Provence"), stage: ChooseShop,
				data: map[string]map[string]any{"ShopsIn": {"Commune": "Aix-en-Provence"}}})},
	})
}

func TestTranscriptChoiceForms(t *testing.T) {
	var cases []transcript
	for _, in := range []string{"1", "1.", "1 ", "n°1", "N° 1", "no 1", "numéro 1", "le 1", "un", "Un"} {
		cases = append(cases, transcript{in, then(atCassisShops(),
			turn{in: text(in), stage: Browse, ids: page1IDs,
				data: map[string]map[string]any{"ProductsTitle": {"Shop": "Primeur du Port"}}})})
	}
	runTranscripts(t, cases)
}

func TestTranscriptBrowse(t *testing.T) {
	runTranscripts(t, []transcript{
		{"pages", then(atCassisShops(),
			turn{in: text("1"), stage: Browse, ids: smsPageIDs(3),
				data: map[string]map[string]any{
					"ProductsTitle": {"Shop": "Primeur du Port", "Page": 1, "Pages": 3},
					"ProductLine#1": {"N": 1, "Name": "Tomates", "Price": UnitPrice{420, "kg"}, "InStock": true},
					"ProductsHint":  {"More": true},
				}},
			turn{in: text("SUITE"), stage: Browse, ids: smsPageIDs(3),
				data: map[string]map[string]any{
					"ProductsTitle": {"Page": 2, "Pages": 3},
					"ProductLine#1": {"N": 4, "Name": "Fraises", "InStock": false},
					"ProductsHint":  {"More": true},
				}},
			turn{in: text("SUITE"), stage: Browse, ids: smsPageIDs(1),
				data: map[string]map[string]any{
					"ProductsTitle": {"Page": 3, "Pages": 3},
					"ProductLine#1": {"N": 7, "Name": "Huile d'olive"},
					"ProductsHint":  {"More": false},
				}},
			turn{in: text("suite"), stage: Browse, ids: smsPageIDs(3),
				data: map[string]map[string]any{"ProductsTitle": {"Page": 1}}})},
		{"pages on a screen", []turn{
			{in: Event{From: telegramCustomer, Data: "m:10"}, stage: Browse, ids: smsPageIDs(6),
				data: map[string]map[string]any{"ProductsTitle": {"Page": 1, "Pages": 2}}},
			{in: Event{From: telegramCustomer, Text: "suite"}, stage: Browse, ids: smsPageIDs(1),
				data: map[string]map[string]any{"ProductLine#1": {"N": 7}}}}},
		{"product then quantity in one message", then(atPrimeur(),
			turn{in: text("3 x2"), stage: Browse, ids: addedIDs,
				data: map[string]map[string]any{"Added": {
					"Amount": Amount{qty(2), "botte"}, "Name": "Radis", "Price": Money(360), "Total": Money(360)}},
				check: basketIs(item{radishesID, qty(2)})})},
		{"product then quantity in two messages", then(atPrimeur(),
			turn{in: text("3"), stage: AskQuantity, ids: []string{"AskQuantity"},
				data: map[string]map[string]any{"AskQuantity": {"Name": "Radis", "Weighed": false}}},
			turn{in: text("2"), stage: Browse, ids: addedIDs,
				data:  map[string]map[string]any{"Added": {"Amount": Amount{qty(2), "botte"}}},
				check: basketIs(item{radishesID, qty(2)})})},
		{"product number 3x2 and 3 2", then(atPrimeur(),
			turn{in: text("3x2"), stage: Browse, ids: addedIDs},
			turn{in: text("3 2"), stage: Browse, ids: addedIDs, check: basketIs(item{radishesID, qty(4)})})},
		{"weighed decimal", then(atPrimeur(),
			turn{in: text("1"), stage: AskQuantity, ids: []string{"AskQuantity"},
				data: map[string]map[string]any{"AskQuantity": {"Weighed": true, "Unit": "kg"}}},
			turn{in: text("1,5"), stage: Browse, ids: addedIDs,
				data: map[string]map[string]any{"Added": {
					"Amount": Amount{1500, "kg"}, "Price": Money(630), "Total": Money(630)}},
				check: basketIs(item{tomatoesID, 1500})})},
		{"weighed decimal in one message", then(atPrimeur(),
			turn{in: text("1 x 0.25"), stage: Browse, ids: addedIDs,
				data:  map[string]map[string]any{"Added": {"Price": Money(105)}},
				check: basketIs(item{tomatoesID, 250})})},
		{"whole units only", then(atPrimeur(),
			turn{in: text("2"), stage: AskQuantity},
			turn{in: text("1,5"), stage: AskQuantity, ids: []string{"WholeUnitsOnly"},
				data:  map[string]map[string]any{"WholeUnitsOnly": {"Name": "Melon", "Unit": "pièce"}},
				check: basketIs()},
			turn{in: text("2"), stage: Browse, ids: addedIDs, check: basketIs(item{melonID, qty(2)})})},
		{"whole units only in one message", then(atPrimeur(),
			turn{in: text("2 x1,5"), stage: AskQuantity, ids: []string{"WholeUnitsOnly"}})},
		{"more than stock", then(atPrimeur(),
			turn{in: text("5 x2"), stage: AskQuantity, ids: []string{"OnlyLeft"},
				data:  map[string]map[string]any{"OnlyLeft": {"Amount": Amount{qty(1), "pièce"}, "Name": "Pastèque"}},
				check: basketIs()},
			turn{in: text("1"), stage: Browse, ids: addedIDs, check: basketIs(item{watermelonID, qty(1)})},
			turn{in: text("5"), stage: AskQuantity, ids: []string{"AskQuantity"}},
			turn{in: text("1"), stage: Browse, ids: []string{"NoMoreLeft"},
				check: basketIs(item{watermelonID, qty(1)})})},
		{"more than stock counts the basket", then(atPrimeur(),
			turn{in: text("3 x15"), stage: Browse, ids: addedIDs},
			turn{in: text("3 x10"), stage: AskQuantity, ids: []string{"OnlyLeft"},
				data:  map[string]map[string]any{"OnlyLeft": {"Amount": Amount{qty(5), "botte"}}},
				check: basketIs(item{radishesID, qty(15)})})},
		{"out of stock", then(atPrimeur(),
			turn{in: text("4"), stage: Browse, ids: []string{"OutOfStock"},
				data: map[string]map[string]any{"OutOfStock": {"Name": "Fraises"}}})},
		{"no such product", then(atPrimeur(),
			turn{in: text("9"), stage: Browse, ids: []string{"NoSuchProduct"},
				data: map[string]map[string]any{"NoSuchProduct": {"N": 9, "Max": 7}}})},
		{"two-digit product number", then(atPrimeur(),
			turn{in: text("12"), stage: Browse, ids: []string{"NoSuchProduct"},
				data:  map[string]map[string]any{"NoSuchProduct": {"N": 12, "Max": 7}},
				check: basketIs()})},
		{"no such product with quantity", then(atPrimeur(),
			turn{in: text("8 x2"), stage: Browse, ids: []string{"NoSuchProduct"},
				data: map[string]map[string]any{"NoSuchProduct": {"N": 8, "Max": 7}}})},
		{"zero quantity", then(atPrimeur(),
			turn{in: text("3 x0"), stage: AskQuantity, ids: []string{"QuantityHint"}, check: basketIs()})},
		{"commune while browsing", then(atPrimeur(),
			turn{in: text("Aix-en-Provence"), stage: ChooseShop, ids: aixShopsIDs,
				data: map[string]map[string]any{"ShopsIn": {"Commune": "Aix-en-Provence"}}})},
		{"postal code while browsing", then(atPrimeur(),
			turn{in: text("13260"), stage: ChooseShop, ids: cassisShopsIDs,
				data: map[string]map[string]any{"ShopsIn": {"Commune": "Cassis"}}})},
		{"basket kept when other shop lacks stock", then(atPrimeurWithRadishes(),
			turn{in: button("m:12"), stage: Browse},
			turn{in: text("1 x30"), stage: AskQuantity, ids: []string{"OnlyLeft"},
				data:  map[string]map[string]any{"OnlyLeft": {"Amount": Amount{qty(24), "bouteille"}}},
				check: basketIs(item{radishesID, qty(2)})},
			turn{in: text("1 x2"), stage: Browse, ids: []string{"BasketReplaced", "Added"},
				data:  map[string]map[string]any{"BasketReplaced": {"Shop": "Primeur du Port"}},
				check: basketIs(item{wineID, qty(2)})})},
	})
}

func TestTranscriptKeywords(t *testing.T) {
	locale := func(want string) func(*testing.T, Outcome) {
		return func(t *testing.T, out Outcome) {
			if out.State.Locale != want {
				t.Errorf("Locale = %q, want %q", out.State.Locale, want)
			}
		}
	}
	runTranscripts(t, []transcript{
		{"basket with total", then(atPrimeurWithRadishes(),
			turn{in: text("1 x1,5"), stage: Browse},
			turn{in: text("PANIER"), stage: Browse,
				ids: []string{"BasketTitle", "BasketLine", "BasketLine", "BasketTotal"},
				data: map[string]map[string]any{
					"BasketTitle":  {"Shop": "Primeur du Port"},
					"BasketLine#2": {"Amount": Amount{1500, "kg"}, "Name": "Tomates", "Price": Money(630)},
					"BasketTotal":  {"Total": Money(990)},
				}})},
		{"basket with spaces and case", then(atPrimeurWithRadishes(),
			turn{in: text("  Panier "), stage: Browse, ids: []string{"BasketTitle", "BasketLine", "BasketTotal"}})},
		{"cancel empties basket", then(atPrimeurWithRadishes(),
			turn{in: text("ANNULER"), stage: Browse, ids: []string{"BasketCancelled"}, check: basketIs()},
			turn{in: text("panier"), stage: Browse, ids: []string{"BasketEmpty"}})},
		{"cancel with accent", then(atPrimeurWithRadishes(),
			turn{in: text("annulér"), stage: Browse, ids: []string{"BasketCancelled"}, check: basketIs()})},
		{"menu", then(atPrimeur(),
			turn{in: text("MENU"), stage: AskCommune, ids: []string{"AskCommune"}},
			turn{in: text("cassis"), stage: ChooseShop, ids: cassisShopsIDs})},
		{"menu with punctuation", then(atPrimeur(),
			turn{in: text("Menu !"), stage: AskCommune, ids: []string{"AskCommune"}})},
		{"greeting starts over", then(atPrimeurWithRadishes(),
			turn{in: text("Bonjour !"), stage: AskCommune, ids: []string{"Welcome", "AskCommune"},
				check: basketIs(item{radishesID, qty(2)})})},
		{"help keeps stage", then(atPrimeur(),
			turn{in: text("AIDE"), stage: Browse, ids: []string{"Help"}})},
		{"locale", then(atPrimeur(),
			turn{in: text("ENGLISH"), stage: Browse, ids: []string{"LocaleChanged"}, check: locale(English)},
			turn{in: text("3 x2"), stage: Browse, ids: addedIDs, check: locale(English)},
			turn{in: text("Français"), stage: Browse, ids: []string{"LocaleChanged"}, check: locale(French)})},
		{"checkout empty basket", then(atPrimeur(),
			turn{in: text("VALIDER"), stage: Browse, ids: []string{"BasketEmpty"}})},
		{"next page outside a list", then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("suite"), stage: AskFulfilment, ids: []string{"NoNextPage"}})},
	})
}

// placedOrder is the order that the caller would place from the delivery
// transcript.
var placedOrder = order.Order{
	ID: 77, Ref: "Q4M", MerchantID: primeurID, MerchantName: "Primeur du Port", MerchantPhone: primeurPhone,
	Customer:   order.Customer{ConversationID: 9, Channel: "sms", Address: customerPhone, Locale: French, Name: "06 ** ** ** 32"},
	Fulfilment: order.Delivery, DeliveryAddress: "12 avenue des Albizzi, Cassis", DeliveryFeeCents: 300,
	TotalCents: 660, Status: order.Pending,
	Lines: []order.Line{{ProductID: radishesID, Name: "Radis", Unit: "botte", Quantity: qty(2), PriceCents: 180, AmountCents: 360}},
}

func TestTranscriptCheckout(t *testing.T) {
	driveSummary := func(in Event) transcript {
		return transcript{describe(in), then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment, ids: []string{"AskFulfilment"},
				data: map[string]map[string]any{"AskFulfilment": {"Shop": "Primeur du Port", "Fee": Money(300)}}},
			turn{in: in, stage: Confirm, ids: summaryIDs(1),
				data: map[string]map[string]any{
					"SummaryTotal": {"Total": Money(360), "Fee": Money(0), "Delivery": false},
				},
				check: func(t *testing.T, out Outcome) {
					if out.State.Fulfilment != string(order.Drive) {
						t.Errorf("Fulfilment = %q, want %q", out.State.Fulfilment, order.Drive)
					}
				}})}
	}
	deliveryAddress := func(in Event) transcript {
		return transcript{describe(in), then(atPrimeurWithRadishes(),
			turn{in: text("valider"), stage: AskFulfilment},
			turn{in: in, stage: AskAddress, ids: []string{"AskAddress"}})}
	}

	placement := order.Placement{
		MerchantID: primeurID,
		Customer:   order.Customer{Channel: "sms", Address: customerPhone, Locale: French, Name: "06 ** ** ** 32"},
		Fulfilment: order.Delivery, DeliveryAddress: "12 avenue des Albizzi, Cassis", DeliveryFeeCents: 300,
		Lines: []order.Line{{ProductID: radishesID, Name: "Radis", Unit: "botte", Quantity: qty(2), PriceCents: 180}},
	}

	runTranscripts(t, []transcript{
		driveSummary(text("retrait")),
		driveSummary(text("Retrait ")),
		driveSummary(text("1")),
		driveSummary(text("drive")),
		driveSummary(button("1")),
		deliveryAddress(text("livraison")),
		deliveryAddress(text("2")),
		deliveryAddress(button("2")),
		{"fulfilment not understood", then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("demain"), stage: AskFulfilment, ids: []string{"AskFulfilment"}})},
		{"delivery placed", then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("livraison"), stage: AskAddress, ids: []string{"AskAddress"}},
			turn{in: text("rue"), stage: AskAddress, ids: []string{"AddressHint"}},
			turn{in: text("13260 13260"), stage: AskAddress, ids: []string{"AddressHint"}},
			turn{in: text(" 12 avenue des Albizzi,  Cassis "), stage: Confirm, ids: summaryIDs(1),
				data: map[string]map[string]any{
					"SummaryTotal": {"Total": Money(660), "Fee": Money(300), "Delivery": true,
						"Address": "12 avenue des Albizzi, Cassis"},
				}},
			turn{in: text("OUI"), stage: Placing, ids: []string{},
				effects: []Effect{PlaceOrder{Placement: placement}}},
			turn{in: Event{From: customer, Result: OrderPlaced{Order: placedOrder}}, stage: Browse,
				ids: []string{"OrderSent", "NewOrder", "BasketLine", "NewOrderTotal", "NewOrderHint"},
				data: map[string]map[string]any{
					"OrderSent":     {"Ref": "Q4M", "Shop": "Primeur du Port"},
					"NewOrder":      {"Ref": "Q4M", "Customer": "06 ** ** ** 32"},
					"BasketLine":    {"Amount": Amount{qty(2), "botte"}, "Price": Money(360)},
					"NewOrderTotal": {"Total": Money(660), "Delivery": true, "Fee": Money(300)},
					"NewOrderHint":  {"Ref": "Q4M"},
				},
				to: map[string]*Recipient{
					"OrderSent": nil,
					"NewOrder":  {Channel: "sms", Address: primeurPhone, Locale: French},
				},
				check: func(t *testing.T, out Outcome) {
					if len(out.State.Basket.Lines) != 0 || out.State.Address != "" || out.State.Fulfilment != "" {
						t.Errorf("state after placing = %+v, want empty basket, address and fulfilment", out.State)
					}
					if got := out.Replies[1].OrderID; got != 77 {
						t.Errorf("merchant reply OrderID = %d, want 77", got)
					}
				}})},
		{"drive placed by telegram in english", then(atPrimeurWithRadishes(),
			turn{in: text("english"), stage: Browse},
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("1"), stage: Confirm},
			turn{in: Event{From: Sender{Channel: "telegram", Address: "4242", FirstName: "Ada"}, Text: "yes"},
				stage: Placing, ids: []string{},
				effects: []Effect{PlaceOrder{Placement: order.Placement{
					MerchantID: primeurID,
					Customer:   order.Customer{Channel: "telegram", Address: "4242", Locale: English, Name: "Ada (Telegram)"},
					Fulfilment: order.Drive,
					Lines:      placement.Lines,
				}}}})},
		{"order short trims", then(atPrimeurWithRadishes(),
			turn{in: text("1 x2"), stage: Browse},
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("1"), stage: Confirm},
			turn{in: text("oui"), stage: Placing, anyEffects: true},
			turn{in: result(OrderShort{Shortage: order.Shortage{ProductID: radishesID, Name: "Radis", Unit: "botte", Left: qty(1)}}),
				stage: Browse, ids: []string{"OrderShort"},
				data: map[string]map[string]any{"OrderShort": {
					"Name": "Radis", "Amount": Amount{qty(1), "botte"}, "Left": true, "Total": Money(180 + 840)}},
				check: basketIs(item{radishesID, qty(1)}, item{tomatoesID, qty(2)})})},
		{"order short removes", then(atPrimeurWithRadishes(),
			turn{in: text("1 x2"), stage: Browse},
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("1"), stage: Confirm},
			turn{in: text("oui"), stage: Placing, anyEffects: true},
			turn{in: result(OrderShort{Shortage: order.Shortage{ProductID: radishesID, Name: "Radis", Unit: "botte"}}),
				stage: Browse, ids: []string{"OrderShort"},
				data:  map[string]map[string]any{"OrderShort": {"Left": false, "Total": Money(840)}},
				check: basketIs(item{tomatoesID, qty(2)})})},
		{"confirm refused keeps basket", then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("1"), stage: Confirm},
			turn{in: text("NON"), stage: Browse, ids: []string{"OrderNotSent"}, check: basketIs(item{radishesID, qty(2)})})},
		{"confirm not understood", then(atPrimeurWithRadishes(),
			turn{in: text("VALIDER"), stage: AskFulfilment},
			turn{in: text("1"), stage: Confirm},
			turn{in: text("peut-être"), stage: Confirm, ids: []string{"ConfirmHint"}})},
		{"drive only skips fulfilment", then(atCommune(),
			turn{in: text("aix en provence"), stage: ChooseShop},
			turn{in: text("1"), stage: Browse, data: map[string]map[string]any{"ProductsTitle": {"Shop": "Boulangerie Cézanne", "Pages": 1}}},
			turn{in: text("1 x3"), stage: Browse, ids: addedIDs},
			turn{in: text("VALIDER"), stage: Confirm, ids: summaryIDs(1),
				data: map[string]map[string]any{"SummaryTotal": {"Total": Money(330), "Fee": Money(0), "Delivery": false}}},
			turn{in: text("oui"), stage: Placing, ids: []string{},
				effects: []Effect{PlaceOrder{Placement: order.Placement{
					MerchantID: boulangerID,
					Customer:   placement.Customer,
					Fulfilment: order.Drive,
					Lines:      []order.Line{{ProductID: baguetteID, Name: "Baguette", Unit: "pièce", Quantity: qty(3), PriceCents: 110}},
				}}}})},
		{"delivery only asks address", then(atCassisShops(),
			turn{in: text("2"), stage: Browse, data: map[string]map[string]any{"ProductsTitle": {"Shop": "Cave des Calanques"}}},
			turn{in: text("1 x2"), stage: Browse, ids: addedIDs},
			turn{in: text("VALIDER"), stage: AskAddress, ids: []string{"AskAddress"}},
			turn{in: text("3 rue Pasteur, Cassis"), stage: Confirm, ids: summaryIDs(1),
				data: map[string]map[string]any{"SummaryTotal": {"Total": Money(4100), "Fee": Money(500), "Delivery": true}}})},
	})
}

func TestTranscriptMerchant(t *testing.T) {
	refuse := func(in, reason string) transcript {
		return transcript{in, []turn{{in: fromMerchant(in), stage: Start, ids: []string{},
			effects: []Effect{RefuseOrder{Ref: pendingRef, MerchantID: primeurID, Reason: reason}}}}}
	}
	accept := func(in string) transcript {
		return transcript{in, []turn{{in: fromMerchant(in), stage: Start, ids: []string{},
			effects: []Effect{AcceptOrder{Ref: pendingRef, MerchantID: primeurID}}}}}
	}
	pending, _ := newMemView().Order(pendingRef)
	accepted, refused := pending, pending
	accepted.Status = order.Accepted
	refused.Status = order.Refused
	refused.RefusalReason = "Plus de fraises, désolé"
	customerRecipient := &Recipient{Channel: "telegram", Address: "4242", Locale: English}
	merchantResult := func(r Result) Event { return Event{From: primeur, Result: r} }

	runTranscripts(t, []transcript{
		accept("OK k7p"),
		accept("ok K7P"),
		accept("Oui K7P merci"),
		refuse("non k7p plus de fraises", "plus de fraises"),
		refuse("NON K7P", ""),
		refuse("Non K7P : Plus de fraises, désolé", "Plus de fraises, désolé"),
		refuse("refusé k7p Fermé aujourd'hui", "Fermé aujourd'hui"),
		{"help", []turn{{in: fromMerchant("Aide"), stage: Start, ids: []string{"MerchantHelp"},
			data: map[string]map[string]any{"MerchantHelp": {"Shop": "Primeur du Port"}}}}},
		{"not understood", []turn{{in: fromMerchant("bonjour"), stage: Start, ids: []string{"MerchantHint"}}}},
		{"accepted", []turn{{in: merchantResult(OrderChanged{Order: accepted}), stage: Start,
			ids: []string{"MerchantAccepted", "CustomerAccepted"},
			data: map[string]map[string]any{
				"MerchantAccepted": {"Ref": pendingRef},
				"CustomerAccepted": {"Ref": pendingRef, "Shop": "Primeur du Port", "Delivery": false, "Total": Money(1290)},
			},
			to: map[string]*Recipient{"MerchantAccepted": nil, "CustomerAccepted": customerRecipient}}}},
		{"refused", []turn{{in: merchantResult(OrderChanged{Order: refused}), stage: Start,
			ids: []string{"MerchantRefused", "CustomerRefused"},
			data: map[string]map[string]any{
				"CustomerRefused": {"Ref": pendingRef, "Reason": "Plus de fraises, désolé"},
			},
			to: map[string]*Recipient{"MerchantRefused": nil, "CustomerRefused": customerRecipient}}}},
		{"unknown order", []turn{{in: merchantResult(OrderNotChanged{Ref: "ZZ9"}), stage: Start,
			ids:  []string{"MerchantOrderUnknown"},
			data: map[string]map[string]any{"MerchantOrderUnknown": {"Ref": "ZZ9"}}}}},
		{"order already handled", []turn{{in: merchantResult(OrderNotChanged{Ref: pendingRef, Order: accepted, Found: true}), stage: Start,
			ids:  []string{"MerchantOrderAlready"},
			data: map[string]map[string]any{"MerchantOrderAlready": {"Ref": pendingRef, "Status": "accepted"}}}}},
		{"customer answering an order", []turn{{in: text("OK k7p"), stage: Start, ids: []string{"NotYourOrder"},
			data:    map[string]map[string]any{"NotYourOrder": {"Ref": pendingRef}},
			effects: []Effect{RecordStrangerCommand{Command: "ok"}}}}},
		{"customer refusing an order while browsing", then(atPrimeurWithRadishes(),
			turn{in: text("non K7P trop cher"), stage: Browse, ids: []string{"NotYourOrder"},
				effects: []Effect{RecordStrangerCommand{Command: "non"}},
				check:   basketIs(item{radishesID, qty(2)})})},
	})
}

func TestTranscriptTelegram(t *testing.T) {
	runTranscripts(t, []transcript{
		{"shop button", []turn{{in: Event{From: telegramCustomer, Data: "m:10"}, stage: Browse, ids: smsPageIDs(6),
			data: map[string]map[string]any{"ProductsTitle": {"Shop": "Primeur du Port"}},
			check: func(t *testing.T, out Outcome) {
				var data []string
				for _, row := range out.Replies[0].Buttons {
					for _, b := range row {
						data = append(data, b.Data)
					}
				}
				want := []string{"p:101", "p:102", "p:103", "p:105", "p:106", "SUITE"}
				if !slices.Equal(data, want) {
					t.Errorf("buttons = %v, want %v", data, want)
				}
			}}}},
		{"product button", then(atPrimeur(),
			turn{in: button("p:103"), stage: AskQuantity, ids: []string{"AskQuantity"},
				data: map[string]map[string]any{"AskQuantity": {"Name": "Radis"}}},
			turn{in: text("2"), stage: Browse, ids: addedIDs, check: basketIs(item{radishesID, qty(2)})})},
		{"product button out of stock", then(atPrimeur(),
			turn{in: button("p:104"), stage: Browse, ids: []string{"OutOfStock"}})},
		{"unknown product button", then(atPrimeur(),
			turn{in: button("p:999"), stage: Browse, ids: []string{"ProductGone"}})},
		{"unknown shop button", []turn{{in: button("m:999"), stage: Start, ids: []string{"ShopGone"}}}},
		{"keyword button", then(atPrimeurWithRadishes(),
			turn{in: button("PANIER"), stage: Browse, ids: []string{"BasketTitle", "BasketLine", "BasketTotal"}})},
		{"location", []turn{{in: located(43.2146, 5.5376), stage: ChooseShop,
			ids: concat([]string{"ShopsNear"}, repeat("ShopLine", 2), []string{"ShopsHint"}),
			data: map[string]map[string]any{
				"ShopsNear":  {"Count": 2},
				"ShopLine#1": {"Name": "Primeur du Port", "Km": "0.0"},
			}}}},
		{"location far away", []turn{{in: located(48.8566, 2.3522), stage: AskCommune,
			ids: []string{"NoShops", "AskCommune"}}}},
	})
}

var telegramCustomer = Sender{Channel: "telegram", Address: "4242", FirstName: "Camille"}

// smsPageIDs are the ids of a product page with n lines.
func smsPageIDs(n int) []string {
	return concat([]string{"ProductsTitle"}, repeat("ProductLine", n), []string{"ProductsHint"})
}
