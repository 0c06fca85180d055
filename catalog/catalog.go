// Package catalog owns what customers can order: communes, merchants, their
// products and stock, and the import of all of it from CSV files.
package catalog

// Commune is a French commune as customers name it, by name or postal code.
type Commune struct {
	ID          int64
	Name        string
	PostalCode  string // the smallest of its postal codes, five digits ("06000")
	Departement string // "13", "2A", "974"
	Latitude    *float64
	Longitude   *float64
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
}

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
