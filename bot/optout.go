package bot

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/postgres"
)

// Opt-out keywords, compared with the folded message, so "Stop.", "STOP"
// and "ARRÊT" all match. They work on every channel that has phone
// numbers.
var (
	stopKeywords = map[string]bool{
		"stop": true, "arret": true, "arreter": true, "stopper": true, "desabonner": true,
		"desinscription": true, "unsubscribe": true, "stop all": true, "stopall": true,
	}
	startKeywords = map[string]bool{"start": true, "unstop": true, "demarrer": true, "reprendre": true}
)

// optKeyword handles STOP and START before the state machine: it records
// the choice and returns the confirmation, or ok false for other messages.
// On Telegram, where blocking the bot is the opt-out, every message clears
// it and none is a keyword.
func optKeyword(ctx context.Context, tx pgx.Tx, in Inbound) (reply conversation.Reply, ok bool, err error) {
	if in.Channel == Telegram {
		// A Telegram user stops messages by blocking the bot, which the
		// sender records from the 403 it gets. A blocked bot receives no
		// message from that user, so this one means they unblocked it.
		_, err = tx.Exec(ctx, `DELETE FROM opt_outs WHERE channel = $1 AND address = $2`, in.Channel, in.Address)
		if err != nil {
			return reply, false, fmt.Errorf("clear telegram opt-out: %w", err)
		}
		return reply, false, nil
	}
	folded := catalog.Fold(in.Text)
	switch {
	case stopKeywords[folded]:
		err = optOut(ctx, tx, in.Channel, in.Address, "keyword")
		reply = conversation.Reply{Lines: []conversation.Text{conversation.T("OptedOut")}}
	case startKeywords[folded]:
		_, err = tx.Exec(ctx, `DELETE FROM opt_outs WHERE channel = $1 AND address = $2`, in.Channel, in.Address)
		reply = conversation.Reply{Lines: []conversation.Text{conversation.T("OptedIn")}}
	default:
		return reply, false, nil
	}
	if err != nil {
		return reply, false, fmt.Errorf("record opt-out choice: %w", err)
	}
	return reply, true, nil
}

// optOut records that address wants no more messages on the channel.
func optOut(ctx context.Context, db postgres.DBTX, ch Channel, address, source string) error {
	_, err := db.Exec(ctx, `INSERT INTO opt_outs (channel, address, source) VALUES ($1, $2, $3)
		ON CONFLICT (channel, address) DO NOTHING`, ch, address, source)
	if err != nil {
		return fmt.Errorf("opt out: %w", err)
	}
	return nil
}

// optedOut reports whether address asked for no more messages.
func optedOut(ctx context.Context, db postgres.DBTX, ch Channel, address string) (bool, error) {
	var out bool
	err := db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM opt_outs WHERE channel = $1 AND address = $2)`,
		ch, address).Scan(&out)
	if err != nil {
		return false, fmt.Errorf("look up opt-out: %w", err)
	}
	return out, nil
}
