package catalog

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// csvSeparator is the field separator of French spreadsheet exports, which
// use the comma as decimal separator.
const csvSeparator = ';'

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// csvColumn is one column that an import file may have.
type csvColumn struct {
	name     string // canonical name, as documented ("code_postal")
	optional bool
}

// csvTable is an import file split into its header and data rows.
type csvTable struct {
	file     string
	columns  map[string]int // canonical name → 0-based field index
	complete bool           // every required column is present
	rows     []csvRow
}

// csvRow is one data line of an import file.
type csvRow struct {
	line      int // 1-based physical line where the record starts
	fields    []string
	malformed bool // wrong field count or invalid UTF-8, already reported
}

// value returns the trimmed field of the row in the column, or "" when the
// file lacks the column.
func (t *csvTable) value(r csvRow, column string) string {
	i, ok := t.columns[column]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// errorAt returns the error of the row's value in the column.
func (t *csvTable) errorAt(r csvRow, column, messageID string, data map[string]any) ImportError {
	index := 0
	if i, ok := t.columns[column]; ok {
		index = i + 1
	}
	return ImportError{File: t.file, Line: r.line, Column: column, ColumnIndex: index, MessageID: messageID, Data: data}
}

// readTable reads an import file: UTF-8 with or without a byte order mark,
// fields separated by ';' and quoted with '"' when needed, CRLF or LF line
// ends. The first non-empty line is the header, whose names match the
// columns whatever their case, accents and spaces. Invalid lines are added to
// errs and kept as malformed rows. The returned error is a read failure.
func readTable(f *ImportFile, columns []csvColumn, errs *errorList) (*csvTable, error) {
	t := &csvTable{file: f.Name, columns: map[string]int{}}
	if f.Reader == nil {
		return nil, fmt.Errorf("read %s: the ImportFile has no Reader", f.Name)
	}
	reader, err := skipBOM(f.Reader)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Name, err)
	}
	r := csv.NewReader(reader)
	r.Comma = csvSeparator
	r.FieldsPerRecord = -1

	headerWidth := -1
	for {
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var parseErr *csv.ParseError
		if errors.As(err, &parseErr) {
			errs.add(syntaxError(f.Name, parseErr))
			if headerWidth < 0 {
				return t, nil // without a header no line can be read
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.Name, err)
		}

		line, _ := r.FieldPos(0)
		if headerWidth < 0 {
			headerWidth = len(fields)
			t.readHeader(line, fields, columns, errs)
			continue
		}
		if blank(fields) {
			continue
		}
		t.rows = append(t.rows, t.checkRow(line, fields, headerWidth, errs))
	}
	if headerWidth < 0 {
		errs.add(ImportError{File: f.Name, MessageID: msgEmptyFile})
	}
	return t, nil
}

func skipBOM(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	start, err := br.Peek(len(utf8BOM))
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if bytes.Equal(start, utf8BOM) {
		if _, err := br.Discard(len(utf8BOM)); err != nil {
			return nil, err
		}
	}
	return br, nil
}

func syntaxError(file string, e *csv.ParseError) ImportError {
	id := msgUnclosedQuote
	if errors.Is(e.Err, csv.ErrBareQuote) {
		id = msgBareQuote
	}
	return ImportError{File: file, Line: e.StartLine, MessageID: id}
}

// blank reports whether every field is empty, as in the ";;;;" lines that
// spreadsheets export below the data.
func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// checkRow checks the field count and encoding of a data line. A line may
// have more fields than the header if the extra ones are empty.
func (t *csvTable) checkRow(line int, fields []string, headerWidth int, errs *errorList) csvRow {
	row := csvRow{line: line, fields: fields}
	if len(fields) < headerWidth || !blank(fields[min(headerWidth, len(fields)):]) {
		errs.add(ImportError{File: t.file, Line: line, MessageID: msgWrongFieldCount,
			Data: map[string]any{"Count": len(fields), "Expected": headerWidth}})
		row.malformed = true
	}
	for i, field := range fields {
		if !utf8.ValidString(field) {
			errs.add(ImportError{File: t.file, Line: line, Column: t.columnName(i), ColumnIndex: i + 1,
				MessageID: msgNotUTF8})
			row.malformed = true
		}
	}
	return row
}

// columnName returns the canonical name of the column at the 0-based field
// index, or its position as text when the header does not name it.
func (t *csvTable) columnName(index int) string {
	for name, i := range t.columns {
		if i == index {
			return name
		}
	}
	return fmt.Sprint(index + 1)
}
