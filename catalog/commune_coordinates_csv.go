package catalog

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// coordinatePair is one pair of latitude and longitude columns of a
// communes file.
type coordinatePair struct{ latitude, longitude string }

// coordinatePairs are the coordinate columns of a communes file, in order
// of preference.
var coordinatePairs = []coordinatePair{
	{"latitude_centre", "longitude_centre"},
	{"latitude_mairie", "longitude_mairie"},
	{"latitude", "longitude"},
}

// inseeColumn is the canonical name of the INSEE code column, and
// inseeAliases the header keys that name it.
const inseeColumn = "code_insee"

var inseeAliases = []string{"code_insee", "code_commune_insee", "insee"}

var inseeCode = regexp.MustCompile(`^([0-9]{2}|2[AB])[0-9]{3}$`)

// communePosition is the position that a line of a communes file gives to
// a commune.
type communePosition struct {
	insee               string
	latitude, longitude float64
}

// coordinateFile is the content of a communes file once checked.
type coordinateFile struct {
	positions          []communePosition // of the valid lines with coordinates
	withoutCoordinates int
}

// readCommuneCoordinates reads and checks a communes file, adding every
// invalid line to errs. The returned error is a read failure.
func readCommuneCoordinates(f *ImportFile, errs *errorList) (coordinateFile, error) {
	if f.Reader == nil {
		return coordinateFile{}, fmt.Errorf("read %s: the ImportFile has no Reader", f.Name)
	}
	reader := bufio.NewReaderSize(f.Reader, headerPeekSize)
	separator, err := readSeparator(reader)
	if err != nil {
		return coordinateFile{}, fmt.Errorf("read %s: %w", f.Name, err)
	}
	r := csv.NewReader(reader)
	r.Comma = separator
	r.FieldsPerRecord = -1

	t := &csvTable{file: f.Name, columns: map[string]int{}}
	var cf coordinateFile
	firstLines := map[string]int{} // INSEE code → first line
	headerWidth := -1
	for {
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if parseErr, ok := errors.AsType[*csv.ParseError](err); ok {
			errs.add(syntaxError(f.Name, parseErr))
			if headerWidth < 0 {
				return cf, nil // without a header no line can be read
			}
			continue
		}
		if err != nil {
			return coordinateFile{}, fmt.Errorf("read %s: %w", f.Name, err)
		}

		line, _ := r.FieldPos(0)
		if headerWidth < 0 {
			headerWidth = len(fields)
			t.complete = readCoordinateHeader(t, line, fields, errs)
			continue
		}
		if blank(fields) {
			continue
		}
		row := t.checkRow(line, fields, headerWidth, errs)
		if row.malformed || !t.complete {
			continue
		}
		c := &rowCheck{table: t, row: row, errs: errs}
		p, located := c.communePosition(firstLines)
		switch {
		case c.failed: // reported in errs
		case located:
			cf.positions = append(cf.positions, p)
		default:
			cf.withoutCoordinates++
		}
	}
	if headerWidth < 0 {
		errs.add(ImportError{File: f.Name, MessageID: msgEmptyFile})
	}
	return cf, nil
}

// headerPeekSize is how many bytes readSeparator looks at to find the
// header line: the header of communes-france-2025.csv is under 1 KB.
const headerPeekSize = 64 * 1024

// readSeparator skips the UTF-8 byte order mark if r starts with one, and
// returns ';' or ',', whichever the first line has more of: ';' when it
// has neither or as many of each.
func readSeparator(r *bufio.Reader) (rune, error) {
	if bom, err := r.Peek(len(utf8BOM)); err == nil && bytes.Equal(bom, utf8BOM) {
		if _, err := r.Discard(len(utf8BOM)); err != nil {
			return 0, err
		}
	}
	start, err := r.Peek(headerPeekSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	if i := bytes.IndexByte(start, '\n'); i >= 0 {
		start = start[:i]
	}
	if bytes.Count(start, []byte{','}) > bytes.Count(start, []byte{';'}) {
		return ',', nil
	}
	return ';', nil
}

// readCoordinateHeader maps the header's names to the columns that the
// import reads and reports repeated and missing ones. Other names are
// ignored, because the published files have dozens of columns. It reports
// whether the lines can be read.
func readCoordinateHeader(t *csvTable, line int, fields []string, errs *errorList) bool {
	known := map[string]string{} // header key → canonical name
	for _, alias := range inseeAliases {
		known[headerKey(alias)] = inseeColumn
	}
	for _, pair := range coordinatePairs {
		known[headerKey(pair.latitude)] = pair.latitude
		known[headerKey(pair.longitude)] = pair.longitude
	}
	for i, field := range fields {
		name, ok := known[headerKey(strings.TrimSpace(field))]
		if !ok {
			continue
		}
		if first, dup := t.columns[name]; dup {
			errs.add(ImportError{File: t.file, Line: line, Column: name, ColumnIndex: i + 1,
				MessageID: msgDuplicateColumn, Data: map[string]any{"Value": strings.TrimSpace(field), "FirstIndex": first + 1}})
			return false
		}
		t.columns[name] = i
	}
	return checkCoordinateColumns(t, line, errs)
}

// checkCoordinateColumns reports a missing INSEE code column, a coordinate
// pair with one column only, and a file without any coordinate pair.
func checkCoordinateColumns(t *csvTable, line int, errs *errorList) bool {
	complete := true
	if _, ok := t.columns[inseeColumn]; !ok {
		errs.add(ImportError{File: t.file, Line: line, Column: inseeColumn, MessageID: msgMissingColumn,
			Data: map[string]any{"Column": inseeColumn}})
		complete = false
	}
	pairs := 0
	for _, pair := range coordinatePairs {
		_, hasLat := t.columns[pair.latitude]
		_, hasLon := t.columns[pair.longitude]
		switch {
		case hasLat && hasLon:
			pairs++
		case hasLat || hasLon:
			missing := pair.latitude
			if hasLat {
				missing = pair.longitude
			}
			errs.add(ImportError{File: t.file, Line: line, Column: missing, MessageID: msgMissingColumn,
				Data: map[string]any{"Column": missing}})
			complete = false
		}
	}
	if pairs == 0 && complete {
		errs.add(ImportError{File: t.file, Line: line, MessageID: msgNoCoordinateColumns})
		complete = false
	}
	return complete
}

// communePosition reads the INSEE code and the first coordinate pair that
// the line fills, and reports whether it has one. Every invalid value is
// reported, also in pairs after the one used.
func (c *rowCheck) communePosition(firstLines map[string]int) (communePosition, bool) {
	p := communePosition{insee: c.insee(inseeColumn)}
	c.checkUnique(inseeColumn, p.insee, firstLines, msgDuplicateInsee)
	located := false
	for _, pair := range coordinatePairs {
		if _, ok := c.table.columns[pair.latitude]; !ok {
			continue
		}
		lat, lon := c.coordinates(pair.latitude, pair.longitude)
		if lat != nil && lon != nil && !located {
			p.latitude, p.longitude = *lat, *lon
			located = true
		}
	}
	return p, located
}

// insee returns the INSEE code of column, upper case, with a leading zero
// added to four digits, as spreadsheets drop it.
func (c *rowCheck) insee(column string) string {
	v := c.required(column)
	if v == "" {
		return ""
	}
	code := strings.ToUpper(v)
	if len(code) == 4 && isDigits(code) {
		code = "0" + code
	}
	if !inseeCode.MatchString(code) {
		c.fail(column, msgInvalidInsee, nil)
		return ""
	}
	return code
}
