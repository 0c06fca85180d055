package conversation

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// usedMessageIDs returns the ids of every T("...") call in the package's
// non-test files.
func usedMessageIDs(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			if fn, ok := call.Fun.(*ast.Ident); !ok || fn.Name != "T" {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: T called with a non-literal id", fset.Position(call.Pos()))
				return true
			}
			id, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			seen[id] = true
			return true
		})
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func loadMessages(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	messages := map[string]string{}
	if _, err := toml.Decode(string(data), &messages); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	return messages
}

func TestLocalesHaveUsedIDs(t *testing.T) {
	used := usedMessageIDs(t)
	if len(used) < 40 {
		t.Fatalf("found %d message ids in the package, want at least 40: is the T(...) scan broken?", len(used))
	}
	// The conversation's messages are split by topic, one file per topic
	// and language: bot (customers), words (orders in words), merchant.
	for _, lang := range []string{"fr", "en"} {
		messages := map[string]string{}
		for _, topic := range []string{"bot", "words", "merchant"} {
			for id, text := range loadMessages(t, "../locales/"+topic+"."+lang+".toml") {
				messages[id] = text
			}
		}
		for _, id := range used {
			if _, ok := messages[id]; !ok {
				t.Errorf("locales %s: message %q is used but missing", lang, id)
			}
		}
	}
}
