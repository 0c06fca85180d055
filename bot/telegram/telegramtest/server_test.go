package telegramtest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/drivelocal/drivelocal/bot/telegram/telegramtest"
)

func newAPI(t *testing.T, fake *telegramtest.Server) *tgbotapi.BotAPI {
	t.Helper()
	api, err := tgbotapi.NewBotAPIWithClient(fake.Token(), fake.Endpoint(), &http.Client{})
	if err != nil {
		t.Fatalf("connect to fake: %v", err)
	}
	return api
}

// post sends a raw request to method and decodes the Bot API response.
func post(t *testing.T, fake *telegramtest.Server, token, method, contentType string, body io.Reader) (int, tgbotapi.APIResponse) {
	t.Helper()
	resp, err := http.Post(fake.URL()+"/bot"+token+"/"+method, contentType, body)
	if err != nil {
		t.Fatalf("post %s: %v", method, err)
	}
	defer resp.Body.Close()
	var decoded tgbotapi.APIResponse
	if err := json.NewDecoder(resp.Body).Decode(&decoded); err != nil {
		t.Fatalf("decode %s response: %v", method, err)
	}
	return resp.StatusCode, decoded
}

func postForm(t *testing.T, fake *telegramtest.Server, method string, params url.Values) (int, tgbotapi.APIResponse) {
	t.Helper()
	return post(t, fake, fake.Token(), method, "application/x-www-form-urlencoded", strings.NewReader(params.Encode()))
}

func updateIDs(updates []tgbotapi.Update) []int {
	ids := make([]int, 0, len(updates))
	for _, u := range updates {
		ids = append(ids, u.UpdateID)
	}
	return ids
}

func TestGetMeReturnsBot(t *testing.T) {
	fake := telegramtest.New(t)

	api := newAPI(t, fake)

	if !api.Self.IsBot {
		t.Errorf("Self.IsBot = false, want true")
	}
	if api.Self.UserName != "drivelocal_test_bot" {
		t.Errorf("Self.UserName = %q, want %q", api.Self.UserName, "drivelocal_test_bot")
	}
}

func TestWrongTokenGetsUnauthorized(t *testing.T) {
	fake := telegramtest.New(t)

	status, resp := post(t, fake, "42:AAWrong", "getMe", "application/x-www-form-urlencoded", nil)

	if status != http.StatusUnauthorized {
		t.Errorf("HTTP status = %d, want 401", status)
	}
	if resp.Ok {
		t.Errorf("ok = true, want false")
	}
	if resp.ErrorCode != http.StatusUnauthorized {
		t.Errorf("error_code = %d, want 401", resp.ErrorCode)
	}
	if resp.Description != "Unauthorized" {
		t.Errorf("description = %q, want %q", resp.Description, "Unauthorized")
	}
}

func TestGetUpdatesHonoursOffset(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	first := fake.PushText(42, "un")
	second := fake.PushText(42, "deux")
	third := fake.PushText(42, "trois")

	all, errAll := api.GetUpdates(tgbotapi.UpdateConfig{})
	again, errAgain := api.GetUpdates(tgbotapi.UpdateConfig{})
	rest, errRest := api.GetUpdates(tgbotapi.UpdateConfig{Offset: second})
	pendingAfterRest := fake.Pending()

	if err := errors.Join(errAll, errAgain, errRest); err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}
	if got, want := updateIDs(all), []int{first, second, third}; !slices.Equal(got, want) {
		t.Errorf("updates from offset 0 = %v, want %v", got, want)
	}
	if got, want := updateIDs(again), []int{first, second, third}; !slices.Equal(got, want) {
		t.Errorf("unconfirmed updates served again = %v, want %v", got, want)
	}
	if got, want := updateIDs(rest), []int{second, third}; !slices.Equal(got, want) {
		t.Errorf("updates from offset %d = %v, want %v", second, got, want)
	}
	if pendingAfterRest != 2 {
		t.Errorf("Pending after confirming the first update = %d, want 2", pendingAfterRest)
	}
	if got, want := fake.Offsets(), []int{0, 0, second}; !slices.Equal(got, want) {
		t.Errorf("Offsets = %v, want %v", got, want)
	}
}

