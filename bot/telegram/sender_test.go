package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/telegram/telegramtest"
)

func TestSenderSendsPlainTextWithButtons(t *testing.T) {
	fake := telegramtest.New(t)
	sender := NewSender(newFakeAPI(t, fake))
	m := bot.Message{
		ID:      7,
		Channel: bot.Telegram,
		Address: "512345678",
		Text:    "Retrait au drive ou livraison ?",
		Buttons: [][]bot.Button{
			{{Label: "Drive", Data: "fulfilment:drive"}, {Label: "Livraison", Data: "fulfilment:delivery"}},
			{{Label: "Annuler", Data: "cancel"}},
		},
	}

	id, err := sender.Send(t.Context(), m)

	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := fake.Sent()
	if len(sent) != 1 {
		t.Fatalf("fake recorded %d messages, want 1", len(sent))
	}
	if want := "1"; id != want {
		t.Errorf("provider id = %q, want %q", id, want)
	}
	if sent[0].ChatID != 512345678 {
		t.Errorf("chat_id = %d, want 512345678", sent[0].ChatID)
	}
	if sent[0].Text != m.Text {
		t.Errorf("text = %q, want %q", sent[0].Text, m.Text)
	}
	if sent[0].ParseMode != "" {
		t.Errorf("parse_mode = %q, want none", sent[0].ParseMode)
	}
	wantMarkup := `{"inline_keyboard":[
		[{"text":"Drive","callback_data":"fulfilment:drive"},{"text":"Livraison","callback_data":"fulfilment:delivery"}],
		[{"text":"Annuler","callback_data":"cancel"}]]}`
	assertJSONEqual(t, sent[0].ReplyMarkup, wantMarkup)
}

func TestSenderOmitsEmptyKeyboard(t *testing.T) {
	fake := telegramtest.New(t)
	sender := NewSender(newFakeAPI(t, fake))
	m := bot.Message{Channel: bot.Telegram, Address: "512345678", Text: "Merci !", Buttons: [][]bot.Button{{}}}

	if _, err := sender.Send(t.Context(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}

	sent := fake.Sent()
	if len(sent) != 1 {
		t.Fatalf("fake recorded %d messages, want 1", len(sent))
	}
	if sent[0].ReplyMarkup != "" {
		t.Errorf("reply_markup = %q, want none", sent[0].ReplyMarkup)
	}
}

func TestSenderReturnsIncreasingMessageIDs(t *testing.T) {
	fake := telegramtest.New(t)
	sender := NewSender(newFakeAPI(t, fake))
	m := bot.Message{Channel: bot.Telegram, Address: "512345678", Text: "Bonjour"}

	first, err := sender.Send(t.Context(), m)
	if err != nil {
		t.Fatalf("first Send: %v", err)
	}
	second, err := sender.Send(t.Context(), m)
	if err != nil {
		t.Fatalf("second Send: %v", err)
	}

	if first == second {
		t.Errorf("both sends returned provider id %q, want distinct ids", first)
	}
}

func TestSenderClassifiesErrors(t *testing.T) {
	cases := []struct {
		name           string
		fault          telegramtest.Fault
		sendTimeout    time.Duration
		clientTimeout  time.Duration
		wantKind       bot.SendErrorKind
		wantRetryAfter time.Duration
	}{
		{name: "rate limited", fault: telegramtest.RateLimited(3), wantKind: bot.Retry, wantRetryAfter: 3 * time.Second},
		{name: "server error", fault: telegramtest.ServerError(), wantKind: bot.Retry},
		{name: "blocked", fault: telegramtest.Blocked(), wantKind: bot.Stopped},
		{name: "deactivated", fault: telegramtest.Deactivated(), wantKind: bot.Stopped},
		{name: "chat not found", fault: telegramtest.ChatNotFound(), wantKind: bot.Fail},
		{name: "send timeout", fault: telegramtest.Delay(2 * time.Second), sendTimeout: 100 * time.Millisecond, wantKind: bot.Retry},
		{name: "client timeout", fault: telegramtest.Delay(2 * time.Second), clientTimeout: 100 * time.Millisecond, wantKind: bot.Retry},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fake := telegramtest.New(t)
			api, err := NewAPI(fake.Token(), fake.Endpoint(), &http.Client{Timeout: tc.clientTimeout})
			if err != nil {
				t.Fatalf("NewAPI: %v", err)
			}
			sender := NewSender(api)
			sender.Timeout = tc.sendTimeout
			fake.FailSends(1, tc.fault)

			_, err = sender.Send(t.Context(), bot.Message{Channel: bot.Telegram, Address: "512345678", Text: "Bonjour"})

			var sendErr *bot.SendError
			if !errors.As(err, &sendErr) {
				t.Fatalf("Send returned %v, want a *bot.SendError", err)
			}
			if sendErr.Kind != tc.wantKind {
				t.Errorf("Kind = %s, want %s (error: %v)", sendErr.Kind, tc.wantKind, err)
			}
			if sendErr.RetryAfter != tc.wantRetryAfter {
				t.Errorf("RetryAfter = %s, want %s", sendErr.RetryAfter, tc.wantRetryAfter)
			}
			if strings.Contains(err.Error(), fake.Token()) {
				t.Errorf("error = %q contains the token", err)
			}
			if n := len(fake.Sent()); n != 0 {
				t.Errorf("fake recorded %d messages, want 0", n)
			}
		})
	}
}

