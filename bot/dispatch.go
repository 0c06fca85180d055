package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
)

// maxEffectRounds bounds the effect and result rounds of one message; one
// round is all the state machine needs today.
const maxEffectRounds = 4

// Dispatcher handles each inbound message in one PostgreSQL transaction:
// it claims the provider's id, locks the sender's conversation, runs the
// state machine, applies its effects, saves the state and queues the
// replies in the outbox.
type Dispatcher struct {
	DB       *pgxpool.Pool
	Renderer *Renderer
	Logger   *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Model reads orders the parser could not; nil means none.
	Model OrderReader
	// ResumeAfter is the idle time after which a customer's next message
	// offers to continue the old basket; zero means never.
	ResumeAfter time.Duration
}

// conversationRow is a conversation as stored.
type conversationRow struct {
	ID    int64
	State conversation.State
}

// Handle implements Handler.
func (d *Dispatcher) Handle(ctx context.Context, in Inbound) error {
	start := time.Now()
	duplicate, convID, err := d.handle(ctx, in)
	elapsed := time.Since(start)
	handleSeconds.WithLabelValues(string(in.Channel)).Observe(elapsed.Seconds())

	log := d.logger().With("channel", in.Channel, "provider_id", in.ProviderID, "elapsed_ms", elapsed.Milliseconds())
	switch {
	case err != nil:
		inboundTotal.WithLabelValues(string(in.Channel), "error").Inc()
		log.Error("handle message failed", "error", err)
		return err
	case duplicate:
		inboundTotal.WithLabelValues(string(in.Channel), "duplicate").Inc()
		log.Info("duplicate message ignored")
	default:
		inboundTotal.WithLabelValues(string(in.Channel), "handled").Inc()
		log.Info("message handled", "conversation", convID)
	}
	return nil
}

func (d *Dispatcher) logger() *slog.Logger {
	if d.Logger == nil {
		return slog.Default()
	}
	return d.Logger
}

func (d *Dispatcher) now() time.Time {
	if d.Now == nil {
		return time.Now()
	}
	return d.Now()
}

func (d *Dispatcher) handle(ctx context.Context, in Inbound) (duplicate bool, convID int64, err error) {
	tx, err := d.DB.Begin(ctx)
	if err != nil {
		return false, 0, fmt.Errorf("handle message: %w", err)
	}
	defer tx.Rollback(ctx)

	claimed, err := claimInbound(ctx, tx, in)
	if err != nil || !claimed {
		return !claimed, 0, err
	}
	conv, err := lockConversation(ctx, tx, in.Channel, in.Address)
	if err != nil {
		return false, 0, err
	}
	from, err := sender(ctx, tx, in)
	if err != nil {
		return false, conv.ID, err
	}

	if err := recordInbound(ctx, tx, in, conv.ID); err != nil {
		return false, conv.ID, err
	}

	var out conversation.Outcome
	if reply, ok, err := optKeyword(ctx, tx, in); err != nil {
		return false, conv.ID, err
	} else if ok {
		out = conversation.Outcome{State: conv.State, Replies: []conversation.Reply{reply}}
	} else {
		view := newTxView(ctx, tx)
		if out, err = d.step(ctx, tx, view, in, conv, d.event(in, from)); err != nil {
			return false, conv.ID, err
		}
	}
	if err := saveConversation(ctx, tx, conv.ID, out.State); err != nil {
		return false, conv.ID, err
	}
	if err := d.enqueueReplies(ctx, tx, in, out); err != nil {
		return false, conv.ID, err
	}
	if err := tx.Commit(ctx); err != nil {
		return false, conv.ID, fmt.Errorf("handle message: commit: %w", err)
	}
	return false, conv.ID, nil
}

func (d *Dispatcher) event(in Inbound, from conversation.Sender) conversation.Event {
	e := conversation.Event{From: from, Text: in.Text, Data: in.Data, Now: d.now(), ResumeAfter: d.ResumeAfter,
		ModelAvailable: d.Model != nil}
	if in.Location != nil {
		e.Location = &conversation.Point{Latitude: in.Location.Latitude, Longitude: in.Location.Longitude}
	}
	return e
}

// step runs the event, then each effect and its result, through the state
// machine, and gathers the replies of every round.
func (d *Dispatcher) step(ctx context.Context, tx pgx.Tx, view *txView, in Inbound, conv conversationRow, e conversation.Event) (conversation.Outcome, error) {
	out := conversation.Step(conv.State, e, view)
	var orderID int64
	replies := out.Replies
	for round := 0; len(out.Effects) > 0; round++ {
		if round == maxEffectRounds {
			return out, fmt.Errorf("handle message: effects still pending after %d rounds", round)
		}
		state := out.State
		effects := out.Effects
		out = conversation.Outcome{State: state}
		for _, eff := range effects {
			result, err := d.applyEffect(ctx, tx, in, conv.ID, eff)
			if err != nil {
				return out, err
			}
			if id, placed := orderOf(result); id != 0 {
				if err := attribute(ctx, tx, in, conv.ID, id, placed); err != nil {
					return out, err
				}
				orderID = id
			}
			view.forget()
			next := conversation.Step(out.State, conversation.Event{From: e.From, Now: e.Now, Result: result}, view)
			out.State = next.State
			out.Effects = append(out.Effects, next.Effects...)
			replies = append(replies, next.Replies...)
		}
	}
	if view.err != nil {
		return out, fmt.Errorf("handle message: %w", view.err)
	}
	for i := range replies {
		if replies[i].OrderID == 0 && replies[i].To == nil {
			replies[i].OrderID = orderID
		}
	}
	out.Replies = replies
	return out, nil
}

