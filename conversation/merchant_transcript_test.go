package conversation

import (
	"reflect"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/shop"
)

// Senders of the merchants' transcripts.
var (
	staff = func() Sender {
		m, _ := newMemView().Merchant(primeurID)
		return Sender{Channel: "sms", Address: staffPhone, Merchant: &m}
	}()
	linkedChat = func() Sender {
		m, _ := newMemView().Merchant(primeurID)
		return Sender{Channel: "telegram", Address: "777", Phone: primeurPhone, Merchant: &m}
	}()
	telegramStranger = Sender{Channel: "telegram", Address: "999"}
)

// august14 is a Thursday afternoon in Cassis.
var august14 = time.Date(2026, 8, 14, 15, 0, 0, 0, Paris)

func fromStaff(s string) Event      { return Event{From: staff, Text: s} }
func merchantResult(r Result) Event { return Event{From: primeur, Result: r} }

// merchantAt is a merchant's message at a given time.
func merchantAt(s string, now time.Time) Event { return Event{From: primeur, Text: s, Now: now} }

// replyOnly is a turn whose only reply is the one line id, with no effect.
func replyOnly(in Event, id string) turn {
	return turn{in: in, stage: Start, ids: []string{id}}
}

// effect is a turn whose only outcome is the effect.
func effect(in Event, e Effect) turn {
	return turn{in: in, stage: Start, ids: []string{}, effects: []Effect{e}}
}

func TestTranscriptMerchantCatalog(t *testing.T) {
	tomatoes := SetStock{MerchantID: primeurID, ProductID: tomatoesID, Stock: qty(15)}
	runTranscripts(t, []transcript{
		{"add product", []turn{effect(fromMerchant("AJOUT tomates cerises 3,50 kg 20"), AddProduct{MerchantID: primeurID,
			Product: shop.NewProduct{Name: "tomates cerises", PriceCents: 350, Unit: "kg", Stock: qty(20)}})}},
		{"add product price with euro sign", []turn{effect(fromMerchant("ajout Miel de lavande 8€50 pot 12"), AddProduct{
			MerchantID: primeurID, Product: shop.NewProduct{Name: "Miel de lavande", PriceCents: 850, Unit: "pot", Stock: qty(12)}})}},
		{"add product weighed stock", []turn{effect(fromMerchant("AJOUT fromage 24 kg 2,5"), AddProduct{MerchantID: primeurID,
			Product: shop.NewProduct{Name: "fromage", PriceCents: 2400, Unit: "kg", Stock: 2500}})}},
		{"add product missing stock", []turn{replyOnly(fromMerchant("AJOUT tomates 3,50 kg"), "AddProductHint")}},
		{"add product without price", []turn{replyOnly(fromMerchant("AJOUT tomates kg 20 30"), "AddProductHint")}},
		{"add product name too long", []turn{replyOnly(fromMerchant("AJOUT tomates cerises anciennes de plein champ 3,50 kg 20"), "ProductNameTooLong")}},
		{"add product zero price", []turn{replyOnly(fromMerchant("AJOUT tomates 0 kg 20"), "PriceHint")}},
		{"add product fraction of pieces", []turn{replyOnly(fromMerchant("AJOUT melon 2 pièce 1,5"), "WholeStockOnly")}},
		{"price by name", []turn{effect(fromMerchant("PRIX tomates 3,20"), SetPrice{MerchantID: primeurID, ProductID: tomatoesID, PriceCents: 320})}},
		{"price by number", []turn{effect(fromMerchant("prix 3 2"), SetPrice{MerchantID: primeurID, ProductID: radishesID, PriceCents: 200})}},
		{"price by name start", []turn{effect(fromMerchant("PRIX huile 14,90"), SetPrice{MerchantID: primeurID, ProductID: oilID, PriceCents: 1490})}},
		{"price missing", []turn{replyOnly(fromMerchant("PRIX tomates"), "SetPriceHint")}},
		{"price unknown product", []turn{{in: fromMerchant("PRIX courgettes 2"), stage: Start, ids: []string{"ProductUnknown"},
			data: map[string]map[string]any{"ProductUnknown": {"Query": "courgettes"}}}}},
		{"price number out of range", []turn{{in: fromMerchant("PRIX 12 2"), stage: Start, ids: []string{"NoProductNumber"},
			data: map[string]map[string]any{"NoProductNumber": {"N": 12, "Max": 7}}}}},
		{"stock by name", []turn{effect(fromMerchant("STOCK tomates 15"), tomatoes)}},
		{"stock by number", []turn{effect(fromMerchant("STOCK 1 15"), tomatoes)}},
		{"stock back after rupture", []turn{effect(fromMerchant("STOCK fraises 10"),
			SetStock{MerchantID: primeurID, ProductID: strawberryID, Stock: qty(10)})}},
		{"stock of pieces in fraction", []turn{replyOnly(fromMerchant("STOCK melon 2,5"), "WholeStockOnly")}},
		{"stock without quantity", []turn{replyOnly(fromMerchant("STOCK tomates"), "SetStockHint")}},
		{"rupture", []turn{effect(fromMerchant("RUPTURE Fraises"), SetStock{MerchantID: primeurID, ProductID: strawberryID})}},
		{"rupture without product", []turn{replyOnly(fromMerchant("RUPTURE"), "OutOfStockHint")}},
		{"staff changes the catalog", []turn{effect(fromStaff("STOCK tomates 15"), tomatoes)}},
	})
}

