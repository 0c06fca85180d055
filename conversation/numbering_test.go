package conversation

import "testing"

func TestTranscriptNumbersKeepMeaning(t *testing.T) {
	// The customer saw tomatoes as 1 and a product since removed as 2.
	seen := State{Stage: Browse, MerchantID: primeurID, ShownProducts: []int64{tomatoesID, 999, melonID}}
	runTranscript(t, seen, []turn{
		{in: text("2 x1"), stage: Browse, ids: []string{"ProductGone"}, check: basketIs()},
		{in: text("3 x1"), stage: Browse, ids: addedIDs, check: basketIs(item{melonID, qty(1)})},
		{in: text("4 x1"), stage: Browse, ids: []string{"NoSuchProduct"},
			data: map[string]map[string]any{"NoSuchProduct": {"Max": 3}}},
	})
}

func TestTranscriptNegativeQuantity(t *testing.T) {
	runTranscripts(t, []transcript{
		{"negative in one message", then(atPrimeur(),
			turn{in: text("1 x-3"), stage: Browse, ids: []string{"QuantityPositive"}, check: basketIs()})},
		{"negative answer to how much", then(atPrimeur(),
			turn{in: text("3"), stage: AskQuantity},
			turn{in: text("-2"), stage: AskQuantity, ids: []string{"QuantityPositive"}, check: basketIs()})},
		{"merchant negative stock", []turn{replyOnly(fromMerchant("STOCK 1 -5"), "SetStockHint")}},
	})
}
