package conversation

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Paris even where the system has no zone database

	"github.com/drivelocal/drivelocal/catalog"
)

// command is a merchant's one-line command: its verb, folded ("stock"),
// and the words after it, as written and folded one by one.
type command struct {
	verb   string
	words  []string
	folded []string
}

// parseCommand splits text into a command. Punctuation around words is
// kept in words and dropped in folded, so "tomates," folds to "tomates".
func parseCommand(text string) command {
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return command{}
	}
	c := command{verb: catalog.Fold(fields[0]), words: fields[1:]}
	c.folded = make([]string, len(c.words))
	for i, w := range c.words {
		c.folded[i] = catalog.Fold(w)
	}
	return c
}

// rest returns the words from i on, as written, joined by spaces.
func (c command) rest(i int) string {
	if i >= len(c.words) {
		return ""
	}
	return strings.Join(c.words[i:], " ")
}

// orderRef matches an order reference: 3 to 6 letters or digits with at
// least one digit, as order.newRef draws them, so that "ok merci" is not
// read as a reference.
var orderRef = regexp.MustCompile(`^[a-z0-9]{3,6}$`)

// ref returns the folded word i in upper case when it reads as an order
// reference.
func (c command) ref(i int) (string, bool) {
	if i >= len(c.folded) {
		return "", false
	}
	w := c.folded[i]
	if !orderRef.MatchString(w) || !strings.ContainsAny(w, "0123456789") {
		return "", false
	}
	return strings.ToUpper(w), true
}

// price reads a price in euros as merchants write it: "3,50", "3.50",
// "3", "3,50€", "3,50eur", "3€50". It returns cents.
var priceText = regexp.MustCompile(`^(\d{1,5})(?:[.,€](\d{1,2}))?(?:€|eur|euro|euros)?$`)

func parsePrice(word string) (int64, bool) {
	m := priceText.FindStringSubmatch(strings.ToLower(strings.TrimSpace(word)))
	if m == nil {
		return 0, false
	}
	euros, _ := strconv.ParseInt(m[1], 10, 64)
	cents := int64(0)
	if m[2] != "" {
		cents, _ = strconv.ParseInt((m[2] + "0")[:2], 10, 64)
	}
	return euros*100 + cents, true
}

// amount reads word i as a quantity. It reads the word as written, not
// folded, because folding turns "-5" into "5".
func (c command) amount(i int) (catalog.Quantity, bool) {
	if i < 0 || i >= len(c.words) {
		return 0, false
	}
	return parseAmount(strings.TrimRight(c.words[i], ".!;"))
}

// parseAmount reads a quantity: "15", "0,46", "1.5".
func parseAmount(word string) (catalog.Quantity, bool) {
	if !regexp.MustCompile(`^\d+(?:[.,]\d{1,3})?$`).MatchString(word) {
		return 0, false
	}
	q, err := catalog.ParseQuantity(word)
	return q, err == nil
}

// clockTime reads a time of day: "19h", "19h30", "19 h 30", "19:30", "19".
// It returns minutes after midnight.
var clockText = regexp.MustCompile(`^(\d{1,2})\s*(?:(?:h|:)\s*(\d{2})?)?$`)

func parseClock(text string) (int, bool) {
	m := clockText.FindStringSubmatch(strings.ToLower(strings.TrimSpace(text)))
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	min := 0
	if m[2] != "" {
		min, _ = strconv.Atoi(m[2])
	}
	if h > 23 || min > 59 {
		return 0, false
	}
	return h*60 + min, true
}

// dayText matches a day written "15/08", "15/08/2026", "15.08" or "15-08".
var dayText = regexp.MustCompile(`(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?`)

// parseDay reads the first day in text. Without a year it is the next
// such day from today, today included. It reports false for an invalid
// day, or a day before today.
func parseDay(text string, today time.Time) (time.Time, bool) {
	m := dayText.FindStringSubmatch(text)
	if m == nil {
		return time.Time{}, false
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	year := today.Year()
	if m[3] != "" {
		year, _ = strconv.Atoi(m[3])
		if year < 100 {
			year += 2000
		}
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day || int(d.Month()) != month {
		return time.Time{}, false // 31/02 and the like
	}
	start := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	if d.Before(start) && m[3] == "" {
		d = d.AddDate(1, 0, 0)
	}
	if d.Before(start) {
		return time.Time{}, false
	}
	return d, true
}

// Paris is the time zone of the merchants' days and hours.
var Paris = mustLoadParis()

func mustLoadParis() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err) // time/tzdata is embedded, so this cannot fail
	}
	return loc
}

// localNow returns the event's time in Europe/Paris, or now when the
// event has none.
func (m *machine) localNow() time.Time {
	if m.event.Now.IsZero() {
		return time.Now().In(Paris)
	}
	return m.event.Now.In(Paris)
}
