package bot

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
)

// nearRadiusKm is how far around a shared location merchants are listed.
const nearRadiusKm = 30

// maxListed bounds the merchants loaded for one list.
const maxListed = 30

// txView is the conversation.View of one transaction. It remembers the
// first error of its queries in err, and caches products per merchant.
type txView struct {
	ctx      context.Context
	tx       pgx.Tx
	err      error
	products map[int64][]catalog.Product
}

func newTxView(ctx context.Context, tx pgx.Tx) *txView {
	return &txView{ctx: ctx, tx: tx, products: map[int64][]catalog.Product{}}
}

func (v *txView) fail(err error) {
	if v.err == nil {
		v.err = err
	}
}

func (v *txView) FindCommunes(query string) []catalog.Commune {
	communes, err := catalog.FindCommunes(v.ctx, v.tx, query)
	v.fail(err)
	return communes
}

func (v *txView) MatchCommunes(query string) catalog.CommuneMatch {
	match, err := catalog.MatchCommunes(v.ctx, v.tx, query)
	v.fail(err)
	return match
}

func (v *txView) Commune(id int64) (catalog.Commune, bool) {
	c, err := catalog.GetCommune(v.ctx, v.tx, id)
	if errors.Is(err, catalog.ErrNotFound) {
		return c, false
	}
	v.fail(err)
	return c, err == nil
}

func (v *txView) MerchantsNearCommune(communeID int64) []catalog.Merchant {
	merchants, err := catalog.MerchantsNearCommune(v.ctx, v.tx, communeID, maxListed)
	v.fail(err)
	return listed(merchants)
}

func (v *txView) MerchantsNearPoint(p conversation.Point) []catalog.Merchant {
	merchants, err := catalog.MerchantsNearPoint(v.ctx, v.tx, p.Latitude, p.Longitude, nearRadiusKm, maxListed)
	v.fail(err)
	return listed(merchants)
}

func (v *txView) Merchant(id int64) (catalog.Merchant, bool) {
	m, err := catalog.GetMerchant(v.ctx, v.tx, id)
	if errors.Is(err, catalog.ErrNotFound) {
		return m, false
	}
	v.fail(err)
	return m, err == nil
}

func (v *txView) Products(merchantID int64) []catalog.Product {
	if p, ok := v.products[merchantID]; ok {
		return p
	}
	products, err := catalog.Products(v.ctx, v.tx, merchantID)
	v.fail(err)
	if err == nil {
		v.products[merchantID] = products
	}
	return products
}

func (v *txView) Order(ref string) (order.Order, bool) {
	o, err := order.Get(v.ctx, v.tx, ref)
	if errors.Is(err, order.ErrNotFound) {
		return o, false
	}
	v.fail(err)
	return o, err == nil
}

// forget drops cached products, after an effect changed stock.
func (v *txView) forget() { v.products = map[int64][]catalog.Product{} }

func (v *txView) ProposedOrders(channel, address string) []string {
	rows, err := v.tx.Query(v.ctx, `SELECT o.ref FROM orders o
		JOIN conversations c ON c.id = o.conversation_id
		WHERE c.channel = $1 AND c.address = $2 AND o.status = 'proposed'
		ORDER BY o.id`, channel, address)
	if err != nil {
		v.fail(err)
		return nil
	}
	refs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	v.fail(err)
	return refs
}