func TestTranscriptMerchantList(t *testing.T) {
	listIDs := concat([]string{"ShopProductsTitle"}, repeat("ShopProductLine", 3), []string{"ShopProductsHint"})
	runTranscripts(t, []transcript{
		{"list pages", []turn{
			{in: fromMerchant("LISTE"), stage: MerchantProducts, ids: listIDs, data: map[string]map[string]any{
				"ShopProductsTitle": {"Count": 7, "Page": 1, "Pages": 3},
				"ShopProductLine#1": {"N": 1, "Name": "Tomates", "InStock": true, "Amount": Amount{qty(10), "kg"}},
				"ShopProductsHint":  {"More": true},
			}},
			{in: fromMerchant("SUITE"), stage: MerchantProducts, ids: listIDs, data: map[string]map[string]any{
				"ShopProductLine#1": {"N": 4, "Name": "Fraises", "InStock": false},
			}},
			{in: fromMerchant("suite"), stage: MerchantProducts,
				ids:  []string{"ShopProductsTitle", "ShopProductLine", "ShopProductsHint"},
				data: map[string]map[string]any{"ShopProductsHint": {"More": false}}},
			{in: fromMerchant("STOCK 4 3"), stage: Start, ids: []string{},
				effects: []Effect{SetStock{MerchantID: primeurID, ProductID: strawberryID, Stock: qty(3)}}},
			replyOnly(fromMerchant("SUITE"), "MerchantNoNextPage"),
		}},
	})
}

func TestTranscriptMerchantResults(t *testing.T) {
	tomatoes := newMemView().products[primeurID][0]
	cheaper := tomatoes
	cheaper.PriceCents = 320
	empty, fewer := tomatoes, tomatoes
	empty.Stock, fewer.Stock = 0, qty(5)
	runTranscripts(t, []transcript{
		{"added", []turn{{in: merchantResult(ProductSaved{Product: tomatoes, Number: 8}), stage: Start,
			ids: []string{"ProductAdded"}, data: map[string]map[string]any{"ProductAdded": {"N": 8,
				"Name": "Tomates", "Price": UnitPrice{420, "kg"}, "Amount": Amount{qty(10), "kg"}}}}}},
		{"price set", []turn{replyOnly(merchantResult(ProductSaved{Product: cheaper, Before: tomatoes}), "PriceSet")}},
		{"stock set", []turn{replyOnly(merchantResult(ProductSaved{Product: tomatoes, Before: fewer}), "StockSet")}},
		{"out of stock", []turn{replyOnly(merchantResult(ProductSaved{Product: empty, Before: tomatoes}), "StockOut")}},
		{"restocked", []turn{replyOnly(merchantResult(ProductSaved{Product: tomatoes, Before: empty}), "Restocked")}},
		{"exists", []turn{replyOnly(merchantResult(ProductExists{Product: tomatoes}), "ProductExists")}},
	})
}

