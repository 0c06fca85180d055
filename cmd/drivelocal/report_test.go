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
	// The report and the merchants' COMMANDES share the status names,
	// split between the two files.
	for _, lang := range []string{"fr", "en"} {
		messages := map[string]string{}
		for _, topic := range []string{"cli", "merchant"} {
			raw, err := os.ReadFile("../../locales/" + topic + "." + lang + ".toml")
			if err != nil {
				t.Fatal(err)
			}
			if err := toml.Unmarshal(raw, &messages); err != nil {
				t.Fatalf("decode %s.%s.toml: %v", topic, lang, err)
			}
		}
		for _, s := range statuses {
			if strings.TrimSpace(messages["Status_"+string(s)]) == "" {
				t.Errorf("locales %s have no Status_%s", lang, s)
			}
		}
	}
}
