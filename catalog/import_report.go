package catalog

import (
	"fmt"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// String formats the report in English for logs.
func (r ImportReport) String() string {
	return fmt.Sprintf("%d merchants (%d created, %d updated) and %d products (%d created, %d updated) imported",
		r.Merchants(), r.MerchantsCreated, r.MerchantsUpdated, r.Products(), r.ProductsCreated, r.ProductsUpdated)
}

// Localize formats the report as one sentence in the localizer's language,
// such as "12 commerçants (10 créés, 2 mis à jour) et 96 produits (96 créés,
// 0 mis à jour) importés.". It falls back to String when a message is
// missing from the bundle.
func (r ImportReport) Localize(l *i18n.Localizer) string {
	merchants, err := countWithDetails(l, msgMerchants, r.MerchantsCreated, r.MerchantsUpdated)
	if err != nil {
		return r.String()
	}
	products, err := countWithDetails(l, msgProducts, r.ProductsCreated, r.ProductsUpdated)
	if err != nil {
		return r.String()
	}
	text, err := l.Localize(&i18n.LocalizeConfig{MessageID: msgSummary,
		TemplateData: map[string]any{"Merchants": merchants, "Products": products}})
	if err != nil {
		return r.String()
	}
	return text
}

// countWithDetails renders "12 commerçants (10 créés, 2 mis à jour)" with
// the plural forms of the language.
func countWithDetails(l *i18n.Localizer, messageID string, created, updated int) (string, error) {
	createdText, err := plural(l, msgCreated, created, nil)
	if err != nil {
		return "", err
	}
	updatedText, err := plural(l, msgUpdated, updated, nil)
	if err != nil {
		return "", err
	}
	return plural(l, messageID, created+updated, map[string]any{"Created": createdText, "Updated": updatedText})
}

func plural(l *i18n.Localizer, messageID string, count int, data map[string]any) (string, error) {
	if data == nil {
		data = map[string]any{}
	}
	data["Count"] = count
	return l.Localize(&i18n.LocalizeConfig{MessageID: messageID, PluralCount: count, TemplateData: data})
}