func TestTranscriptMerchantOrders(t *testing.T) {
	pending, _ := newMemView().Order(pendingRef)
	customerRecipient := &Recipient{Channel: "telegram", Address: "4242", Locale: English}
	ready, collected := pending, pending
	ready.Status, collected.Status = order.Ready, order.Collected
	proposed := pending
	proposed.Status, proposed.TotalCents = order.Proposed, 840
	removed := []order.Line{{ProductID: strawberryID, Name: "Fraises", Unit: "barquette", Quantity: qty(1)}}
	weighed := order.Line{Name: "Fromage", Unit: "kg", Quantity: 460, PriceCents: 2400, AmountCents: 1104}

	runTranscripts(t, []transcript{
		{"accept without a line", []turn{effect(fromMerchant("OK K7P sans fraises"),
			RemoveOrderLines{Ref: pendingRef, MerchantID: primeurID, Names: []string{"fraises"}})}},
		{"accept without two lines", []turn{effect(fromMerchant("ok k7p sans fraises et tomates, melon"),
			RemoveOrderLines{Ref: pendingRef, MerchantID: primeurID, Names: []string{"fraises", "tomates", "melon"}})}},
		{"missing line", []turn{effect(fromMerchant("MANQUE K7P huile d'olive"),
			RemoveOrderLines{Ref: pendingRef, MerchantID: primeurID, Names: []string{"huile d'olive"}})}},
		{"missing without product", []turn{replyOnly(fromMerchant("MANQUE K7P"), "RemoveLinesHint")}},
		{"ready", []turn{effect(fromMerchant("PRET K7P"), AdvanceOrder{Ref: pendingRef, MerchantID: primeurID, To: order.Ready})}},
		{"ready with accent", []turn{effect(fromMerchant("Prête k7p"), AdvanceOrder{Ref: pendingRef, MerchantID: primeurID, To: order.Ready})}},
		{"collected", []turn{effect(fromMerchant("RETIRE K7P"), AdvanceOrder{Ref: pendingRef, MerchantID: primeurID, To: order.Collected})}},
		{"delivered", []turn{effect(fromMerchant("LIVRÉE K7P"), AdvanceOrder{Ref: pendingRef, MerchantID: primeurID, To: order.Delivered})}},
		{"ready without reference", []turn{replyOnly(fromMerchant("PRET"), "AdvanceHint")}},
		{"weigh", []turn{effect(fromMerchant("POIDS K7P fromage de chèvre 0,46"),
			WeighOrderLine{Ref: pendingRef, MerchantID: primeurID, Name: "fromage de chèvre", Quantity: 460})}},
		{"weigh without quantity", []turn{replyOnly(fromMerchant("POIDS K7P fromage"), "WeighHint")}},
		{"staff accepts", []turn{effect(fromStaff("OK K7P"), AcceptOrder{Ref: pendingRef, MerchantID: primeurID})}},
		{"accept without reference names the only order", []turn{{in: fromMerchant("OK merci"),
			ids: []string{"MerchantConfirmRef"}, data: map[string]map[string]any{"MerchantConfirmRef": {"Ref": pendingRef}}}}},
		{"loose accept forms", []turn{
			{in: fromMerchant("OK pour la " + pendingRef), effects: []Effect{AcceptOrder{Ref: pendingRef, MerchantID: primeurID}}},
			{in: fromMerchant("d'accord " + pendingRef), effects: []Effect{AcceptOrder{Ref: pendingRef, MerchantID: primeurID}}},
			{in: fromMerchant(pendingRef + " ok"), effects: []Effect{AcceptOrder{Ref: pendingRef, MerchantID: primeurID}}},
			{in: fromMerchant("ok" + pendingRef), effects: []Effect{AcceptOrder{Ref: pendingRef, MerchantID: primeurID}}}}},
		{"loose refusal keeps reason", []turn{
			{in: fromMerchant("refus " + pendingRef + " plus de Fraises"),
				effects: []Effect{RefuseOrder{Ref: pendingRef, MerchantID: primeurID, Reason: "plus de Fraises"}}}}},
		{"two orders in one message asks", []turn{replyOnly(fromMerchant("ok K7P et C3D"), "MerchantOneOrderPerMessage")}},
		{"accept and refuse together asks", []turn{replyOnly(fromMerchant("ok K7P non C3D"), "MerchantConflictingActions")}},
		{"open orders", []turn{{in: fromMerchant("COMMANDES"), stage: MerchantOrders,
			ids:  []string{"OpenOrdersTitle", "OpenOrderLine", "OpenOrdersHint"},
			data: map[string]map[string]any{"OpenOrderLine": {"Ref": pendingRef, "Status": "pending", "Total": Money(1290)}}}}},
		{"ready told", []turn{{in: merchantResult(OrderChanged{Order: ready}), stage: Start,
			ids: []string{"MerchantReady", "CustomerReady"},
			to:  map[string]*Recipient{"MerchantReady": nil, "CustomerReady": customerRecipient}}}},
		{"collected told", []turn{{in: merchantResult(OrderChanged{Order: collected}), stage: Start,
			ids: []string{"MerchantFinished", "CustomerCollected"},
			to:  map[string]*Recipient{"CustomerCollected": customerRecipient}}}},
		{"proposed told", []turn{{in: merchantResult(OrderProposed{Order: proposed, Removed: removed}), stage: Start,
			ids:  []string{"MerchantProposed", "CustomerProposed"},
			data: map[string]map[string]any{"CustomerProposed": {"Names": "Fraises", "Total": Money(840), "Ref": pendingRef}},
			to:   map[string]*Recipient{"CustomerProposed": customerRecipient}}}},
		{"weighed told", []turn{{in: merchantResult(OrderWeighed{Order: pending, Line: weighed}), stage: Start,
			ids: []string{"MerchantWeighed", "CustomerWeighed"},
			data: map[string]map[string]any{"CustomerWeighed": {"Amount": Amount{460, "kg"}, "Price": Money(1104),
				"Total": Money(1290)}},
			to: map[string]*Recipient{"CustomerWeighed": customerRecipient}}}},
		{"line unknown", []turn{replyOnly(merchantResult(OrderLineUnknown{Ref: pendingRef, Query: "kiwi"}), "OrderLineUnknown")}},
		{"would be empty", []turn{replyOnly(merchantResult(OrderWouldBeEmpty{Ref: pendingRef}), "OrderWouldBeEmpty")}},
		{"cancelled meanwhile", []turn{{in: merchantResult(OrderNotChanged{Ref: pendingRef, Found: true,
			Order: order.Order{Ref: pendingRef, Status: order.Cancelled}}), stage: Start, ids: []string{"MerchantOrderAlready"},
			data: map[string]map[string]any{"MerchantOrderAlready": {"Status": "cancelled"}}}}},
	})
}

