package conversation

import "testing"

func TestMerchantLocalesSameIDs(t *testing.T) {
	fr := loadMessages(t, "../locales/merchant.fr.toml")
	en := loadMessages(t, "../locales/merchant.en.toml")
	for id := range fr {
		if _, ok := en[id]; !ok {
			t.Errorf("merchant.en.toml: message %q of merchant.fr.toml is missing", id)
		}
	}
	for id := range en {
		if _, ok := fr[id]; !ok {
			t.Errorf("merchant.fr.toml: message %q of merchant.en.toml is missing", id)
		}
	}
}

func TestMerchantLocalesDistinctFromBot(t *testing.T) {
	bot := loadMessages(t, "../locales/bot.fr.toml")
	for id := range loadMessages(t, "../locales/merchant.fr.toml") {
		if _, ok := bot[id]; ok {
			t.Errorf("message %q is in both bot.fr.toml and merchant.fr.toml", id)
		}
	}
}
