package catalog

import (
	"strings"
	"unicode/utf8"
)

// headerKey folds a column name so that "Code postal", "code_postal" and
// "CODE POSTAL" compare equal, and "Téléphone" equals "telephone".
func headerKey(name string) string {
	return strings.ReplaceAll(Fold(name), " ", "")
}

// readHeader maps the header's names to the columns and reports unknown,
// repeated and missing columns. Unnamed header fields, such as those of
// trailing separators, are ignored. An unknown name is an error because it
// is most often a misspelt optional column, which would be silently ignored.
func (t *csvTable) readHeader(line int, fields []string, columns []csvColumn, errs *errorList) {
	if len(fields) == 1 && strings.ContainsAny(fields[0], ",\t") {
		errs.add(ImportError{File: t.file, Line: line, MessageID: msgWrongSeparator})
		return
	}

	known := map[string]string{} // header key → canonical name
	names := make([]string, 0, len(columns))
	for _, c := range columns {
		known[headerKey(c.name)] = c.name
		names = append(names, c.name)
	}
	expected := strings.Join(names, ";")
	for i, field := range fields {
		t.mapHeaderField(line, i, field, known, expected, errs)
	}

	t.complete = true
	for _, c := range columns {
		if _, ok := t.columns[c.name]; ok || c.optional {
			continue
		}
		t.complete = false
		errs.add(ImportError{File: t.file, Line: line, Column: c.name, MessageID: msgMissingColumn,
			Data: map[string]any{"Column": c.name}})
	}
}

func (t *csvTable) mapHeaderField(line, index int, field string, known map[string]string, expected string, errs *errorList) {
	field = strings.TrimSpace(field)
	if !utf8.ValidString(field) {
		errs.add(ImportError{File: t.file, Line: line, MessageID: msgNotUTF8})
		return
	}
	if field == "" {
		return
	}
	name, ok := known[headerKey(field)]
	if !ok {
		errs.add(ImportError{File: t.file, Line: line, Column: field, ColumnIndex: index + 1,
			MessageID: msgUnknownColumn, Data: map[string]any{"Value": field, "Expected": expected}})
		return
	}
	if first, dup := t.columns[name]; dup {
		errs.add(ImportError{File: t.file, Line: line, Column: name, ColumnIndex: index + 1,
			MessageID: msgDuplicateColumn, Data: map[string]any{"Value": field, "FirstIndex": first + 1}})
		return
	}
	t.columns[name] = index
}