func TestTranscriptMerchantSettings(t *testing.T) {
	august15 := time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC)
	nextJanuary := time.Date(2027, 1, 3, 0, 0, 0, 0, time.UTC)
	seven := 19 * 60
	half := 19*60 + 30
	runTranscripts(t, []transcript{
		{"close until", []turn{effect(merchantAt("FERME jusqu'au 15/08", august14),
			SetClosed{MerchantID: primeurID, Closed: true, Until: &august15})}},
		{"close until next year", []turn{effect(merchantAt("Fermé jusqu'au 3/1", august14),
			SetClosed{MerchantID: primeurID, Closed: true, Until: &nextJanuary})}},
		{"close invalid day", []turn{replyOnly(merchantAt("FERME jusqu'au 31/02", august14), "CloseHint")}},
		{"close until past day", []turn{replyOnly(merchantAt("FERME jusqu'au 01/08/2026", august14), "CloseHint")}},
		{"close", []turn{effect(fromMerchant("FERME"), SetClosed{MerchantID: primeurID, Closed: true})}},
		{"open", []turn{effect(fromMerchant("OUVERT"), SetClosed{MerchantID: primeurID})}},
		{"add staff", []turn{effect(fromMerchant("EQUIPE 06 87 65 43 21"), AddStaff{MerchantID: primeurID, Phone: "+33687654321"})}},
		{"add staff from linked telegram", []turn{{in: Event{From: linkedChat, Text: "EQUIPE +33 6 11 22 33 44"},
			stage: Start, ids: []string{}, effects: []Effect{AddStaff{MerchantID: primeurID, Phone: "+33611223344"}}}}},
		{"staff cannot add staff", []turn{replyOnly(fromStaff("EQUIPE 06 11 22 33 44"), "OwnerOnly")}},
		{"add staff invalid phone", []turn{replyOnly(fromMerchant("EQUIPE 12"), "StaffHint")}},
		{"list staff", []turn{{in: fromMerchant("EQUIPE"), stage: Start, ids: []string{"StaffList"},
			data: map[string]map[string]any{"StaffList": {"Phones": "06 87 65 43 21", "Notify": "06 12 34 56 78"}}}}},
		{"notifications", []turn{effect(fromMerchant("NOTIFS 06 87 65 43 21"),
			SetNotifyPhone{MerchantID: primeurID, Phone: "+33687654321"})}},
		{"staff cannot move notifications", []turn{replyOnly(fromStaff("NOTIFS 06 87 65 43 21"), "OwnerOnly")}},
		{"summary", []turn{effect(fromMerchant("RESUME 19h"), SetSummaryTime{MerchantID: primeurID, Minute: &seven})}},
		{"summary half past", []turn{effect(fromMerchant("résumé 19h30"), SetSummaryTime{MerchantID: primeurID, Minute: &half})}},
		{"summary stopped", []turn{effect(fromMerchant("RESUME NON"), SetSummaryTime{MerchantID: primeurID})}},
		{"summary invalid", []turn{replyOnly(fromMerchant("RESUME 25h"), "SummaryHint")}},
		{"summary asked", []turn{replyOnly(fromMerchant("RESUME"), "SummaryOff")}},
		{"closed told", []turn{{in: merchantResult(ShopSettingSaved{Effect: SetClosed{Closed: true, Until: &august15}}),
			stage: Start, ids: []string{"ShopClosedSet"},
			data: map[string]map[string]any{"ShopClosedSet": {"Until": "15/08", "Shop": "Primeur du Port"}}}}},
		{"staff welcomed", []turn{{in: merchantResult(ShopSettingSaved{Effect: AddStaff{Phone: staffPhone}}),
			stage: Start, ids: []string{"StaffAdded", "StaffWelcome"},
			to: map[string]*Recipient{"StaffWelcome": {Channel: "sms", Address: staffPhone, Locale: French}}}}},
		{"help topics", []turn{
			replyOnly(fromMerchant("AIDE commandes"), "MerchantHelpOrders"),
			replyOnly(fromMerchant("aide catalogue"), "MerchantHelpCatalog"),
			replyOnly(fromMerchant("Aide boutique"), "MerchantHelpShop"),
		}},
		{"sign-up again", []turn{replyOnly(fromMerchant("INSCRIPTION"), "AlreadyRegistered")}},
	})
}

