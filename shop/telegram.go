package shop

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/postgres"
)

// MaxLinkAttempts is how many wrong codes a Telegram chat may type before
// it must ask for a new one.
const MaxLinkAttempts = 5

// Errors of a Telegram link.
var (
	ErrLinkCodeWrong   = errors.New("link code is wrong")
	ErrLinkCodeExpired = errors.New("link code expired or missing")
)

// StartLink records a link code for the chat and the phone of a merchant
// (its own or a staff phone), replacing any earlier code of the chat. It
// returns the merchant, or catalog.ErrNotFound when no merchant has the
// phone.
func StartLink(ctx context.Context, tx pgx.Tx, chatID, phone, code string, expires time.Time) (catalog.Merchant, error) {
	m, err := catalog.MerchantByPhone(ctx, tx, phone)
	if err != nil {
		return catalog.Merchant{}, fmt.Errorf("start telegram link: %w", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO merchant_link_codes (chat_id, merchant_id, phone, code_sha256, expires_at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (chat_id) DO UPDATE SET merchant_id = $2, phone = $3, code_sha256 = $4,
			expires_at = $5, attempts = 0`, chatID, m.ID, phone, hash(code), expires)
	if err != nil {
		return catalog.Merchant{}, fmt.Errorf("start telegram link: %w", err)
	}
	return m, nil
}

// CompleteLink links the chat to the merchant when code is the chat's
// code and it has not expired at now. A wrong code counts an attempt and
// gives ErrLinkCodeWrong with the attempts left; after MaxLinkAttempts, or
// past the expiry, it gives ErrLinkCodeExpired.
func CompleteLink(ctx context.Context, tx pgx.Tx, chatID, code string, now time.Time) (catalog.Merchant, int, error) {
	var merchantID int64
	var phone, want string
	var attempts int
	err := tx.QueryRow(ctx, `SELECT merchant_id, phone, code_sha256, attempts FROM merchant_link_codes
		WHERE chat_id = $1 AND expires_at > $2 AND attempts < $3 FOR UPDATE`, chatID, now, MaxLinkAttempts).
		Scan(&merchantID, &phone, &want, &attempts)
	if errors.Is(err, pgx.ErrNoRows) {
		return catalog.Merchant{}, 0, fmt.Errorf("complete telegram link: %w", ErrLinkCodeExpired)
	}
	if err != nil {
		return catalog.Merchant{}, 0, fmt.Errorf("complete telegram link: %w", err)
	}
	if hash(code) != want {
		_, err := tx.Exec(ctx, `UPDATE merchant_link_codes SET attempts = attempts + 1 WHERE chat_id = $1`, chatID)
		if err != nil {
			return catalog.Merchant{}, 0, fmt.Errorf("complete telegram link: %w", err)
		}
		return catalog.Merchant{}, MaxLinkAttempts - attempts - 1, fmt.Errorf("complete telegram link: %w", ErrLinkCodeWrong)
	}

	if _, err := tx.Exec(ctx, `DELETE FROM merchant_link_codes WHERE chat_id = $1`, chatID); err != nil {
		return catalog.Merchant{}, 0, fmt.Errorf("complete telegram link: %w", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO merchant_telegram_links (chat_id, merchant_id, phone) VALUES ($1, $2, $3)
		ON CONFLICT (chat_id) DO UPDATE SET merchant_id = $2, phone = $3, created_at = now()`, chatID, merchantID, phone)
	if err != nil {
		return catalog.Merchant{}, 0, fmt.Errorf("complete telegram link: %w", err)
	}
	m, err := catalog.GetMerchant(ctx, tx, merchantID)
	return m, 0, err
}

// MerchantByTelegram returns the merchant linked to the chat and the phone
// the link was made through, or catalog.ErrNotFound.
func MerchantByTelegram(ctx context.Context, db postgres.DBTX, chatID string) (catalog.Merchant, string, error) {
	var merchantID int64
	var phone string
	err := db.QueryRow(ctx, `SELECT merchant_id, phone FROM merchant_telegram_links WHERE chat_id = $1`, chatID).
		Scan(&merchantID, &phone)
	if errors.Is(err, pgx.ErrNoRows) {
		return catalog.Merchant{}, "", catalog.ErrNotFound
	}
	if err != nil {
		return catalog.Merchant{}, "", fmt.Errorf("look up telegram merchant: %w", err)
	}
	m, err := catalog.GetMerchant(ctx, db, merchantID)
	return m, phone, err
}

func hash(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}
