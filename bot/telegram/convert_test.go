package telegram

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/drivelocal/drivelocal/bot"
)

func readUpdate(t *testing.T, name string) tgbotapi.Update {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read test update: %v", err)
	}
	var u tgbotapi.Update
	if err := json.Unmarshal(raw, &u); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return u
}

func TestToInboundConvertsUpdates(t *testing.T) {
	cases := []struct {
		file string
		want bot.Inbound
	}{
		{
			file: "text_message.json",
			want: bot.Inbound{Channel: bot.Telegram, Address: "512345678", ProviderID: "851793506",
				Text: "Bonjour, je voudrais 2 baguettes", FirstName: "Camille"},
		},
		{
			file: "callback_query.json",
			want: bot.Inbound{Channel: bot.Telegram, Address: "512345678", ProviderID: "851793507",
				Data: "fulfilment:drive", FirstName: "Camille"},
		},
		{
			file: "location.json",
			want: bot.Inbound{Channel: bot.Telegram, Address: "512345678", ProviderID: "851793508",
				Location: &bot.Location{Latitude: 45.764043, Longitude: 4.835659}, FirstName: "Camille"},
		},
		{
			file: "sticker.json",
			want: bot.Inbound{Channel: bot.Telegram, Address: "512345678", ProviderID: "851793509",
				FirstName: "Camille"},
		},
		{
			file: "group_message.json",
			want: bot.Inbound{Channel: bot.Telegram, Address: "-1001234567890", ProviderID: "851793512",
				Text: "Commande pour samedi", FirstName: "Camille"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			got, ok := toInbound(readUpdate(t, tc.file))
			if !ok {
				t.Fatalf("toInbound reported the update as unusable")
			}
			assertInbound(t, got, tc.want)
		})
	}
}

func TestToInboundSkipsUpdatesWithoutChat(t *testing.T) {
	for _, file := range []string{"edited_message.json", "inline_callback_query.json"} {
		t.Run(file, func(t *testing.T) {
			if in, ok := toInbound(readUpdate(t, file)); ok {
				t.Errorf("toInbound returned %+v, want the update skipped", in)
			}
		})
	}
}

func assertInbound(t *testing.T, got, want bot.Inbound) {
	t.Helper()
	if got.Channel != want.Channel {
		t.Errorf("Channel = %q, want %q", got.Channel, want.Channel)
	}
	if got.Address != want.Address {
		t.Errorf("Address = %q, want %q", got.Address, want.Address)
	}
	if got.ProviderID != want.ProviderID {
		t.Errorf("ProviderID = %q, want %q", got.ProviderID, want.ProviderID)
	}
	if got.Text != want.Text {
		t.Errorf("Text = %q, want %q", got.Text, want.Text)
	}
	if got.Data != want.Data {
		t.Errorf("Data = %q, want %q", got.Data, want.Data)
	}
	if got.FirstName != want.FirstName {
		t.Errorf("FirstName = %q, want %q", got.FirstName, want.FirstName)
	}
	switch {
	case got.Location == nil && want.Location != nil:
		t.Errorf("Location = nil, want %+v", *want.Location)
	case got.Location != nil && want.Location == nil:
		t.Errorf("Location = %+v, want nil", *got.Location)
	case got.Location != nil && *got.Location != *want.Location:
		t.Errorf("Location = %+v, want %+v", *got.Location, *want.Location)
	}
}
