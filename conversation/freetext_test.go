package conversation

import "testing"

var understoodIDs = func(lines int) []string {
	return concat([]string{"Understood"}, repeat("UnderstoodLine", lines), []string{"UnderstoodHint"})
}

func TestTranscriptWords(t *testing.T) {
	runTranscripts(t, []transcript{
		{"words then oui", then(atPrimeur(),
			turn{in: text("2 kg de tomates et un melon stp"), stage: ConfirmLines, ids: understoodIDs(2),
				data: map[string]map[string]any{
					"UnderstoodLine#1": {"Name": "Tomates", "Amount": Amount{qty(2), "kg"}, "Price": Money(840)},
					"UnderstoodLine#2": {"Name": "Melon", "Price": Money(350)},
				}, check: basketIs()},
			turn{in: text("oui"), stage: Browse, ids: []string{"AddedTitle", "AddedLine", "AddedLine", "AddedTotal"},
				check: basketIs(item{tomatoesID, qty(2)}, item{melonID, qty(1)})})},
		{"words then non", then(atPrimeur(),
			turn{in: text("500g de tomates"), stage: ConfirmLines},
			turn{in: text("non"), stage: Browse, ids: []string{"NothingAdded"}, check: basketIs()})},
		{"other order drops draft and says so", then(atPrimeur(),
			turn{in: text("500g de tomates"), stage: ConfirmLines},
			turn{in: text("3 x1"), stage: Browse, ids: []string{"DraftDropped", "Added"},
				check: basketIs(item{radishesID, qty(1)})})},
		{"grams converted to kg", then(atPrimeur(),
			turn{in: text("500g de tomates"), stage: ConfirmLines,
				data: map[string]map[string]any{"UnderstoodLine": {"Amount": Amount{500, "kg"}, "Price": Money(210)}}})},
		{"typo asks did you mean", then(atPrimeur(),
			turn{in: text("2 kg de tomatte"), stage: ConfirmProduct, ids: []string{"DidYouMean"},
				data: map[string]map[string]any{"DidYouMean": {"Name": "Tomates"}}},
			turn{in: text("oui"), stage: ConfirmLines, ids: understoodIDs(1)},
			turn{in: text("OUI"), stage: Browse, check: basketIs(item{tomatoesID, qty(2)})})},
		{"typo refused drops line", then(atPrimeur(),
			turn{in: text("2 kg de tomatte"), stage: ConfirmProduct},
			turn{in: text("non"), stage: Browse, ids: []string{"LineDropped", "ProductsHint"}, check: basketIs()})},
		{"quantity missing asked", then(atPrimeur(),
			turn{in: text("des radis"), stage: AskQuantity, ids: []string{"QuantityHint"}},
			turn{in: text("3"), stage: ConfirmLines, ids: understoodIDs(1),
				data: map[string]map[string]any{"UnderstoodLine": {"Name": "Radis", "Amount": Amount{qty(3), "botte"}}}},
			turn{in: text("oui"), stage: Browse, check: basketIs(item{radishesID, qty(3)})})},
		{"quantity in words for pending product", then(atPrimeur(),
			turn{in: text("1"), stage: AskQuantity},
			turn{in: text("1,5 kg"), stage: Browse, ids: addedIDs, check: basketIs(item{tomatoesID, 1500})})},
		{"unknown product word", then(atPrimeur(),
			turn{in: text("3 kg de homard"), stage: Browse, ids: []string{"ProductNotFound", "ProductsHint"}})},
		{"draft over stock asks again", then(atPrimeur(),
			turn{in: text("une pastèque et 3 melons"), stage: ConfirmLines},
			turn{in: text("oui"), stage: Browse, ids: []string{"AddedTitle", "AddedLine", "AddedLine", "AddedTotal"}})},
	})
}

func TestTranscriptModel(t *testing.T) {
	withModel := func(s string) Event { return Event{Text: s, ModelAvailable: true} }
	runTranscripts(t, []transcript{
		{"model asked when parser reads nothing", then(atPrimeur(),
			turn{in: withModel("ce qu'il faut pour une ratatouille"), stage: Browse, ids: []string{},
				effects: []Effect{AskModel{MerchantID: primeurID, Text: "ce qu'il faut pour une ratatouille"}}})},
		{"model lines confirmed", then(atPrimeur(),
			turn{in: withModel("ce qu'il faut pour une ratatouille"), stage: Browse, anyEffects: true},
			turn{in: result(ModelRead{Lines: []DraftLine{{ProductID: tomatoesID, Quantity: qty(1)}}}),
				stage: ConfirmLines, ids: understoodIDs(1)},
			turn{in: text("oui"), stage: Browse, check: basketIs(item{tomatoesID, qty(1)})})},
		{"model failure shows menu", then(atPrimeur(),
			turn{in: withModel("ce qu'il faut pour une ratatouille"), stage: Browse, anyEffects: true},
			turn{in: result(ModelRead{}), stage: Browse,
				ids: concat([]string{"NotUnderstood"}, smsPageIDs(3))})},
		{"no model gives hint", then(atPrimeur(),
			turn{in: text("ce qu'il faut pour une ratatouille"), stage: Browse, ids: []string{"ProductNotFound", "ProductsHint"}})},
	})
}

func TestTranscriptCommuneGuess(t *testing.T) {
	runTranscripts(t, []transcript{
		{"typo asks to confirm", then(atCommune(),
			turn{in: text("cassiss"), stage: ConfirmCommune, ids: []string{"CommuneGuess"},
				data: map[string]map[string]any{"CommuneGuess": {"Name": "Cassis", "PostalCode": "13260"}}},
			turn{in: text("oui"), stage: ChooseShop, ids: cassisShopsIDs})},
		{"guess refused asks again", then(atCommune(),
			turn{in: text("cassiss"), stage: ConfirmCommune},
			turn{in: text("non"), stage: AskCommune, ids: []string{"AskCommune"}})},
		{"other name after guess", then(atCommune(),
			turn{in: text("cassiss"), stage: ConfirmCommune},
			turn{in: text("Aix-en-Provence"), stage: ChooseShop})},
	})
}
