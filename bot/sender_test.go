package bot_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
	"github.com/drivelocal/drivelocal/bot/telegram"
	"github.com/drivelocal/drivelocal/bot/telegram/telegramtest"
	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

// outboxRow is the delivery record of one outbox message.
type outboxRow struct {
	Status            string
	Attempts          int
	LastError         string
	ProviderMessageID string
	// DueIn is next_attempt_at minus the database's current time.
	DueIn time.Duration
}

func readOutbox(t *testing.T, db *pgxpool.Pool, id int64) outboxRow {
	t.Helper()
	var r outboxRow
	var dueMillis float64
	err := db.QueryRow(t.Context(), `SELECT status, attempts, last_error, provider_message_id,
			extract(epoch FROM next_attempt_at - clock_timestamp()) * 1000
		FROM outbox WHERE id = $1`, id).Scan(&r.Status, &r.Attempts, &r.LastError, &r.ProviderMessageID, &dueMillis)
	if err != nil {
		t.Fatalf("read outbox %d: %v", id, err)
	}
	r.DueIn = time.Duration(dueMillis) * time.Millisecond
	return r
}

func enqueue(t *testing.T, db *pgxpool.Pool, m bot.Message) int64 {
	t.Helper()
	id, err := bot.Enqueue(t.Context(), db, m, 0)
	if err != nil {
		t.Fatalf("enqueue: %v", err)
	}
	return id
}

// makeDue moves the next attempt of every pending message to now, in
// place of waiting for it.
func makeDue(t *testing.T, db *pgxpool.Pool) {
	t.Helper()
	if _, err := db.Exec(t.Context(), `UPDATE outbox SET next_attempt_at = now() WHERE status = 'pending'`); err != nil {
		t.Fatalf("make messages due: %v", err)
	}
}

func drain(t *testing.T, loop *bot.SenderLoop, want int) {
	t.Helper()
	n, err := loop.Drain(t.Context())
	if err != nil {
		t.Fatalf("drain: %v", err)
	}
	if n != want {
		t.Fatalf("drain tried %d messages, want %d", n, want)
	}
}

func telegramLoop(t *testing.T, db *pgxpool.Pool) (*bot.SenderLoop, *telegramtest.Server) {
	t.Helper()
	rig := newTelegramRig(t)
	return &bot.SenderLoop{DB: db, Channel: bot.Telegram, Sender: telegram.NewSender(rig.api),
		Logger: discardLogger, MaxAttempts: 3}, rig.fake
}

func twilioLoop(t *testing.T, db *pgxpool.Pool) (*bot.SenderLoop, *twiliotest.Server) {
	t.Helper()
	fake := twiliotest.New(t, accountSID, authToken)
	sender, err := sms.NewSender(sms.SenderConfig{AccountSID: accountSID, AuthToken: authToken,
		From: twiliotest.DefaultNumber, APIBaseURL: fake.URL()})
	if err != nil {
		t.Fatalf("new sms sender: %v", err)
	}
	return &bot.SenderLoop{DB: db, Channel: bot.SMS, Sender: sender, Logger: discardLogger, MaxAttempts: 3}, fake
}

func TestSenderTelegramRetryAfter(t *testing.T) {
	db := pgtest.Pool(t, "bot")
	loop, fake := telegramLoop(t, db)
	fake.FailSends(1, telegramtest.RateLimited(30))
	buttons := [][]bot.Button{{{Label: "Valider", Data: "VALIDER"}}}
	id := enqueue(t, db, bot.Message{Channel: bot.Telegram, Address: strconv.FormatInt(chatID, 10),
		Text: "Panier : 2,60 €", Buttons: buttons})

	drain(t, loop, 1)
	limited := readOutbox(t, db, id)
	if limited.Status != "pending" || limited.Attempts != 1 {
		t.Errorf("after 429: status %s, %d attempts, want pending, 1", limited.Status, limited.Attempts)
	}
	if !strings.Contains(limited.LastError, "Too Many Requests") {
		t.Errorf("last_error = %q, want the 429 description", limited.LastError)
	}
	if limited.DueIn < 25*time.Second || limited.DueIn > 30*time.Second {
		t.Errorf("next attempt in %v, want the 30 s of retry_after", limited.DueIn)
	}

	drain(t, loop, 0)
	makeDue(t, db)
	drain(t, loop, 1)

	sent := readOutbox(t, db, id)
	if sent.Status != "sent" || sent.Attempts != 2 || sent.LastError != "" {
		t.Errorf("after retry: status %s, %d attempts, last_error %q, want sent, 2, empty",
			sent.Status, sent.Attempts, sent.LastError)
	}
	messages := fake.Sent()
	if len(messages) != 1 {
		t.Fatalf("Telegram received %d messages, want 1", len(messages))
	}
	if got := strconv.Itoa(messages[0].MessageID); sent.ProviderMessageID != got {
		t.Errorf("provider_message_id = %q, want %s", sent.ProviderMessageID, got)
	}
	if got := messages[0].Keyboard; len(got) != 1 || len(got[0]) != 1 || got[0][0].CallbackData != "VALIDER" {
		t.Errorf("keyboard = %+v, want the one VALIDER button", got)
	}
}

func TestSenderTelegramBlocked(t *testing.T) {
	db := pgtest.Pool(t, "bot")
	loop, fake := telegramLoop(t, db)
	fake.FailSends(1, telegramtest.Blocked())
	id := enqueue(t, db, bot.Message{Channel: bot.Telegram, Address: strconv.FormatInt(chatID, 10), Text: "Bonjour"})

	drain(t, loop, 1)
	makeDue(t, db)
	drain(t, loop, 0)

	if got := readOutbox(t, db, id); got.Status != "stopped" || got.Attempts != 1 {
		t.Errorf("after 403: status %s, %d attempts, want stopped, 1", got.Status, got.Attempts)
	}
}