func TestTranscriptCustomerOrderCommands(t *testing.T) {
	fromChat := func(s string) Event { return Event{From: telegramCustomer, Text: s} }
	pending, _ := newMemView().Order(pendingRef)
	cancelled, accepted := pending, pending
	cancelled.Status, accepted.Status = order.Cancelled, order.Accepted
	merchantPhone := &Recipient{Channel: "sms", Address: primeurPhone, Locale: French}
	runTranscripts(t, []transcript{
		{"cancel own order", []turn{{in: fromChat("ANNULER K7P"), stage: Start, ids: []string{},
			effects: []Effect{CancelOrder{Ref: pendingRef, Channel: "telegram", Address: "4242"}}}}},
		{"accept changes", []turn{{in: fromChat("oui k7p"), stage: Start, ids: []string{},
			effects: []Effect{ConfirmOrderChanges{Ref: pendingRef, Channel: "telegram", Address: "4242"}}}}},
		{"cancel other's order", []turn{{in: text("ANNULER K7P"), stage: Start, ids: []string{"CustomerOrderUnknown"},
			effects: []Effect{RecordStrangerCommand{Command: "annuler"}}}}},
		{"cancel unknown order", []turn{{in: text("annuler ZZ9"), stage: Start, ids: []string{"CustomerOrderUnknown"}}}},
		{"plain cancel empties basket", then(atPrimeurWithRadishes(),
			turn{in: text("ANNULER"), stage: Browse, ids: []string{"BasketCancelled"}, check: basketIs()})},
		{"cancelled told", []turn{{in: Event{From: telegramCustomer, Result: CustomerOrderChanged{Order: cancelled}},
			stage: Start, ids: []string{"CustomerCancelled", "MerchantCustomerCancelled"},
			to: map[string]*Recipient{"CustomerCancelled": nil, "MerchantCustomerCancelled": merchantPhone}}}},
		{"changes accepted told", []turn{{in: Event{From: telegramCustomer, Result: CustomerOrderChanged{Order: accepted}},
			stage: Start, ids: []string{"CustomerConfirmed", "MerchantCustomerConfirmed"}}}},
		{"too late to cancel", []turn{{in: Event{From: telegramCustomer,
			Result: CustomerOrderNotChanged{Ref: pendingRef, Order: accepted, Found: true}}, stage: Start,
			ids: []string{"CustomerOrderAlready"}, data: map[string]map[string]any{"CustomerOrderAlready": {"Status": "accepted"}}}}},
		{"shop closed at placement", []turn{{in: result(ShopClosed{Merchant: catalog.Merchant{Name: "Primeur du Port",
			Closed: true, ClosedUntil: ptr(time.Date(2026, 8, 15, 0, 0, 0, 0, time.UTC))}}), stage: Browse,
			ids: []string{"ShopClosedForOrders"}, data: map[string]map[string]any{"ShopClosedForOrders": {"Until": "15/08"}}}}},
	})
}

