package bot

import (
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/shop"
)

// ShopProducts implements conversation.View.
func (v *txView) ShopProducts(merchantID int64) []catalog.Product {
	products, err := shop.Products(v.ctx, v.tx, merchantID)
	v.fail(err)
	return products
}

// OpenOrders implements conversation.View.
func (v *txView) OpenOrders(merchantID int64) []order.Order {
	orders, err := order.OpenOrders(v.ctx, v.tx, merchantID)
	v.fail(err)
	return orders
}

// ShopSettings implements conversation.View.
func (v *txView) ShopSettings(merchantID int64) shop.Settings {
	s, err := shop.GetSettings(v.ctx, v.tx, merchantID)
	v.fail(err)
	return s
}

// listed keeps the merchants that customers may see: approved ones.
// Pending and rejected sign-ups stay hidden.
func listed(merchants []catalog.Merchant) []catalog.Merchant {
	out := merchants[:0:0]
	for _, m := range merchants {
		if m.Status == catalog.MerchantApproved {
			out = append(out, m)
		}
	}
	return out
}