func TestSenderTwilioUnsubscribed(t *testing.T) {
	db := pgtest.Pool(t, "bot")
	loop, fake := twilioLoop(t, db)
	fake.FailNext(1, twiliotest.Unsubscribed())
	id := enqueue(t, db, bot.Message{Channel: bot.SMS, Address: customerPhone, Text: "Bonjour"})

	drain(t, loop, 1)
	makeDue(t, db)
	drain(t, loop, 0)

	got := readOutbox(t, db, id)
	if got.Status != "stopped" || got.Attempts != 1 {
		t.Errorf("after 21610: status %s, %d attempts, want stopped, 1", got.Status, got.Attempts)
	}
	if !strings.Contains(got.LastError, "21610") {
		t.Errorf("last_error = %q, want Twilio's code 21610", got.LastError)
	}
	if strings.Contains(got.LastError, customerPhone) {
		t.Errorf("last_error %q shows the whole phone number", got.LastError)
	}
	if sent := fake.Sent(); len(sent) != 0 {
		t.Errorf("Twilio accepted %+v, want nothing", sent)
	}
	var source string
	err := db.QueryRow(t.Context(), `SELECT source FROM opt_outs WHERE channel = 'sms' AND address = $1`,
		customerPhone).Scan(&source)
	if err != nil || source != "provider" {
		t.Errorf("opt-out after 21610: source %q, error %v; want a provider opt-out", source, err)
	}
}

func TestSenderTwilioServerError(t *testing.T) {
	db := pgtest.Pool(t, "bot")
	loop, fake := twilioLoop(t, db)
	fake.FailNext(1, twiliotest.ServerError())
	id := enqueue(t, db, bot.Message{Channel: bot.SMS, Address: customerPhone, Text: "Bonjour"})

	drain(t, loop, 1)
	failed := readOutbox(t, db, id)
	if failed.Status != "pending" || failed.Attempts != 1 || failed.LastError == "" {
		t.Errorf("after 500: status %s, %d attempts, last_error %q, want pending, 1, the error",
			failed.Status, failed.Attempts, failed.LastError)
	}
	if failed.DueIn <= 0 {
		t.Errorf("next attempt in %v, want in the future", failed.DueIn)
	}

	drain(t, loop, 0)
	makeDue(t, db)
	drain(t, loop, 1)

	sent := fake.Sent()
	if len(sent) != 1 {
		t.Fatalf("Twilio accepted %d messages, want 1", len(sent))
	}
	got := readOutbox(t, db, id)
	if got.Status != "sent" || got.Attempts != 2 || got.ProviderMessageID != sent[0].SID {
		t.Errorf("after retry: status %s, %d attempts, provider id %q, want sent, 2, %s",
			got.Status, got.Attempts, got.ProviderMessageID, sent[0].SID)
	}
}

func TestSenderFailsAfterMaxAttempts(t *testing.T) {
	db := pgtest.Pool(t, "bot")
	loop, fake := twilioLoop(t, db)
	fake.FailNext(10, twiliotest.ServerError())
	id := enqueue(t, db, bot.Message{Channel: bot.SMS, Address: customerPhone, Text: "Bonjour"})

	var delays []time.Duration
	for attempt := 1; attempt <= loop.MaxAttempts; attempt++ {
		drain(t, loop, 1)
		got := readOutbox(t, db, id)
		if got.Attempts != attempt {
			t.Errorf("attempts = %d, want %d", got.Attempts, attempt)
		}
		if attempt < loop.MaxAttempts && got.Status != "pending" {
			t.Errorf("status after attempt %d = %s, want pending", attempt, got.Status)
		}
		delays = append(delays, got.DueIn)
		makeDue(t, db)
	}
	drain(t, loop, 0)

	got := readOutbox(t, db, id)
	if got.Status != "failed" || got.Attempts != loop.MaxAttempts || got.LastError == "" {
		t.Errorf("after %d failures: status %s, %d attempts, last_error %q, want failed, %d, the error",
			loop.MaxAttempts, got.Status, got.Attempts, got.LastError, loop.MaxAttempts)
	}
	if calls := fake.Calls(); calls != loop.MaxAttempts {
		t.Errorf("Twilio calls = %d, want %d", calls, loop.MaxAttempts)
	}
	if delays[1] <= delays[0] {
		t.Errorf("retry delays %v, want the second longer than the first", delays[:2])
	}
}

func TestSenderRunWakesOnNotify(t *testing.T) {
	db := pgtest.Pool(t, "bot")
	loop, fake := twilioLoop(t, db)
	loop.PollInterval = time.Hour
	runInBackground(t, "sms sender", loop.Run)

	// Each message after the first is queued once the loop has sent the
	// one before and gone back to waiting, so with an hour between polls
	// only the NOTIFY of Enqueue can wake it in time.
	for i, text := range []string{"Bonjour", "Commande envoyée", "Commande acceptée"} {
		tx, err := db.Begin(t.Context())
		if err != nil {
			t.Fatalf("begin: %v", err)
		}
		if _, err := bot.Enqueue(t.Context(), tx, bot.Message{Channel: bot.SMS, Address: customerPhone, Text: text}, 0); err != nil {
			t.Fatalf("enqueue: %v", err)
		}
		if err := tx.Commit(t.Context()); err != nil {
			t.Fatalf("commit: %v", err)
		}

		sent := fake.WaitSent(t, i+1, waitTimeout)
		if got := sent[i]; got.To != customerPhone || got.Body != text {
			t.Errorf("SMS %d = %+v, want %q to %s", i+1, got, text, customerPhone)
		}
	}
}
