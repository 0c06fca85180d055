package llm

import (
	"bytes"
	"log/slog"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/llm/llmtest"
)

// demoProducts returns products taken from catalog/demo/produits.csv,
// numbered 1 to 6 in the prompt.
func demoProducts() []catalog.Product {
	return []catalog.Product{
		{ID: 101, MerchantID: 1, Ref: "tomates-coeur-de-boeuf", Name: "Tomates cœur de bœuf", PriceCents: 490, Unit: "kg", Stock: 12500},
		{ID: 102, MerchantID: 1, Ref: "courgettes", Name: "Courgettes", PriceCents: 280, Unit: "kg", Stock: 8000},
		{ID: 105, MerchantID: 1, Ref: "melon", Name: "Melon charentais", PriceCents: 350, Unit: "pièce", Stock: 14000},
		{ID: 108, MerchantID: 1, Ref: "tresse-ail", Name: "Tresse d'ail", PriceCents: 650, Unit: "pièce", Stock: 1000},
		{ID: 115, MerchantID: 1, Ref: "navettes", Name: "Navettes à la fleur d'oranger", PriceCents: 950, Unit: "douzaine", Stock: 6000},
		{ID: 120, MerchantID: 1, Ref: "huile-olive", Name: "Huile d'olive vierge extra", PriceCents: 1800, Unit: "l", Stock: 20000},
	}
}

// newTestReader returns a Reader for fake, with a timeout of one second
// and its logs in the returned buffer as JSON lines.
func newTestReader(t *testing.T, fake *llmtest.Server) (*Reader, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	cfg := Config{APIKey: fake.APIKey, BaseURL: fake.URL, Model: "test-model", Timeout: time.Second}
	return New(cfg, logger), &logs
}
