package conversation

import (
	"slices"
	"strings"

	"github.com/drivelocal/drivelocal/catalog"

	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/shop"
)

// staffPhone is a staff phone of the Primeur du Port.
const staffPhone = "+33687654321"

// memSettings are the shop settings of the test catalog's merchants.
var memSettings = map[int64]shop.Settings{
	primeurID: {Staff: []string{staffPhone}, NotifyPhone: primeurPhone},
}

// ShopProducts returns all the merchant's products, the out of stock
// Fraises included.
func (v *memView) ShopProducts(merchantID int64) []catalog.Product {
	return slices.Clone(v.products[merchantID])
}

// OpenOrders returns the merchant's open orders, by reference.
func (v *memView) OpenOrders(merchantID int64) []order.Order {
	var open []order.Order
	for _, o := range v.orders {
		if o.MerchantID == merchantID && o.Status.Open() {
			open = append(open, o)
		}
	}
	slices.SortFunc(open, func(a, b order.Order) int { return strings.Compare(a.Ref, b.Ref) })
	return open
}

func (v *memView) ShopSettings(merchantID int64) shop.Settings {
	return memSettings[merchantID]
}

// ProposedOrders returns the refs of the customer's changed orders.
func (v *memView) ProposedOrders(channel, address string) []string {
	var refs []string
	for _, o := range v.orders {
		if o.Status == order.Proposed && o.Customer.Channel == channel && o.Customer.Address == address {
			refs = append(refs, o.Ref)
		}
	}
	slices.Sort(refs)
	return refs
}
