package llm

import (
	"testing"
)

func TestParseOutputAccepts(t *testing.T) {
	tests := map[string]string{
		"bare object":       `{"lines":[{"product":1,"quantity":2}],"refused":false}`,
		"json fence":        "```json\n{\"lines\":[{\"product\":1,\"quantity\":2}],\"refused\":false}\n```",
		"plain fence":       "```\n{\"lines\":[{\"product\":1,\"quantity\":2}]}\n```",
		"prose around":      "Voici la commande :\n{\"lines\":[{\"product\":1,\"quantity\":2}]}\nBon appétit !",
		"think block":       "<think>Le client veut {tomates}.</think>\n{\"lines\":[{\"product\":1,\"quantity\":2}]}",
		"without refused":   `{"lines":[{"product":1,"quantity":2}]}`,
		"surrounding space": "\n  {\"lines\":[{\"product\":1,\"quantity\":2}],\"refused\":false}  \n",
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			a, err := parseOutput(content)
			if err != nil {
				t.Fatalf("parseOutput: %v", err)
			}

			if a.refused() {
				t.Error("refused() = true, want false")
			}
			if a.Lines == nil || len(*a.Lines) != 1 {
				t.Fatalf("lines = %v, want 1", a.Lines)
			}
			if got := string((*a.Lines)[0].Product); got != "1" {
				t.Errorf("product = %s, want 1", got)
			}
		})
	}
}

func TestParseOutputRefusals(t *testing.T) {
	tests := map[string]string{
		"refused true":       `{"lines":[],"refused":true}`,
		"refused only":       `{"refused":true}`,
		"empty lines":        `{"lines":[],"refused":false}`,
		"null lines":         `{"lines":null,"refused":false}`,
		"refused with lines": `{"lines":[{"product":1,"quantity":2}],"refused":true}`,
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			a, err := parseOutput(content)
			if err != nil {
				t.Fatalf("parseOutput: %v", err)
			}

			if !a.refused() {
				t.Error("refused() = false, want true")
			}
		})
	}
}

func TestParseOutputRejects(t *testing.T) {
	tests := map[string]string{
		"empty":            "",
		"prose":            "Désolé, je n'ai pas compris.",
		"truncated":        `{"lines":[{"product":1,"quantity":`,
		"array":            `[{"product":1,"quantity":2}]`,
		"other fields":     `{"order":[{"product":1,"quantity":2}]}`,
		"lines not a list": `{"lines":"tomates"}`,
		"refused a string": `{"lines":[],"refused":"yes"}`,
		"two objects":      `{"lines":[]} {"refused":true}`,
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := parseOutput(content); err == nil {
				t.Errorf("parseOutput(%q) = nil error, want one", content)
			}
		})
	}
}
