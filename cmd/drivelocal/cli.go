package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/drivelocal/drivelocal/locales"
)

// cli holds what every subcommand prints with: the standard streams and
// the localizer of the operator's language (French unless LANG says
// English).
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	loc            *i18n.Localizer
	bundle         *i18n.Bundle
}

func newCLI(stdin io.Reader, stdout, stderr io.Writer) *cli {
	bundle := locales.MustBundle()
	lang := "fr"
	if strings.HasPrefix(os.Getenv("LANG"), "en") {
		lang = "en"
	}
	return &cli{stdin: stdin, stdout: stdout, stderr: stderr, bundle: bundle, loc: i18n.NewLocalizer(bundle, lang, "fr")}
}

// text localizes a CLI message.
func (c *cli) text(id string, data map[string]any) string {
	s, err := c.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return id
	}
	return s
}

func (c *cli) printf(id string, data map[string]any) {
	fmt.Fprintln(c.stdout, c.text(id, data))
}

func (c *cli) usage() {
	fmt.Fprintln(c.stderr, c.text("CLIUsage", nil))
}

// userError is an error whose text is already localized for the operator.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func (c *cli) fail(id string, data map[string]any) error {
	return &userError{msg: c.text(id, data)}
}

// describe turns an error into what the operator reads.
func (c *cli) describe(err error) string {
	var ue *userError
	if errors.As(err, &ue) {
		return ue.msg
	}
	return c.text("CLIFailed", map[string]any{"Error": err.Error()})
}

// flags returns a flag set whose errors and help go to stderr.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	return fs
}

// logger returns the logger of long-running commands: text on stderr, at
// the level LOG_LEVEL names (debug, info, warn, error; default info).
func (c *cli) logger() *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(os.Getenv("LOG_LEVEL"))); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: level}))
}