func TestTranscriptStranger(t *testing.T) {
	stranger := func(s, verb string) transcript {
		return transcript{s, []turn{{in: text(s), stage: Start, ids: []string{"StrangerCommand"},
			effects: []Effect{RecordStrangerCommand{Command: verb}}}}}
	}
	runTranscripts(t, []transcript{
		stranger("STOCK tomates 15", "stock"),
		stranger("PRIX tomates 3,20", "prix"),
		stranger("AJOUT tomates 3,50 kg 20", "ajout"),
		stranger("RUPTURE fraises", "rupture"),
		stranger("PRET K7P", "pret"),
		stranger("EQUIPE 06 12 34 56 78", "equipe"),
		stranger("FERME jusqu'au 15/08", "ferme"),
		{"price question goes on", []turn{{in: text("prix des tomates ?"), stage: AskCommune, anyEffects: true}}},
	})
}

func TestTranscriptSignup(t *testing.T) {
	want := RegisterShop{Registration: shop.Registration{Phone: customerPhone, Name: "Ferme des Oliviers",
		Category: "maraîcher", CommuneID: cassisID, Drive: true, Delivery: true, FeeCents: 300, MinOrderCents: 2000,
		Areas: []int64{cassisID, aixID}, OpeningHours: "mar-sam 8h-19h"}}
	recap := []string{"SignupRecapName", "SignupRecapCategory", "SignupRecapCommune", "SignupRecapFulfilment",
		"SignupRecapAreas", "SignupRecapHours", "SignupRecapHint"}
	start := []turn{
		{in: text("Inscription"), stage: SignupName, ids: []string{"SignupStart"}},
		{in: text("Ferme des Oliviers"), stage: SignupCategory, ids: []string{"SignupAskCategory"}},
		{in: text("Maraîcher"), stage: SignupCommune, ids: []string{"SignupAskCommune"}},
		{in: text("cassis"), stage: SignupFulfilment, ids: []string{"SignupAskFulfilment"}},
		{in: text("3"), stage: SignupAreas, ids: []string{"SignupAskAreas"}},
		{in: text("Cassis, Aix-en-Provence"), stage: SignupFees, ids: []string{"SignupAskFees"}},
		{in: text("3 EUR et 20 EUR minimum"), stage: SignupHours, ids: []string{"SignupAskHours"}},
		{in: text("mar-sam 8h-19h"), stage: SignupConfirm, ids: recap, data: map[string]map[string]any{
			"SignupRecapAreas": {"Communes": "Cassis", "More": 1, "Fee": Money(300), "Minimum": Money(2000)}}},
	}
	runTranscripts(t, []transcript{
		{"sign-up sent", then(start, turn{in: text("OUI"), stage: SignupConfirm, ids: []string{}, effects: []Effect{want}})},
		{"sign-up corrected", then(start,
			turn{in: text("1"), stage: SignupName, ids: []string{"SignupAskName"}},
			turn{in: text("Ferme des Oliviers"), stage: SignupConfirm, ids: recap},
			turn{in: text("4"), stage: SignupFulfilment, ids: []string{"SignupAskFulfilment"}},
			turn{in: text("1"), stage: SignupConfirm, ids: recap, data: map[string]map[string]any{
				"SignupRecapAreas": {"Delivery": false}, "SignupRecapFulfilment": {"Drive": true, "Delivery": false}}},
			turn{in: text("5"), stage: SignupConfirm, ids: []string{"SignupNoDelivery"}},
			turn{in: text("4"), stage: SignupFulfilment},
			turn{in: text("2"), stage: SignupAreas, ids: []string{"SignupAskAreas"}},
			turn{in: text("Cassis"), stage: SignupFees, ids: []string{"SignupAskFees"}},
			turn{in: text("0 15"), stage: SignupConfirm, ids: recap},
			turn{in: text("oui"), stage: SignupConfirm, ids: []string{}, check: func(t *testing.T, out Outcome) {
				r := out.Effects[0].(RegisterShop).Registration
				if r.Drive || !r.Delivery || r.FeeCents != 0 || r.MinOrderCents != 1500 || !reflect.DeepEqual(r.Areas, []int64{cassisID}) {
					t.Errorf("registration = %+v, want delivery only to Cassis, free, 15 EUR minimum", r)
				}
			}, anyEffects: true})},
		{"sign-up errors", []turn{
			{in: text("INSCRIPTION"), stage: SignupName},
			{in: text("?"), stage: SignupName, ids: []string{"SignupNameHint"}},
			{in: text("Primeur"), stage: SignupCategory},
			{in: text("primeur"), stage: SignupCommune},
			{in: text("Paris"), stage: SignupCommune, ids: []string{"SignupCommuneUnknown"}},
			{in: text("13100"), stage: SignupCommuneChoice,
				ids: []string{"CommuneChoice", "CommuneLine", "CommuneLine", "AnswerNumber"}},
			{in: text("2"), stage: SignupFulfilment, check: func(t *testing.T, out Outcome) {
				if out.State.Signup.CommuneID != tholonetID {
					t.Errorf("commune = %d, want Le Tholonet %d", out.State.Signup.CommuneID, tholonetID)
				}
			}},
			{in: text("demain"), stage: SignupFulfilment, ids: []string{"SignupAskFulfilment"}},
			{in: text("2"), stage: SignupAreas},
			{in: text("Cassis, Atlantide"), stage: SignupAreas, ids: []string{"SignupAreaUnknown"},
				data: map[string]map[string]any{"SignupAreaUnknown": {"Query": "Atlantide"}}},
			{in: text("Cassis"), stage: SignupFees},
			{in: text("3"), stage: SignupFees, ids: []string{"SignupFeesHint"}},
			{in: text("annuler"), stage: Start, ids: []string{"SignupCancelled"},
				check: func(t *testing.T, out Outcome) {
					if out.State.Signup != nil {
						t.Errorf("signup = %+v, want none after ANNULER", out.State.Signup)
					}
				}},
		}},
		{"sign-up on telegram", []turn{{in: Event{From: telegramStranger, Text: "inscription"}, stage: Start,
			ids: []string{"SignupBySMS"}}}},
		{"sign-up registered", []turn{{in: result(ShopRegistered{Merchant: catalog.Merchant{Name: "Ferme des Oliviers"}}),
			stage: Start, ids: []string{"SignupSent"}}}},
	})
}

