// Package conversation is the state machine behind every exchange with a
// customer or a merchant. It does no I/O: Step takes the saved State, one
// Event and a read-only View of the catalog and orders, and returns the new
// State, the Replies to send and the Effects to apply. Effects that change
// shared data (placing an order, accepting it) are applied by the caller,
// which feeds their Result back to Step as another Event.
package conversation

import (
	"time"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/shop"
)

// Stage is the question the conversation is waiting an answer to.
type Stage string

// Stages of a customer's conversation.
const (
	Start         Stage = ""               // nothing asked yet
	AskCommune    Stage = "commune"        // which commune?
	ChooseCommune Stage = "commune_choice" // which of these communes?
	ChooseShop    Stage = "merchants"      // which merchant of the list?
	Browse        Stage = "products"       // which product of the catalog?
	AskQuantity   Stage = "quantity"       // how much of the pending product?
	AskFulfilment Stage = "fulfilment"     // drive or delivery?
	AskAddress    Stage = "address"        // delivered where?
	Confirm       Stage = "confirm"        // OUI to order?
	Placing       Stage = "placing"        // waiting for the order's placement
	Resume        Stage = "resume"         // continue the old basket or start again?

	// Stages of an order written in words.
	ConfirmLines   Stage = "confirm_lines"   // OUI to add what was understood?
	ConfirmProduct Stage = "confirm_product" // did you mean this product?
	ChooseProduct  Stage = "choose_product"  // which of these products?
	ConfirmCommune Stage = "confirm_commune" // did you mean this commune?
)

// Locales a conversation can be held in.
const (
	French  = "fr"
	English = "en"
)

// State is everything a conversation remembers between two messages. It is
// saved as JSON, so fields are only ever added.
type State struct {
	Stage  Stage  `json:"stage"`
	Locale string `json:"locale,omitempty"`

	CommuneID   int64  `json:"commune_id,omitempty"`
	CommuneName string `json:"commune_name,omitempty"`
	Location    *Point `json:"location,omitempty"`

	// Choices are the ids behind the numbers of the list last shown
	// (communes, merchants or products), and Page the page shown.
	Choices []int64 `json:"choices,omitempty"`
	Page    int     `json:"page,omitempty"`

	MerchantID int64 `json:"merchant_id,omitempty"`
	// ShownProducts are the ids of the merchant's products as they were
	// numbered when last listed, so that a number keeps meaning what the
	// customer saw even if the catalog changed since.
	ShownProducts  []int64 `json:"shown,omitempty"`
	PendingProduct int64   `json:"pending_product,omitempty"`
	Basket         Basket  `json:"basket"`
	Fulfilment     string  `json:"fulfilment,omitempty"`
	Address        string  `json:"address,omitempty"`

	// Draft is an order written in words, being cleared up.
	Draft *Draft `json:"draft,omitempty"`

	// LastActive is when the customer last wrote.
	LastActive time.Time `json:"last_active,omitzero"`

	// Signup holds a merchant's sign-up answers while it is under way.
	Signup *Signup `json:"signup,omitempty"`
}

// Basket is the products a customer is about to order, from one merchant.
type Basket struct {
	MerchantID int64        `json:"merchant_id,omitempty"`
	Lines      []BasketLine `json:"lines,omitempty"`
}

// BasketLine is one product of the basket at the price it was added at.
type BasketLine struct {
	ProductID  int64            `json:"product_id"`
	Name       string           `json:"name"`
	Unit       string           `json:"unit"`
	PriceCents int64            `json:"price_cents"`
	Quantity   catalog.Quantity `json:"quantity"`
}

// Total returns the price of the basket's lines in cents.
func (b Basket) Total() int64 {
	var total int64
	for _, l := range b.Lines {
		total += catalog.Amount(l.PriceCents, l.Quantity)
	}
	return total
}

// Point is a position in degrees.
type Point struct {
	Latitude  float64 `json:"lat"`
	Longitude float64 `json:"lon"`
}

// Sender is who wrote the message.
type Sender struct {
	Channel   string
	Address   string
	FirstName string
	// Merchant is the merchant whose registered phone sent the message, or
	// nil for a customer.
	Merchant *catalog.Merchant
	// Phone is the merchant's phone behind a Telegram chat linked to it;
	// on SMS and the console the sender's phone is Address.
	Phone string
}

// Event is one input to the state machine: a message from a person, or
// the Result of an Effect.
type Event struct {
	From     Sender
	Text     string
	Data     string // a pressed button's data
	Location *Point
	Now      time.Time
	Result   Result
	// ModelAvailable reports whether a language model may be asked to read
	// what the parser could not.
	ModelAvailable bool
	// ResumeAfter is the idle time after which a customer with a basket is
	// asked whether to continue it or start again; zero means never.
	ResumeAfter time.Duration
}

// View is the read-only data a step may look at. Its methods do not fail:
// an implementation backed by a database records its first error, and the
// caller discards the step's outcome when there is one.
type View interface {
	FindCommunes(query string) []catalog.Commune
	// MatchCommunes is FindCommunes with guesses: a four-digit postal
	// code, a typo, the start of a name.
	MatchCommunes(query string) catalog.CommuneMatch
	Commune(id int64) (catalog.Commune, bool)
	MerchantsNearCommune(communeID int64) []catalog.Merchant
	MerchantsNearPoint(p Point) []catalog.Merchant
	Merchant(id int64) (catalog.Merchant, bool)
	Products(merchantID int64) []catalog.Product
	Order(ref string) (order.Order, bool)

	// ShopProducts returns all of a merchant's products, out of stock
	// ones included, numbered as its LISTE shows them.
	ShopProducts(merchantID int64) []catalog.Product
	// OpenOrders returns a merchant's orders not yet finished, oldest
	// first.
	OpenOrders(merchantID int64) []order.Order
	// ProposedOrders returns the references of the orders of the customer
	// on (channel, address) that wait for the customer's OUI after the
	// merchant changed them.
	ProposedOrders(channel, address string) []string
	// ShopSettings returns a merchant's staff phones and settings.
	ShopSettings(merchantID int64) shop.Settings
}

// Outcome is the result of one step: the new state, replies and effects.
type Outcome struct {
	State   State
	Replies []Reply
	Effects []Effect
}