func TestGetUpdatesHonoursLimitAndNegativeOffset(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	fake.PushText(42, "un")
	second := fake.PushText(42, "deux")
	third := fake.PushText(42, "trois")

	limited, errLimited := api.GetUpdates(tgbotapi.UpdateConfig{Limit: 1})
	last, errLast := api.GetUpdates(tgbotapi.UpdateConfig{Offset: -2})

	if err := errors.Join(errLimited, errLast); err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}
	if len(limited) != 1 {
		t.Errorf("GetUpdates with limit 1 returned %d updates", len(limited))
	}
	if got, want := updateIDs(last), []int{second, third}; !slices.Equal(got, want) {
		t.Errorf("updates from offset -2 = %v, want %v", got, want)
	}
}

func TestGetUpdatesWaitsWhenEmpty(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	started := time.Now()

	updates, err := api.GetUpdates(tgbotapi.UpdateConfig{Timeout: 30})

	elapsed := time.Since(started)
	if err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}
	if len(updates) != 0 {
		t.Errorf("GetUpdates returned %d updates, want none", len(updates))
	}
	if elapsed < telegramtest.MaxPollWait-20*time.Millisecond {
		t.Errorf("empty long poll returned after %s, want about %s", elapsed, telegramtest.MaxPollWait)
	}
	if elapsed > time.Second {
		t.Errorf("empty long poll returned after %s, want the wait capped at %s", elapsed, telegramtest.MaxPollWait)
	}
}

func TestGetUpdatesWithoutTimeoutReturnsAtOnce(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	started := time.Now()

	if _, err := api.GetUpdates(tgbotapi.UpdateConfig{}); err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}

	if elapsed := time.Since(started); elapsed > telegramtest.MaxPollWait/2 {
		t.Errorf("short poll returned after %s, want at once", elapsed)
	}
}

func TestGetUpdatesWakesOnPush(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	go func() {
		time.Sleep(telegramtest.MaxPollWait / 4)
		fake.PushText(42, "Bonjour")
	}()

	updates, err := api.GetUpdates(tgbotapi.UpdateConfig{Timeout: 30})

	if err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}
	if len(updates) != 1 {
		t.Fatalf("GetUpdates returned %d updates, want the one pushed during the wait", len(updates))
	}
	if updates[0].Message.Text != "Bonjour" {
		t.Errorf("text = %q, want %q", updates[0].Message.Text, "Bonjour")
	}
}

func TestGetUpdatesConflictEndsOlderPoll(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	older := make(chan error, 1)
	go func() {
		_, err := api.GetUpdates(tgbotapi.UpdateConfig{Timeout: 30})
		older <- err
	}()
	for fake.Requests("getUpdates") == 0 {
		time.Sleep(time.Millisecond)
	}

	_, newerErr := api.GetUpdates(tgbotapi.UpdateConfig{Timeout: 30})
	olderErr := <-older

	if newerErr != nil {
		t.Errorf("newer GetUpdates: %v", newerErr)
	}
	var apiErr *tgbotapi.Error
	if !errors.As(olderErr, &apiErr) || apiErr.Code != http.StatusConflict {
		t.Errorf("older GetUpdates returned %v, want a 409 Conflict", olderErr)
	}
}

