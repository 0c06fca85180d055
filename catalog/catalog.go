// Package catalog owns what customers can order: communes, merchants, their
// products and stock, and the import of all of it from CSV files.
package catalog

import "time"

// Commune is a French commune as customers name it, by name or postal code.
// The reference data (package catalog/communes) gives Insee, EpciCode,
// EpciName and Population. They are empty or 0 for a commune that only a
// merchants' import created.
type Commune struct {
	ID          int64
	Name        string
	PostalCode  string // the smallest of its postal codes, five digits ("06000"), "" when it has none
	Departement string // "13", "2A", "974"
	Latitude    *float64
	Longitude   *float64
	Insee       string // INSEE code, "13022", "2A004"
	EpciCode    string // SIREN code of the intercommunality, "200054807"
	EpciName    string // "Métropole d'Aix-Marseille-Provence"
	Population  int    // legal population, 0 when unknown
}

// Merchant is a shop or producer that takes orders.
type Merchant struct {
	ID               int64
	Ref              string
	Name             string
	Category         string
	Phone            string // E.164
	CommuneID        int64
	CommuneName      string
	Address          string
	Latitude         *float64
	Longitude        *float64
	Drive            bool
	Delivery         bool
	DeliveryFeeCents int64
	// DistanceKm is set when merchants are listed around a location.
	DistanceKm *float64
	// Status is the merchant's sign-up status: MerchantApproved merchants
	// are listed to customers and take orders.
	Status string
	// Closed reports whether the merchant stopped taking orders (FERME)
	// today; ClosedUntil is then the last closed day, or nil when the
	// merchant reopens with OUVERT.
	Closed      bool
	ClosedUntil *time.Time
}

// Sign-up statuses of a merchant.
const (
	MerchantPending  = "pending"
	MerchantApproved = "approved"
	MerchantRejected = "rejected"
)

// Product is one item of a merchant's catalog.
type Product struct {
	ID         int64
	MerchantID int64
	Ref        string
	Name       string
	PriceCents int64 // per unit
	Unit       string
	Stock      Quantity
}

// Weighed reports whether the product is sold by weight or volume, and so
// may be ordered in fractions of its unit.
func (p Product) Weighed() bool { return IsWeighedUnit(p.Unit) }

// InStock reports whether at least some of the product is left.
func (p Product) InStock() bool { return p.Stock > 0 }
