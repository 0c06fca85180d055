package nlu

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
)

// corpusEntry is one line of testdata/corpus.tsv; its header describes the
// columns.
type corpusEntry struct {
	line     int
	kind     string
	message  string
	expected string
}

func loadCorpus(t testing.TB) []corpusEntry {
	t.Helper()
	f, err := os.Open("testdata/corpus.tsv")
	if err != nil {
		t.Fatalf("open corpus: %v", err)
	}
	defer f.Close()

	var entries []corpusEntry
	scanner := bufio.NewScanner(f)
	for n := 1; scanner.Scan(); n++ {
		text := scanner.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 {
			t.Fatalf("corpus line %d: got %d tab-separated fields, want 3", n, len(fields))
		}
		message := strings.ReplaceAll(fields[1], `\n`, "\n")
		entries = append(entries, corpusEntry{line: n, kind: fields[0], message: message, expected: fields[2]})
	}
	if err := scanner.Err(); err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	return entries
}

// wholeUnitsByCatalog is the rule of the catalog package: only weighed
// products are sold in fractions.
var wholeUnitsByCatalog = Options{WholeUnitsOnly: func(p catalog.Product) bool { return !p.Weighed() }}

// readCorpusEntry parses the message of e and renders the reading in the
// corpus's expected form.
func readCorpusEntry(t testing.TB, e corpusEntry) string {
	switch e.kind {
	case "order":
		return describeReading(ParseOrder(e.message, testProducts), e.expected)
	case "order-whole":
		return describeReading(wholeUnitsByCatalog.ParseOrder(e.message, testProducts), e.expected)
	case "merchant":
		return describeReply(ParseMerchantReply(e.message))
	}
	t.Fatalf("corpus line %d: unknown kind %q", e.line, e.kind)
	return ""
}

// describeReading renders r as the corpus does. "empty" and "inquiry" are
// rendered only when expected is that word and r satisfies it, so that
// any other reading shows its lines.
func describeReading(r Reading, expected string) string {
	if expected == "inquiry" && r.Inquiry && !hasUnderstood(r) {
		return "inquiry"
	}
	if len(r.Lines) == 0 && !r.Inquiry {
		return "empty"
	}
	var lines []string
	for _, l := range r.Lines {
		lines = append(lines, describeLine(l))
	}
	if r.Inquiry {
		lines = append(lines, "(inquiry)")
	}
	return strings.Join(lines, " | ")
}

func hasUnderstood(r Reading) bool {
	for _, l := range r.Lines {
		if l.Status == Understood {
			return true
		}
	}
	return false
}

func describeLine(l Line) string {
	product := "-"
	switch {
	case l.Status == NumberOutOfRange:
		product = "#" + strconv.Itoa(l.Number)
	case l.Product.Ref != "":
		product = l.Product.Ref
	case len(l.Candidates) > 0:
		var refs []string
		for _, c := range l.Candidates {
			refs = append(refs, c.Ref)
		}
		product = strings.Join(refs, "/")
	}
	quantity := "-"
	if l.Quantity != 0 {
		quantity = strconv.Itoa(int(l.Quantity))
	}
	return product + " " + quantity + " " + string(l.Status)
}

func describeReply(r MerchantReply) string {
	switch r.Action {
	case Accept:
		return "accept " + r.Ref
	case Refuse:
		return strings.TrimSpace("refuse " + r.Ref + " " + r.Reason)
	case Ambiguous:
		return "ambiguous " + string(r.Ambiguity)
	}
	return string(r.Action)
}

func TestCorpusAccuracy(t *testing.T) {
	entries := loadCorpus(t)
	if len(entries) < 300 {
		t.Errorf("corpus has %d messages, want at least 300", len(entries))
	}
	passed := 0
	for _, e := range entries {
		got := readCorpusEntry(t, e)
		if got == e.expected {
			passed++
			continue
		}
		t.Errorf("corpus line %d (%s) %q:\n got  %s\n want %s", e.line, e.kind, e.message, got, e.expected)
	}
	accuracy := 100 * float64(passed) / float64(len(entries))
	t.Logf("corpus accuracy: %d/%d messages = %.1f%%", passed, len(entries), accuracy)
	if passed < len(entries) {
		t.Errorf("corpus accuracy is %.1f%%, want 100%%", accuracy)
	}
}