func TestPushUpdateAcceptsStructAndDropsNulls(t *testing.T) {
	fake := telegramtest.New(t)
	id := fake.PushUpdate(tgbotapi.Update{
		UpdateID: 1,
		Message: &tgbotapi.Message{
			MessageID: 5,
			Chat:      &tgbotapi.Chat{ID: 42, Type: "private"},
			Text:      "Bonjour",
		},
	})

	_, resp := postForm(t, fake, "getUpdates", url.Values{})

	if id == 1 {
		t.Errorf("PushUpdate kept update_id 1, want the server's next id")
	}
	if strings.Contains(string(resp.Result), "null") {
		t.Errorf("served update contains null fields: %s", resp.Result)
	}
	var updates []tgbotapi.Update
	if err := json.Unmarshal(resp.Result, &updates); err != nil {
		t.Fatalf("decode updates: %v", err)
	}
	if len(updates) != 1 || updates[0].UpdateID != id || updates[0].Message.Text != "Bonjour" {
		t.Errorf("served updates = %s, want one text update with update_id %d", resp.Result, id)
	}
}

func TestPushUpdateAcceptsJSON(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	id := fake.PushUpdate(`{"update_id": 7, "message": {"message_id": 1, "date": 1718002341,
		"chat": {"id": 42, "type": "private"}, "text": "Salut"}}`)

	updates, err := api.GetUpdates(tgbotapi.UpdateConfig{})

	if err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}
	if len(updates) != 1 || updates[0].UpdateID != id {
		t.Fatalf("updates = %+v, want one with update_id %d", updates, id)
	}
	if updates[0].Message.Text != "Salut" {
		t.Errorf("text = %q, want %q", updates[0].Message.Text, "Salut")
	}
}

func TestPushHelpersBuildUpdates(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	fake.PushText(42, "Bonjour")
	fake.PushLocation(42, 43.5297, 5.4474)
	callbackID := fake.PushCallback(42, "fulfilment:drive")

	updates, err := api.GetUpdates(tgbotapi.UpdateConfig{})

	if err != nil {
		t.Fatalf("GetUpdates: %v", err)
	}
	if len(updates) != 3 {
		t.Fatalf("GetUpdates returned %d updates, want 3", len(updates))
	}
	text, location, callback := updates[0], updates[1], updates[2]
	if text.Message.Chat.ID != 42 {
		t.Errorf("text chat id = %d, want 42", text.Message.Chat.ID)
	}
	if text.Message.From.FirstName != telegramtest.FirstName {
		t.Errorf("text from.first_name = %q, want %q", text.Message.From.FirstName, telegramtest.FirstName)
	}
	if location.Message.Location == nil || location.Message.Location.Latitude != 43.5297 || location.Message.Location.Longitude != 5.4474 {
		t.Errorf("location = %+v, want 43.5297, 5.4474", location.Message.Location)
	}
	if callback.CallbackQuery.ID != telegramtest.CallbackID(callbackID) {
		t.Errorf("callback query id = %q, want %q", callback.CallbackQuery.ID, telegramtest.CallbackID(callbackID))
	}
	if callback.CallbackQuery.Data != "fulfilment:drive" {
		t.Errorf("callback data = %q, want %q", callback.CallbackQuery.Data, "fulfilment:drive")
	}
	if callback.CallbackQuery.Message.Chat.ID != 42 {
		t.Errorf("callback message chat id = %d, want 42", callback.CallbackQuery.Message.Chat.ID)
	}
}

func TestSendMessageRecordsMessage(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	cfg := tgbotapi.NewMessage(42, "Drive ou livraison ?")
	cfg.ReplyMarkup = tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
		tgbotapi.NewInlineKeyboardButtonData("Drive", "fulfilment:drive"),
		tgbotapi.NewInlineKeyboardButtonData("Livraison", "fulfilment:delivery"),
	))

	msg, err := api.Send(cfg)

	if err != nil {
		t.Fatalf("Send: %v", err)
	}
	sent := fake.WaitSent(t, 1, time.Second)
	if sent[0].MessageID != msg.MessageID {
		t.Errorf("recorded message_id = %d, want %d as returned", sent[0].MessageID, msg.MessageID)
	}
	if sent[0].ChatID != 42 {
		t.Errorf("chat_id = %d, want 42", sent[0].ChatID)
	}
	if sent[0].Text != "Drive ou livraison ?" {
		t.Errorf("text = %q, want %q", sent[0].Text, "Drive ou livraison ?")
	}
	wantKeyboard := [][]telegramtest.InlineButton{{
		{Text: "Drive", CallbackData: "fulfilment:drive"},
		{Text: "Livraison", CallbackData: "fulfilment:delivery"},
	}}
	if fmt.Sprint(sent[0].Keyboard) != fmt.Sprint(wantKeyboard) {
		t.Errorf("keyboard = %+v, want %+v", sent[0].Keyboard, wantKeyboard)
	}
	if msg.Chat == nil || msg.Chat.ID != 42 {
		t.Errorf("returned message chat = %+v, want id 42", msg.Chat)
	}
}

