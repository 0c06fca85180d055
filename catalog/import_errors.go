package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// ImportError is one invalid value, line or header of an import file.
type ImportError struct {
	File string // the ImportFile's Name
	// Line is the 1-based line where the record starts, so the header is
	// line 1 unless blank lines precede it. It is 0 for the whole file.
	Line int
	// Column is the canonical column name ("telephone"), the header text of
	// an unknown column, or empty for an error about the whole line.
	Column      string
	ColumnIndex int    // 1-based position of the column in the file, 0 when unknown
	MessageID   string // go-i18n message ID of the reason, such as "ImportInvalidPhone"
	Data        map[string]any
}

// Error formats the error in English for logs, with the message ID as the
// reason and the data sorted by key.
func (e ImportError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, " column %s (%d)", e.Column, e.ColumnIndex)
	}
	fmt.Fprintf(&b, ": %s", e.MessageID)
	keys := make([]string, 0, len(e.Data))
	for k := range e.Data {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%q", k, fmt.Sprint(e.Data[k]))
	}
	return b.String()
}

// ImportErrors is the error Import returns when any line of its files is
// invalid. Nothing was written to the database.
type ImportErrors struct {
	Errors []ImportError // in file order, then line and column order
}

// Error summarizes the errors in English for logs: their count and the
// first of them.
func (e *ImportErrors) Error() string {
	if len(e.Errors) == 0 {
		return "import: invalid files"
	}
	return fmt.Sprintf("import: %d errors in the files, nothing imported; first: %v", len(e.Errors), e.Errors[0])
}

// Localize renders each error as one sentence in the localizer's language,
// such as "commercants.csv, ligne 4, colonne telephone (4) : « 06 12 » n'est
// pas un numéro de téléphone valide.". An error whose message is missing from
// the bundle is rendered with its English Error text.
func (e *ImportErrors) Localize(l *i18n.Localizer) []string {
	out := make([]string, 0, len(e.Errors))
	for _, ie := range e.Errors {
		out = append(out, ie.localize(l))
	}
	return out
}

func (e ImportError) localize(l *i18n.Localizer) string {
	reason, err := l.Localize(&i18n.LocalizeConfig{MessageID: e.MessageID, TemplateData: e.Data})
	if err != nil {
		return e.Error()
	}
	data := map[string]any{
		"File": e.File, "Line": e.Line, "Column": e.Column, "ColumnIndex": e.ColumnIndex, "Reason": reason,
	}
	id := msgErrorInFile
	switch {
	case e.Line > 0 && e.Column != "" && e.ColumnIndex > 0:
		id = msgErrorAtColumn
	case e.Line > 0:
		id = msgErrorAtLine
	}
	text, err := l.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil {
		return e.Error()
	}
	return text
}

// errorList collects the errors of one import.
type errorList struct {
	errors []ImportError
	order  map[string]int // file name → position of the file in the import
}

// newErrorList returns an empty list whose errors sort in the order of files.
func newErrorList(files ...string) *errorList {
	l := &errorList{order: map[string]int{}}
	for i, name := range files {
		l.order[name] = i
	}
	return l
}

func (l *errorList) add(e ImportError) {
	l.errors = append(l.errors, e)
}

// err returns the collected errors sorted by file, line and column, or nil
// when there are none.
func (l *errorList) err() error {
	if len(l.errors) == 0 {
		return nil
	}
	slices.SortStableFunc(l.errors, func(a, b ImportError) int {
		return cmp.Or(
			cmp.Compare(l.order[a.File], l.order[b.File]),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.ColumnIndex, b.ColumnIndex),
		)
	})
	return &ImportErrors{Errors: l.errors}
}
