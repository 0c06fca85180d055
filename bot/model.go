package bot

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/llm"
)

// OrderReader reads an order the product's own parser could not, such as
// llm.Reader. The dispatcher calls it at most once per message.
type OrderReader interface {
	ReadOrder(ctx context.Context, text string, products []catalog.Product) (llm.Reading, error)
}

// applyEffect carries out one effect, asking the language model for
// AskModel and the other appliers for the rest.
func (d *Dispatcher) applyEffect(ctx context.Context, tx pgx.Tx, in Inbound, convID int64, eff conversation.Effect) (conversation.Result, error) {
	ask, ok := eff.(conversation.AskModel)
	if !ok {
		return d.apply(ctx, tx, in, convID, eff)
	}
	return d.askModel(ctx, tx, ask)
}

// askModel returns what the model read, validated against the catalog. A
// failure of the model is not an error of the message: the customer gets
// the numbered menu, and llm.Reader logs why.
func (d *Dispatcher) askModel(ctx context.Context, tx pgx.Tx, ask conversation.AskModel) (conversation.Result, error) {
	if d.Model == nil {
		return conversation.ModelRead{}, nil
	}
	products, err := catalog.Products(ctx, tx, ask.MerchantID)
	if err != nil {
		return nil, err
	}
	var inStock []catalog.Product
	for _, p := range products {
		if p.InStock() {
			inStock = append(inStock, p)
		}
	}
	if len(inStock) == 0 {
		return conversation.ModelRead{}, nil
	}
	reading, err := d.Model.ReadOrder(ctx, ask.Text, inStock)
	if errors.Is(err, context.Canceled) {
		return nil, err
	}
	if err != nil {
		return conversation.ModelRead{}, nil
	}
	lines := make([]conversation.DraftLine, len(reading.Lines))
	for i, l := range reading.Lines {
		lines[i] = conversation.DraftLine{ProductID: l.ProductID, Quantity: l.Quantity}
	}
	return conversation.ModelRead{Lines: lines}, nil
}