func TestSendMessageParsesMultipartAndJSON(t *testing.T) {
	fake := telegramtest.New(t)
	var body bytes.Buffer
	form := multipart.NewWriter(&body)
	for key, value := range map[string]string{"chat_id": "42", "text": "multipart"} {
		if err := form.WriteField(key, value); err != nil {
			t.Fatalf("write field: %v", err)
		}
	}
	if err := form.Close(); err != nil {
		t.Fatalf("close multipart: %v", err)
	}

	multipartStatus, _ := post(t, fake, fake.Token(), "sendMessage", form.FormDataContentType(), &body)
	jsonStatus, _ := post(t, fake, fake.Token(), "sendMessage", "application/json",
		strings.NewReader(`{"chat_id": 43, "text": "json"}`))

	if multipartStatus != http.StatusOK {
		t.Errorf("multipart sendMessage status = %d, want 200", multipartStatus)
	}
	if jsonStatus != http.StatusOK {
		t.Errorf("JSON sendMessage status = %d, want 200", jsonStatus)
	}
	sent := fake.Sent()
	if len(sent) != 2 {
		t.Fatalf("recorded %d messages, want 2", len(sent))
	}
	if sent[0].ChatID != 42 || sent[0].Text != "multipart" {
		t.Errorf("multipart message = %+v, want chat 42 and text %q", sent[0], "multipart")
	}
	if sent[1].ChatID != 43 || sent[1].Text != "json" {
		t.Errorf("JSON message = %+v, want chat 43 and text %q", sent[1], "json")
	}
}

func TestSendMessageRejectsInvalidRequests(t *testing.T) {
	cases := []struct {
		name   string
		params url.Values
		want   string
	}{
		{name: "missing chat", params: url.Values{"text": {"Bonjour"}}, want: "Bad Request: chat not found"},
		{name: "empty text", params: url.Values{"chat_id": {"42"}}, want: "Bad Request: message text is empty"},
		{name: "text too long", params: url.Values{"chat_id": {"42"}, "text": {strings.Repeat("é", 4097)}},
			want: "Bad Request: message is too long"},
		{name: "invalid markup", params: url.Values{"chat_id": {"42"}, "text": {"a"}, "reply_markup": {"{"}},
			want: "Bad Request: can't parse reply keyboard markup JSON object"},
		{name: "callback data too long", params: url.Values{"chat_id": {"42"}, "text": {"a"},
			"reply_markup": {`{"inline_keyboard":[[{"text":"a","callback_data":"` + strings.Repeat("x", 65) + `"}]]}`}},
			want: "Bad Request: BUTTON_DATA_INVALID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fake := telegramtest.New(t)

			status, resp := postForm(t, fake, "sendMessage", tc.params)

			if status != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", status)
			}
			if resp.Description != tc.want {
				t.Errorf("description = %q, want %q", resp.Description, tc.want)
			}
			if n := len(fake.Sent()); n != 0 {
				t.Errorf("recorded %d messages, want 0", n)
			}
		})
	}
}

