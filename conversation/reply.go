package conversation

import "github.com/drivelocal/drivelocal/catalog"

// Reply is one message to send. Its text is a list of localized messages,
// one per line, rendered per channel and locale by the caller.
type Reply struct {
	// To is the recipient, or nil for the sender of the event.
	To      *Recipient
	Lines   []Text
	Buttons [][]Button
	// OrderID links a message to the order it is about, for accounting.
	OrderID int64
}

// Recipient is someone other than the sender: the other side of an order.
type Recipient struct {
	Channel string
	Address string
	Locale  string
}

// Text is a message id of the locale files with its template data. Data
// values of type Money and Amount are formatted by the renderer for the
// channel and locale.
type Text struct {
	ID   string
	Data map[string]any
}

// Button is an inline button; Data comes back as Event.Data.
type Button struct {
	Label Text
	Data  string
}

// Money is an amount in cents, formatted by the renderer ("3,50 €").
type Money int64

// Amount is a quantity of a product's unit, formatted by the renderer
// ("1,5 kg", "2 bottes").
type Amount struct {
	Quantity catalog.Quantity
	Unit     string
}

// UnitPrice is a price per unit, formatted by the renderer ("4,20 €/kg").
type UnitPrice struct {
	Cents int64
	Unit  string
}

// T builds a Text from a message id and key-value pairs.
func T(id string, kv ...any) Text {
	t := Text{ID: id}
	if len(kv) > 0 {
		t.Data = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			t.Data[kv[i].(string)] = kv[i+1]
		}
	}
	return t
}

// say builds a reply to the sender.
func say(lines ...Text) Reply { return Reply{Lines: lines} }
