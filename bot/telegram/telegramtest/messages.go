package telegramtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
	"unicode/utf16"
)

// Bot API limits that sendMessage enforces, as documented at
// https://core.telegram.org/bots/api.
const (
	maxTextLength         = 4096 // UTF-16 code units of the message text
	maxCallbackDataLength = 64   // bytes of a button's callback_data
)

// SentMessage is one sendMessage call the server accepted.
type SentMessage struct {
	MessageID int
	ChatID    int64
	Text      string
	// ParseMode is the parse_mode parameter, empty for plain text.
	ParseMode string
	// ReplyMarkup is the reply_markup parameter as sent, a JSON object, or
	// empty.
	ReplyMarkup string
	// Keyboard is the inline_keyboard of ReplyMarkup.
	Keyboard [][]InlineButton
}

// InlineButton is one button of an inline keyboard.
type InlineButton struct {
	Text         string `json:"text"`
	CallbackData string `json:"callback_data,omitempty"`
	URL          string `json:"url,omitempty"`
}

// AnsweredCallback is one answerCallbackQuery call.
type AnsweredCallback struct {
	ID        string
	Text      string
	ShowAlert bool
}

func (s *Server) sendMessage(w http.ResponseWriter, params url.Values) {
	chatID, err := strconv.ParseInt(params.Get("chat_id"), 10, 64)
	if err != nil {
		writeError(w, http.StatusBadRequest, "Bad Request: chat not found", 0)
		return
	}
	text := params.Get("text")
	if text == "" {
		writeError(w, http.StatusBadRequest, "Bad Request: message text is empty", 0)
		return
	}
	if len(utf16.Encode([]rune(text))) > maxTextLength {
		writeError(w, http.StatusBadRequest, "Bad Request: message is too long", 0)
		return
	}
	keyboard, problem := parseKeyboard(params.Get("reply_markup"))
	if problem != "" {
		writeError(w, http.StatusBadRequest, "Bad Request: "+problem, 0)
		return
	}

	s.mu.Lock()
	sent := SentMessage{
		MessageID:   s.takeMessageID(),
		ChatID:      chatID,
		Text:        text,
		ParseMode:   params.Get("parse_mode"),
		ReplyMarkup: params.Get("reply_markup"),
		Keyboard:    keyboard,
	}
	s.sent = append(s.sent, sent)
	s.notify()
	s.mu.Unlock()

	result := map[string]any{
		"message_id": sent.MessageID,
		"from":       botUser,
		"chat":       privateChat(chatID),
		"date":       time.Now().Unix(),
		"text":       text,
	}
	if sent.ReplyMarkup != "" {
		result["reply_markup"] = json.RawMessage(sent.ReplyMarkup)
	}
	writeResult(w, result)
}

// parseKeyboard returns the inline keyboard of a reply_markup parameter,
// or the Bot API's description of what is wrong with it.
func parseKeyboard(replyMarkup string) ([][]InlineButton, string) {
	if replyMarkup == "" {
		return nil, ""
	}
	var markup struct {
		InlineKeyboard [][]InlineButton `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(replyMarkup), &markup); err != nil {
		return nil, "can't parse reply keyboard markup JSON object"
	}
	for _, row := range markup.InlineKeyboard {
		for _, button := range row {
			if len(button.CallbackData) > maxCallbackDataLength {
				return nil, "BUTTON_DATA_INVALID"
			}
		}
	}
	return markup.InlineKeyboard, ""
}

func (s *Server) answerCallbackQuery(w http.ResponseWriter, params url.Values) {
	id := params.Get("callback_query_id")
	s.mu.Lock()
	known := s.callbackIDs[id]
	if known {
		s.answered = append(s.answered, AnsweredCallback{
			ID:        id,
			Text:      params.Get("text"),
			ShowAlert: params.Get("show_alert") == "true",
		})
		s.notify()
	}
	s.mu.Unlock()

	if !known {
		writeError(w, http.StatusBadRequest,
			"Bad Request: query is too old and response timeout expired or query ID is invalid", 0)
		return
	}
	writeResult(w, true)
}

// Sent returns the messages sent so far, in order.
func (s *Server) Sent() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SentMessage(nil), s.sent...)
}

// AnsweredCallbacks returns the answerCallbackQuery calls so far, in
// order. Only ids of queries queued by PushCallback are recorded. Other
// ids get the 400 that Telegram returns for an expired query.
func (s *Server) AnsweredCallbacks() []AnsweredCallback {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]AnsweredCallback(nil), s.answered...)
}

// WaitSent waits until at least n messages were sent and returns all sent
// messages. It fails the test with t.Fatalf after timeout, so call it from
// the test's goroutine.
func (s *Server) WaitSent(t testing.TB, n int, timeout time.Duration) []SentMessage {
	t.Helper()
	if !s.waitFor(timeout, func() bool { return len(s.sent) >= n }) {
		sent := s.Sent()
		t.Fatalf("telegramtest: %d messages sent after %s, want at least %d: %+v", len(sent), timeout, n, sent)
	}
	return s.Sent()
}

// WaitAnswered waits until at least n callback queries were answered and
// returns all answers. It fails the test with t.Fatalf after timeout.
func (s *Server) WaitAnswered(t testing.TB, n int, timeout time.Duration) []AnsweredCallback {
	t.Helper()
	if !s.waitFor(timeout, func() bool { return len(s.answered) >= n }) {
		answered := s.AnsweredCallbacks()
		t.Fatalf("telegramtest: %d callback queries answered after %s, want at least %d: %+v", len(answered), timeout, n, answered)
	}
	return s.AnsweredCallbacks()
}

// waitFor waits until done, called with s.mu held, reports true, or until
// timeout.
func (s *Server) waitFor(timeout time.Duration, done func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok := done()
		changed := s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-changed:
		case <-deadline.C:
			return false
		}
	}
}
