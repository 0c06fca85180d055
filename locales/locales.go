// Package locales embeds the message files of every user-facing text, one
// TOML file per topic and language (bot.fr.toml, bot.en.toml, ...), and
// loads them into a go-i18n bundle. French is the default language.
package locales

import (
	"embed"
	"fmt"
	"io/fs"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed *.toml
var files embed.FS

// Default is the language used when none is chosen.
var Default = language.French

// Bundle loads every embedded message file.
func Bundle() (*i18n.Bundle, error) {
	bundle := i18n.NewBundle(Default)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(files, "*.toml")
	if err != nil {
		return nil, fmt.Errorf("load locales: %w", err)
	}
	for _, name := range names {
		if _, err := bundle.LoadMessageFileFS(files, name); err != nil {
			return nil, fmt.Errorf("load locales: %w", err)
		}
	}
	return bundle, nil
}

// MustBundle is Bundle for callers that cannot go on without messages: the
// files are embedded, so an error is a defect caught by the tests.
func MustBundle() *i18n.Bundle {
	b, err := Bundle()
	if err != nil {
		panic(err)
	}
	return b
}
