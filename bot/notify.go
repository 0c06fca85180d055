package bot

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/conversation"
)

// Notify renders and queues replies that no inbound message caused, each
// to its recipient (To must be set), inside the caller's transaction. It
// drops those to recipients who opted out, and returns how many it queued.
func Notify(ctx context.Context, tx pgx.Tx, r *Renderer, replies ...conversation.Reply) (int, error) {
	queued := 0
	for _, reply := range replies {
		if reply.To == nil {
			return queued, fmt.Errorf("notify: reply without recipient: %v", reply.Lines)
		}
		ch := Channel(reply.To.Channel)
		stopped, err := optedOut(ctx, tx, ch, reply.To.Address)
		if err != nil {
			return queued, err
		}
		if stopped {
			continue
		}
		m, err := r.Render(ch, reply.To.Locale, reply.To.Address, reply)
		if err != nil {
			return queued, err
		}
		if _, err := Enqueue(ctx, tx, m, reply.OrderID); err != nil {
			return queued, err
		}
		queued++
	}
	return queued, nil
}