func TestAnswerCallbackQueryRecordsKnownQueries(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	updateID := fake.PushCallback(42, "fulfilment:drive")

	_, knownErr := api.Request(tgbotapi.NewCallback(telegramtest.CallbackID(updateID), "C'est noté"))
	_, unknownErr := api.Request(tgbotapi.NewCallback("unknown", ""))

	if knownErr != nil {
		t.Errorf("answer a pushed callback query: %v", knownErr)
	}
	if unknownErr == nil {
		t.Errorf("answer an unknown callback query succeeded, want 400")
	}
	answered := fake.AnsweredCallbacks()
	if len(answered) != 1 {
		t.Fatalf("recorded %d answers, want 1", len(answered))
	}
	if answered[0].ID != telegramtest.CallbackID(updateID) {
		t.Errorf("answered id = %q, want %q", answered[0].ID, telegramtest.CallbackID(updateID))
	}
	if answered[0].Text != "C'est noté" {
		t.Errorf("answer text = %q, want %q", answered[0].Text, "C'est noté")
	}
}

func TestFailSendsAnswersRateLimitThenRecovers(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	fake.FailSends(1, telegramtest.RateLimited(3))

	status, resp := postForm(t, fake, "sendMessage", url.Values{"chat_id": {"42"}, "text": {"a"}})
	_, err := api.Send(tgbotapi.NewMessage(42, "b"))

	if status != http.StatusTooManyRequests {
		t.Errorf("status = %d, want 429", status)
	}
	if resp.ErrorCode != http.StatusTooManyRequests {
		t.Errorf("error_code = %d, want 429", resp.ErrorCode)
	}
	if resp.Parameters == nil || resp.Parameters.RetryAfter != 3 {
		t.Errorf("parameters = %+v, want retry_after 3", resp.Parameters)
	}
	if err != nil {
		t.Errorf("Send after the injected failure: %v", err)
	}
	if got := fake.Requests("sendMessage"); got != 2 {
		t.Errorf("Requests(sendMessage) = %d, want 2", got)
	}
}

func TestDelayFaultRecordsNothingWhenClientGivesUp(t *testing.T) {
	fake := telegramtest.New(t)
	api := newAPI(t, fake)
	api.Client = &http.Client{Timeout: 50 * time.Millisecond}
	fake.FailSends(1, telegramtest.Delay(time.Second))

	_, err := api.Send(tgbotapi.NewMessage(42, "Bonjour"))

	if err == nil {
		t.Errorf("Send returned no error, want a client timeout")
	}
	time.Sleep(50 * time.Millisecond)
	if n := len(fake.Sent()); n != 0 {
		t.Errorf("recorded %d messages, want 0", n)
	}
}

// recordingT records failures in place of reporting them, to test that
// the server fails the test.
type recordingT struct {
	testing.TB
	mu       sync.Mutex
	failures []string
}

func (r *recordingT) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recordingT) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}

func (r *recordingT) Failures() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.failures)
}

func TestUnknownMethodFailsTest(t *testing.T) {
	rec := &recordingT{TB: t}
	fake := telegramtest.New(rec)

	status, _ := postForm(t, fake, "sendPhoto", url.Values{"chat_id": {"42"}})

	if status != http.StatusNotFound {
		t.Errorf("status = %d, want 404", status)
	}
	failures := rec.Failures()
	if len(failures) != 1 || !strings.Contains(failures[0], "unexpected method sendPhoto") {
		t.Errorf("test failures = %q, want one about the unexpected sendPhoto", failures)
	}
}

func TestWaitSentFailsAfterTimeout(t *testing.T) {
	rec := &recordingT{TB: t}
	fake := telegramtest.New(rec)
	done := make(chan struct{})

	go func() {
		defer close(done)
		fake.WaitSent(rec, 1, 20*time.Millisecond)
	}()
	<-done

	failures := rec.Failures()
	if len(failures) != 1 || !strings.Contains(failures[0], "0 messages sent") {
		t.Errorf("test failures = %q, want one about 0 messages sent", failures)
	}
}
