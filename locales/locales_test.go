package locales

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestBundleLoads checks that every file parses as go-i18n reads it.
func TestBundleLoads(t *testing.T) {
	if _, err := Bundle(); err != nil {
		t.Fatal(err)
	}
}

// TestIDsUniqueAcrossFiles checks that no message id is defined in two
// files of one language: the bundle would keep whichever loads last.
func TestIDsUniqueAcrossFiles(t *testing.T) {
	names, err := fs.Glob(files, "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for _, name := range names {
		lang := strings.Split(name, ".")[1]
		raw, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		var messages map[string]any
		if err := toml.Unmarshal(raw, &messages); err != nil {
			t.Fatalf("decode %s: %v", name, err)
		}
		for id := range messages {
			key := lang + "/" + id
			if other, dup := owner[key]; dup {
				t.Errorf("message %s is defined in %s and %s", id, other, name)
			}
			owner[key] = name
		}
	}
}

// TestLanguagesHaveSameIDs checks that each French file has an English
// twin with the same ids.
func TestLanguagesHaveSameIDs(t *testing.T) {
	names, err := fs.Glob(files, "*.fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, fr := range names {
		en := strings.TrimSuffix(fr, ".fr.toml") + ".en.toml"
		frIDs, enIDs := ids(t, fr), ids(t, en)
		for id := range frIDs {
			if !enIDs[id] {
				t.Errorf("%s has %s, %s does not", fr, id, en)
			}
		}
		for id := range enIDs {
			if !frIDs[id] {
				t.Errorf("%s has %s, %s does not", en, id, fr)
			}
		}
	}
}

func ids(t *testing.T, name string) map[string]bool {
	t.Helper()
	raw, err := fs.ReadFile(files, name)
	if err != nil {
		t.Fatal(err)
	}
	var messages map[string]any
	if err := toml.Unmarshal(raw, &messages); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	out := map[string]bool{}
	for id := range messages {
		out[id] = true
	}
	return out
}