// apply carries out one effect and returns its result for the state
// machine.
func apply(ctx context.Context, tx pgx.Tx, convID int64, eff conversation.Effect) (conversation.Result, error) {
	switch eff := eff.(type) {
	case conversation.PlaceOrder:
		p := eff.Placement
		p.Customer.ConversationID = convID
		o, short, err := order.Place(ctx, tx, p)
		if err != nil {
			return nil, err
		}
		if short != nil {
			return conversation.OrderShort{Shortage: *short}, nil
		}
		return conversation.OrderPlaced{Order: o}, nil
	case conversation.AcceptOrder:
		o, err := order.Accept(ctx, tx, eff.Ref, eff.MerchantID)
		return changeResult(eff.Ref, o, err)
	case conversation.RefuseOrder:
		o, err := order.Refuse(ctx, tx, eff.Ref, eff.MerchantID, eff.Reason)
		return changeResult(eff.Ref, o, err)
	}
	return nil, fmt.Errorf("apply effect %T: unknown effect", eff)
}

func changeResult(ref string, o order.Order, err error) (conversation.Result, error) {
	var statusErr *order.StatusError
	switch {
	case err == nil:
		return conversation.OrderChanged{Order: o}, nil
	case errors.Is(err, order.ErrNotFound):
		return conversation.OrderNotChanged{Ref: ref}, nil
	case errors.As(err, &statusErr):
		return conversation.OrderNotChanged{Ref: ref, Order: o, Found: true}, nil
	}
	return nil, err
}

// enqueueReplies renders every reply for its recipient and queues it.
// Replies to the sender always go out; messages to someone else are
// dropped when that person opted out.
func (d *Dispatcher) enqueueReplies(ctx context.Context, tx pgx.Tx, in Inbound, out conversation.Outcome) error {
	for _, r := range out.Replies {
		ch, address, locale := in.Channel, in.Address, out.State.Locale
		if r.To != nil {
			ch, address, locale = Channel(r.To.Channel), r.To.Address, r.To.Locale
			stopped, err := optedOut(ctx, tx, ch, address)
			if err != nil {
				return err
			}
			if stopped {
				d.logger().Info("message to opted-out recipient dropped", "channel", ch, "order_id", r.OrderID)
				continue
			}
		}
		m, err := d.Renderer.Render(ch, locale, address, r)
		if err != nil {
			return err
		}
		if _, err := Enqueue(ctx, tx, m, r.OrderID); err != nil {
			return err
		}
	}
	return nil
}

// claimInbound records the provider's id of the message; false means it
// was already handled. A concurrent duplicate waits here for the first
// transaction and then finds the id taken.
func claimInbound(ctx context.Context, tx pgx.Tx, in Inbound) (bool, error) {
	if in.ProviderID == "" {
		return false, fmt.Errorf("claim message: missing provider id")
	}
	tag, err := tx.Exec(ctx, `INSERT INTO inbound_messages (channel, provider_id) VALUES ($1, $2)
		ON CONFLICT DO NOTHING`, in.Channel, in.ProviderID)
	if err != nil {
		return false, fmt.Errorf("claim message: %w", err)
	}
	return tag.RowsAffected() == 1, nil
}

// lockConversation loads the conversation of (channel, address), creating
// it if needed, and locks it until the transaction ends, so that one
// person's messages are handled one at a time.
func lockConversation(ctx context.Context, tx pgx.Tx, ch Channel, address string) (conversationRow, error) {
	_, err := tx.Exec(ctx, `INSERT INTO conversations (channel, address) VALUES ($1, $2)
		ON CONFLICT (channel, address) DO NOTHING`, ch, address)
	if err != nil {
		return conversationRow{}, fmt.Errorf("lock conversation: %w", err)
	}
	var c conversationRow
	var raw []byte
	var locale string
	err = tx.QueryRow(ctx, `SELECT id, locale, state FROM conversations
		WHERE channel = $1 AND address = $2 FOR UPDATE`, ch, address).Scan(&c.ID, &locale, &raw)
	if err != nil {
		return conversationRow{}, fmt.Errorf("lock conversation: %w", err)
	}
	if err := json.Unmarshal(raw, &c.State); err != nil {
		return conversationRow{}, fmt.Errorf("lock conversation %d: decode state: %w", c.ID, err)
	}
	if c.State.Locale == "" {
		c.State.Locale = locale
	}
	return c, nil
}

func saveConversation(ctx context.Context, tx pgx.Tx, id int64, s conversation.State) error {
	raw, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("save conversation %d: %w", id, err)
	}
	_, err = tx.Exec(ctx, `UPDATE conversations SET state = $2, locale = $3, updated_at = now()
		WHERE id = $1`, id, raw, s.Locale)
	if err != nil {
		return fmt.Errorf("save conversation %d: %w", id, err)
	}
	return nil
}

// sender identifies who wrote: a merchant's phone or staff phone acts as
// that merchant on SMS and in the console, and so does a Telegram chat
// linked to the merchant.
func sender(ctx context.Context, tx pgx.Tx, in Inbound) (conversation.Sender, error) {
	s := conversation.Sender{Channel: string(in.Channel), Address: in.Address, FirstName: in.FirstName}
	return merchantSender(ctx, tx, in, s)
}