func TestSenderTimeoutErrorHidesToken(t *testing.T) {
	fake := telegramtest.New(t)
	sender := NewSender(newFakeAPI(t, fake))
	sender.Timeout = 100 * time.Millisecond
	fake.FailSends(1, telegramtest.Delay(2*time.Second))

	_, err := sender.Send(t.Context(), bot.Message{Channel: bot.Telegram, Address: "512345678", Text: "Bonjour"})

	if err == nil {
		t.Fatalf("Send returned no error, want a timeout")
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %q, want it to wrap context.DeadlineExceeded", err)
	}
	if strings.Contains(err.Error(), fake.Token()) {
		t.Errorf("error = %q contains the token", err)
	}
	if !strings.Contains(err.Error(), "/bot***/sendMessage") {
		t.Errorf("error = %q, want the URL with the token replaced by ***", err)
	}
}

func TestSenderNetworkErrorIsRetry(t *testing.T) {
	fake := telegramtest.New(t)
	api := newFakeAPI(t, fake)
	api.SetAPIEndpoint(closedEndpoint(t))

	_, err := NewSender(api).Send(t.Context(), bot.Message{Channel: bot.Telegram, Address: "512345678", Text: "Bonjour"})

	kind, _ := bot.ClassifySendError(err)
	if kind != bot.Retry {
		t.Errorf("kind = %s, want retry (error: %v)", kind, err)
	}
	if err != nil && strings.Contains(err.Error(), fake.Token()) {
		t.Errorf("error = %q contains the token", err)
	}
}

func TestSenderRecoversAfterInjectedFailures(t *testing.T) {
	fake := telegramtest.New(t)
	sender := NewSender(newFakeAPI(t, fake))
	fake.FailSends(2, telegramtest.ServerError())
	m := bot.Message{Channel: bot.Telegram, Address: "512345678", Text: "Bonjour"}

	_, firstErr := sender.Send(t.Context(), m)
	_, secondErr := sender.Send(t.Context(), m)
	_, thirdErr := sender.Send(t.Context(), m)

	if firstErr == nil {
		t.Errorf("first Send succeeded, want the injected 500")
	}
	if secondErr == nil {
		t.Errorf("second Send succeeded, want the injected 500")
	}
	if thirdErr != nil {
		t.Errorf("third Send: %v, want success", thirdErr)
	}
}

func TestSenderRejectsMessagesForOtherChannels(t *testing.T) {
	cases := []struct {
		name string
		m    bot.Message
	}{
		{name: "sms channel", m: bot.Message{Channel: bot.SMS, Address: "512345678", Text: "Bonjour"}},
		{name: "phone number", m: bot.Message{Channel: bot.Telegram, Address: "+33612345678", Text: "Bonjour"}},
		{name: "empty address", m: bot.Message{Channel: bot.Telegram, Address: "", Text: "Bonjour"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fake := telegramtest.New(t)
			sender := NewSender(newFakeAPI(t, fake))

			_, err := sender.Send(t.Context(), tc.m)

			kind, _ := bot.ClassifySendError(err)
			if err == nil || kind != bot.Fail {
				t.Errorf("Send returned %v, want a Fail error", err)
			}
			if n := len(fake.Sent()); n != 0 {
				t.Errorf("fake recorded %d messages, want 0", n)
			}
		})
	}
}

func assertJSONEqual(t *testing.T, got, want string) {
	t.Helper()
	var gotValue, wantValue any
	if err := json.Unmarshal([]byte(got), &gotValue); err != nil {
		t.Fatalf("decode %q: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &wantValue); err != nil {
		t.Fatalf("decode expected JSON: %v", err)
	}
	if !reflect.DeepEqual(gotValue, wantValue) {
		t.Errorf("JSON = %s, want %s", got, want)
	}
}