func TestTranscriptTelegramLink(t *testing.T) {
	fromChat := func(s string) Event { return Event{From: telegramStranger, Text: s} }
	chatResult := func(r Result) Event { return Event{From: telegramStranger, Result: r} }
	runTranscripts(t, []transcript{
		{"link", []turn{
			{in: fromChat("COMMERCANT 06 12 34 56 78"), stage: Start, ids: []string{},
				effects: []Effect{SendLinkCode{ChatID: "999", Phone: primeurPhone}}},
			{in: chatResult(LinkCodeSent{Phone: primeurPhone, Code: "123456", Shop: "Primeur du Port", Expires: 10 * time.Minute}),
				stage: LinkCode, ids: []string{"LinkCodeSent", "LinkCodeSMS"},
				data: map[string]map[string]any{"LinkCodeSMS": {"Code": "123456", "Minutes": 10},
					"LinkCodeSent": {"Phone": "06 ** ** ** 78"}},
				to: map[string]*Recipient{"LinkCodeSMS": {Channel: "sms", Address: primeurPhone, Locale: French}}},
			{in: fromChat("bonsoir"), stage: AskCommune},
		}},
		{"code typed", []turn{
			{in: chatResult(LinkCodeSent{Phone: primeurPhone, Code: "123456", Expires: 10 * time.Minute}), stage: LinkCode},
			{in: fromChat("12345"), stage: LinkCode, ids: []string{"LinkCodeHint"}},
			{in: fromChat("123 456"), stage: LinkCode, ids: []string{},
				effects: []Effect{LinkTelegram{ChatID: "999", Code: "123456"}}},
			{in: chatResult(LinkCodeWrong{Left: 3}), stage: LinkCode, ids: []string{"LinkCodeWrong"}},
			{in: chatResult(TelegramLinked{Merchant: catalog.Merchant{Name: "Primeur du Port"}}), stage: Start,
				ids: []string{"TelegramLinked"}},
		}},
		{"link invalid phone", []turn{{in: fromChat("commerçant 12"), stage: Start, ids: []string{"LinkHint"}}}},
		{"link on sms", []turn{{in: text("COMMERCANT 06 12 34 56 78"), stage: Start, ids: []string{"LinkOnTelegramOnly"}}}},
		{"linked chat acts as merchant", []turn{{in: Event{From: linkedChat, Text: "PRET K7P"}, stage: Start, ids: []string{},
			effects: []Effect{AdvanceOrder{Ref: pendingRef, MerchantID: primeurID, To: order.Ready}}}}},
	})
}

func TestMerchantNotices(t *testing.T) {
	o, _ := newMemView().Order(pendingRef)
	reminder := ReminderNotice(o, time.Date(2026, 8, 14, 14, 30, 0, 0, Paris))
	if reminder.To.Address != primeurPhone || reminder.Lines[0].Data["Time"] != "14 h 30" {
		t.Errorf("reminder = %+v, want to %s at 14 h 30", reminder, primeurPhone)
	}
	expired := ExpiredNotices(o, order.Pending)
	if len(expired) != 2 || expired[0].To.Address != "4242" || expired[1].To.Address != primeurPhone {
		t.Errorf("expiry notices = %+v, want the customer then the merchant", expired)
	}
	summary := SummaryNotice(primeurPhone, august14, order.DaySummary{Orders: 3, Served: 2, RevenueCents: 2580},
		[]string{"Fraises", "Melon", "Radis", "Ail", "Basilic"})
	data := summary.Lines[0].Data
	if data["OutOfStock"] != "Fraises, Melon, Radis" || data["More"] != 2 || data["Day"] != "14/08" {
		t.Errorf("summary data = %v, want 3 products named, 2 more, day 14/08", data)
	}
}
