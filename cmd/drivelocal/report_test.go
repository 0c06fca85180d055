package main

import (
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/drivelocal/drivelocal/order"
)

func TestReportNamesEveryStatus(t *testing.T) {
	statuses := []order.Status{order.Pending, order.Proposed, order.Accepted, order.Ready,
		order.Collected, order.Delivered, order.Refused, order.Cancelled, order.Expired}
	for _, lang := range []string{"fr", "en"} {
		raw, err := os.ReadFile("../../locales/cli." + lang + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		var messages map[string]string
		if err := toml.Unmarshal(raw, &messages); err != nil {
			t.Fatalf("decode cli.%s.toml: %v", lang, err)
		}
		for _, s := range statuses {
			if strings.TrimSpace(messages["Status_"+string(s)]) == "" {
				t.Errorf("cli.%s.toml has no Status_%s", lang, s)
			}
		}
	}
}
