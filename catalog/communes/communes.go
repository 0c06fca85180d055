// Package communes embeds the reference list of French communes: every
// current commune with its INSEE code, postal codes, département,
// intercommunality (EPCI) and population. scripts/communes/generate.mjs
// generates communes.tsv.gz from the npm package
// @etalab/decoupage-administratif, and its README gives the commands to
// rerun it.
//
// The package only reads the file. postgres.LoadCommunes writes it to the
// database, and the catalog package queries it there.
package communes

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

//go:embed communes.tsv.gz
var data []byte

// Commune is one line of the reference file.
type Commune struct {
	Insee       string // "13022", "2A004"
	Name        string // official name, "L'Haÿ-les-Roses"
	NameFolded  string // Name as catalog.Fold returns it, "l hay les roses"
	Departement string // "13", "2A", "974"
	EpciCode    string // SIREN code of the intercommunality, "" when none
	EpciName    string // "Métropole d'Aix-Marseille-Provence", "" when none
	Population  *int   // legal population, nil when unknown
	PostalCodes []string
}

// columns are the header names of the file, in order.
var columns = []string{"insee", "name", "name_folded", "departement", "epci_code", "epci_name", "population", "postal_codes"}

var (
	inseeCode  = regexp.MustCompile(`^([0-9]{2}|2[AB])[0-9]{3}$`)
	postalCode = regexp.MustCompile(`^[0-9]{5}$`)
)

// Checksum returns the SHA-256 of the embedded file in hexadecimal, so that
// a loader can tell whether the database already holds this version.
func Checksum() string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// Size returns the size of the embedded file in bytes, compressed.
func Size() int { return len(data) }

// All parses the embedded file and returns its communes in INSEE code
// order.
func All() ([]Commune, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read communes.tsv.gz: %w", err)
	}
	defer zr.Close()
	return parse(zr)
}

// parse reads the uncompressed file: "#" comment lines, the header, then
// one commune per line.
func parse(r io.Reader) ([]Commune, error) {
	scanner := bufio.NewScanner(r)
	var communes []Commune
	header := false
	line := 0
	for scanner.Scan() {
		line++
		text := scanner.Text()
		if strings.HasPrefix(text, "#") || text == "" {
			continue
		}
		fields := strings.Split(text, "\t")
		if !header {
			if strings.Join(fields, ",") != strings.Join(columns, ",") {
				return nil, fmt.Errorf("read communes.tsv.gz: header %q, want %q", fields, columns)
			}
			header = true
			continue
		}
		c, err := parseLine(fields)
		if err != nil {
			return nil, fmt.Errorf("read communes.tsv.gz line %d: %w", line, err)
		}
		communes = append(communes, c)
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("read communes.tsv.gz: %w", err)
	}
	if !header {
		return nil, fmt.Errorf("read communes.tsv.gz: no header")
	}
	return communes, nil
}

func parseLine(fields []string) (Commune, error) {
	if len(fields) != len(columns) {
		return Commune{}, fmt.Errorf("%d fields, want %d", len(fields), len(columns))
	}
	c := Commune{
		Insee: fields[0], Name: fields[1], NameFolded: fields[2], Departement: fields[3],
		EpciCode: fields[4], EpciName: fields[5],
	}
	if !inseeCode.MatchString(c.Insee) {
		return Commune{}, fmt.Errorf("invalid INSEE code %q", c.Insee)
	}
	if c.Name == "" || c.NameFolded == "" || c.Departement == "" {
		return Commune{}, fmt.Errorf("commune %s: missing name or département", c.Insee)
	}
	if fields[6] != "" {
		population, err := strconv.Atoi(fields[6])
		if err != nil || population < 0 {
			return Commune{}, fmt.Errorf("commune %s: invalid population %q", c.Insee, fields[6])
		}
		c.Population = &population
	}
	if fields[7] != "" {
		c.PostalCodes = strings.Split(fields[7], " ")
	}
	for _, code := range c.PostalCodes {
		if !postalCode.MatchString(code) {
			return Commune{}, fmt.Errorf("commune %s: invalid postal code %q", c.Insee, code)
		}
	}
	return c, nil
}
