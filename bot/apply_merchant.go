package bot

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/phone"
	"github.com/drivelocal/drivelocal/shop"
)

// LinkCodeLifetime is how long a Telegram link code sent by SMS stays
// valid.
const LinkCodeLifetime = 10 * time.Minute

// apply carries out one effect: the merchants' effects here, the others
// through the package's apply.
func (d *Dispatcher) apply(ctx context.Context, tx pgx.Tx, in Inbound, convID int64, eff conversation.Effect) (conversation.Result, error) {
	if result, ok, err := d.applyShop(ctx, tx, in, eff); ok {
		return result, err
	}
	if result, ok, err := applyOrderCommand(ctx, tx, eff); ok {
		return result, err
	}
	if placement, ok := eff.(conversation.PlaceOrder); ok {
		closed, err := closedShop(ctx, tx, placement.Placement.MerchantID)
		if err != nil || closed != nil {
			return closed, err
		}
	}
	return apply(ctx, tx, convID, eff)
}

// closedShop returns a ShopClosed result when the merchant takes no
// orders today: closed by FERME, not approved, or its notification phone
// sent STOP. It locks the merchant's row until the transaction ends, so
// that a FERME waits for the order. Customers hear of a FERME at VALIDER
// already; this check covers a closure during checkout.
// NOTE: the shop lists and catalogs customers browse do not show a
// closure yet.
func closedShop(ctx context.Context, tx pgx.Tx, merchantID int64) (conversation.Result, error) {
	if _, err := tx.Exec(ctx, `SELECT 1 FROM merchants WHERE id = $1 FOR SHARE`, merchantID); err != nil {
		return nil, fmt.Errorf("check merchant %d open: %w", merchantID, err)
	}
	m, err := catalog.GetMerchant(ctx, tx, merchantID)
	if err != nil {
		return nil, fmt.Errorf("check merchant %d open: %w", merchantID, err)
	}
	if m.Closed || m.Status != catalog.MerchantApproved {
		return conversation.ShopClosed{Merchant: m}, nil
	}
	// A shop whose notification phone sent STOP would never hear of the
	// order, so it takes none until that phone sends START.
	var stopped bool
	err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM opt_outs o JOIN merchants m
			ON o.channel = 'sms' AND o.address = COALESCE(NULLIF(m.notify_phone, ''), m.phone)
		WHERE m.id = $1)`, merchantID).Scan(&stopped)
	if err != nil {
		return nil, fmt.Errorf("check merchant %d open: %w", merchantID, err)
	}
	if stopped {
		return conversation.ShopClosed{Merchant: m}, nil
	}
	return nil, nil
}

// applyShop carries out the effects of the sign-up, the catalog, the shop
// settings, the Telegram link and the strangers' commands. ok is false for
// other effects.
func (d *Dispatcher) applyShop(ctx context.Context, tx pgx.Tx, in Inbound, eff conversation.Effect) (conversation.Result, bool, error) {
	var result conversation.Result
	var err error
	switch eff := eff.(type) {
	case conversation.RegisterShop:
		result, err = d.register(ctx, tx, eff)
	case conversation.AddProduct:
		result, err = addProduct(ctx, tx, eff)
	case conversation.SetPrice:
		result, err = saveProduct(ctx, tx, eff.ProductID, func() (catalog.Product, error) {
			return shop.SetPrice(ctx, tx, eff.MerchantID, eff.ProductID, eff.PriceCents)
		})
	case conversation.SetStock:
		result, err = saveProduct(ctx, tx, eff.ProductID, func() (catalog.Product, error) {
			return shop.SetStock(ctx, tx, eff.MerchantID, eff.ProductID, eff.Stock)
		})
	case conversation.SetClosed, conversation.AddStaff, conversation.SetNotifyPhone, conversation.SetSummaryTime:
		result, err = d.saveSetting(ctx, tx, eff)
	case conversation.SendLinkCode, conversation.LinkTelegram:
		result, err = d.link(ctx, tx, eff)
	case conversation.RecordStrangerCommand:
		d.logger().Info("merchant command from a stranger ignored", "channel", in.Channel,
			"address", phone.Mask(in.Address), "command", eff.Command)
		result = conversation.Recorded{}
	default:
		return nil, false, nil
	}
	return result, true, err
}

func (d *Dispatcher) register(ctx context.Context, tx pgx.Tx, eff conversation.RegisterShop) (conversation.Result, error) {
	m, err := shop.Register(ctx, tx, eff.Registration)
	if errors.Is(err, shop.ErrPhoneTaken) {
		return conversation.ShopNotRegistered{}, nil
	}
	if err != nil {
		return nil, err
	}
	d.logger().Info("merchant signed up", "merchant", m.Ref, "phone", phone.Mask(m.Phone))
	return conversation.ShopRegistered{Merchant: m}, nil
}

func addProduct(ctx context.Context, tx pgx.Tx, eff conversation.AddProduct) (conversation.Result, error) {
	p, err := shop.AddProduct(ctx, tx, eff.MerchantID, eff.Product)
	if errors.Is(err, shop.ErrProductExists) {
		return conversation.ProductExists{Product: p}, nil
	}
	if err != nil {
		return nil, err
	}
	all, err := shop.Products(ctx, tx, eff.MerchantID)
	if err != nil {
		return nil, err
	}
	saved := conversation.ProductSaved{Product: p}
	for i, other := range all {
		if other.ID == p.ID {
			saved.Number = i + 1
		}
	}
	return saved, nil
}

// saveProduct runs change on a product and reports it with the product as
// it was before.
func saveProduct(ctx context.Context, tx pgx.Tx, productID int64, change func() (catalog.Product, error)) (conversation.Result, error) {
	before, err := catalog.GetProduct(ctx, tx, productID)
	if err != nil {
		return nil, err
	}
	after, err := change()
	if err != nil {
		return nil, err
	}
	return conversation.ProductSaved{Product: after, Before: before}, nil
}

func (d *Dispatcher) saveSetting(ctx context.Context, tx pgx.Tx, eff conversation.Effect) (conversation.Result, error) {
	var err error
	switch eff := eff.(type) {
	case conversation.SetClosed:
		err = shop.SetClosed(ctx, tx, eff.MerchantID, eff.Closed, eff.Until)
	case conversation.AddStaff:
		err = shop.AddStaff(ctx, tx, eff.MerchantID, eff.Phone)
		if errors.Is(err, shop.ErrPhoneTaken) {
			return conversation.PhoneTaken{Phone: eff.Phone}, nil
		}
	case conversation.SetNotifyPhone:
		err = shop.SetNotifyPhone(ctx, tx, eff.MerchantID, eff.Phone)
		if errors.Is(err, shop.ErrNotShopPhone) {
			return conversation.NotShopPhone{Phone: eff.Phone}, nil
		}
	case conversation.SetSummaryTime:
		err = shop.SetSummaryTime(ctx, tx, eff.MerchantID, eff.Minute, summaryStartDay(eff.Minute, d.now()))
	}
	if err != nil {
		return nil, err
	}
	return conversation.ShopSettingSaved{Effect: eff}, nil
}

// summaryStartDay returns today when the summary's time is already past
// today, so that the first summary goes out tomorrow, and nil otherwise.
func summaryStartDay(minute *int, now time.Time) *time.Time {
	local := now.In(conversation.Paris)
	if minute == nil || *minute > local.Hour()*60+local.Minute() {
		return nil
	}
	today := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.UTC)
	return &today
}

// link carries out the two steps of a Telegram chat's link to a merchant.
func (d *Dispatcher) link(ctx context.Context, tx pgx.Tx, eff conversation.Effect) (conversation.Result, error) {
	switch eff := eff.(type) {
	case conversation.SendLinkCode:
		code, err := linkCode()
		if err != nil {
			return nil, err
		}
		m, err := shop.StartLink(ctx, tx, eff.ChatID, eff.Phone, code, d.now().Add(LinkCodeLifetime))
		if errors.Is(err, catalog.ErrNotFound) {
			d.logger().Info("telegram link to an unknown phone", "chat", phone.Mask(eff.ChatID), "phone", phone.Mask(eff.Phone))
			return conversation.LinkPhoneUnknown{Phone: eff.Phone}, nil
		}
		if err != nil {
			return nil, err
		}
		return conversation.LinkCodeSent{Phone: eff.Phone, Code: code, Shop: m.Name, Expires: LinkCodeLifetime}, nil
	case conversation.LinkTelegram:
		m, left, err := shop.CompleteLink(ctx, tx, eff.ChatID, eff.Code, d.now())
		switch {
		case errors.Is(err, shop.ErrLinkCodeWrong):
			d.logger().Info("wrong telegram link code", "chat", phone.Mask(eff.ChatID), "attempts_left", left)
			return conversation.LinkCodeWrong{Left: left}, nil
		case errors.Is(err, shop.ErrLinkCodeExpired):
			return conversation.LinkCodeExpired{}, nil
		case err != nil:
			return nil, err
		}
		d.logger().Info("telegram chat linked to merchant", "chat", phone.Mask(eff.ChatID), "merchant", m.Ref)
		return conversation.TelegramLinked{Merchant: m}, nil
	}
	return nil, fmt.Errorf("apply effect %T: not a link effect", eff)
}

// linkCode draws a random 6-digit code.
func linkCode() (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return "", fmt.Errorf("draw link code: %w", err)
	}
	return fmt.Sprintf("%06d", n.Int64()), nil
}

// merchantSender sets the merchant of the sender: the merchant whose phone
// or staff phone wrote on SMS or the console, or the merchant a Telegram
// chat is linked to. A rejected sign-up acts as a customer, so that it may
// sign up again.
func merchantSender(ctx context.Context, tx pgx.Tx, in Inbound, s conversation.Sender) (conversation.Sender, error) {
	var m catalog.Merchant
	var err error
	if in.Channel == Telegram {
		m, s.Phone, err = shop.MerchantByTelegram(ctx, tx, in.Address)
	} else {
		m, err = catalog.MerchantByPhone(ctx, tx, in.Address)
	}
	if errors.Is(err, catalog.ErrNotFound) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("identify sender: %w", err)
	}
	if m.Status != catalog.MerchantRejected {
		s.Merchant = &m
	}
	return s, nil
}
