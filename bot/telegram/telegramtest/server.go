// Package telegramtest provides a fake Telegram Bot API server for tests.
// It speaks the Bot API's wire format: form-encoded, multipart or JSON
// requests to /bot<token>/<method>, and JSON responses
// {"ok":true,"result":...} or {"ok":false,"error_code":...,
// "description":...}. It serves getMe, getUpdates from a queue of pushed
// updates, sendMessage and answerCallbackQuery, records what was sent, and
// can fail the next calls of a method on demand. Any other method fails
// the test.
//
// A test points telegram.NewAPI at it:
//
//	fake := telegramtest.New(t)
//	api, err := telegram.NewAPI(fake.Token(), fake.Endpoint(), nil)
//	fake.PushText(42, "Bonjour")
//	sent := fake.WaitSent(t, 1, 5*time.Second)
package telegramtest

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// token is the only bot token the server accepts.
const token = "7012345678:AAFakeTelegramtestTokenDoNotUse_0123"

// botUser is the account getMe returns and the sender of the messages that
// carry callback buttons.
var botUser = map[string]any{
	"id":                          7012345678,
	"is_bot":                      true,
	"first_name":                  "Drive Local",
	"username":                    "drivelocal_test_bot",
	"can_join_groups":             false,
	"can_read_all_group_messages": false,
	"supports_inline_queries":     false,
}

// Server is a fake Bot API on 127.0.0.1. It is safe for concurrent use.
type Server struct {
	t    testing.TB
	srv  *httptest.Server
	done chan struct{}

	mu sync.Mutex
	// changed is closed and replaced whenever the state changes, to wake
	// long polls and waiting tests.
	changed       chan struct{}
	updates       []queuedUpdate
	nextUpdateID  int
	nextMessageID int
	callbackIDs   map[string]bool
	offsets       []int
	poll          chan struct{}
	sent          []SentMessage
	answered      []AnsweredCallback
	faults        map[string][]Fault
	requests      map[string]int
}

// New starts a Server that the test's cleanup closes.
func New(t testing.TB) *Server {
	t.Helper()
	s := &Server{
		t:             t,
		done:          make(chan struct{}),
		changed:       make(chan struct{}),
		nextUpdateID:  100000001,
		nextMessageID: 1,
		callbackIDs:   map[string]bool{},
		faults:        map[string][]Fault{},
		requests:      map[string]int{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	t.Cleanup(func() {
		close(s.done)
		s.srv.Close()
	})
	return s
}

// Endpoint returns the endpoint format that telegram.NewAPI and
// tgbotapi.NewBotAPIWithClient take: the server's URL followed by
// "/bot%s/%s".
func (s *Server) Endpoint() string { return s.srv.URL + "/bot%s/%s" }

// Token returns the bot token the server accepts. Requests with any other
// token get 401 Unauthorized.
func (s *Server) Token() string { return token }

// URL returns the server's base URL, such as "http://127.0.0.1:40123".
func (s *Server) URL() string { return s.srv.URL }

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	reqToken, method, found := strings.Cut(rest, "/")
	if !ok || !found {
		s.t.Errorf("telegramtest: unexpected request %s %s: want /bot<token>/<method>", r.Method, r.URL.Path)
		writeError(w, http.StatusNotFound, "Not Found", 0)
		return
	}
	if reqToken != token {
		writeError(w, http.StatusUnauthorized, "Unauthorized", 0)
		return
	}
	s.countRequest(method)
	params, err := parseParams(r)
	if err != nil {
		s.t.Errorf("telegramtest: %s: %v", method, err)
		writeError(w, http.StatusBadRequest, "Bad Request: "+err.Error(), 0)
		return
	}
	if !s.applyFault(w, r, method) {
		return
	}

	switch method {
	case "getMe":
		writeResult(w, botUser)
	case "getUpdates":
		s.getUpdates(w, r, params)
	case "sendMessage":
		s.sendMessage(w, params)
	case "answerCallbackQuery":
		s.answerCallbackQuery(w, params)
	default:
		s.t.Errorf("telegramtest: unexpected method %s with params %v", method, params)
		writeError(w, http.StatusNotFound, "Not Found: method not found", 0)
	}
}

// parseParams reads a request's parameters the ways the Bot API accepts
// them: URL query, application/x-www-form-urlencoded, multipart/form-data
// (which go-telegram-bot-api v5.5.1 uses for uploads) and
// application/json (non-string values stay JSON text).
func parseParams(r *http.Request) (url.Values, error) {
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mediaType {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			return nil, fmt.Errorf("parse multipart body: %w", err)
		}
		return r.Form, nil
	case "application/json":
		return parseJSONParams(r)
	case "", "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return nil, fmt.Errorf("parse form body: %w", err)
		}
		return r.Form, nil
	}
	return nil, fmt.Errorf("unsupported content type %q", mediaType)
}

func parseJSONParams(r *http.Request) (url.Values, error) {
	var fields map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&fields); err != nil {
		return nil, fmt.Errorf("parse JSON body: %w", err)
	}
	params := r.URL.Query()
	for key, raw := range fields {
		var text string
		if json.Unmarshal(raw, &text) == nil {
			params.Set(key, text)
		} else {
			params.Set(key, string(raw))
		}
	}
	return params, nil
}

// Requests returns how many calls of method (such as "getUpdates") with
// the right token the server received, including the calls that a Fault
// replaced.
func (s *Server) Requests(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[method]
}

func (s *Server) countRequest(method string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[method]++
	s.notify()
}

// notify wakes everything waiting for a change. The caller holds s.mu.
func (s *Server) notify() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func writeResult(w http.ResponseWriter, result any) {
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "result": result})
}

// writeError writes a Bot API error. retryAfter, in seconds, is sent as
// parameters.retry_after when it is positive.
func writeError(w http.ResponseWriter, code int, description string, retryAfter int) {
	body := map[string]any{"ok": false, "error_code": code, "description": description}
	if retryAfter > 0 {
		body["parameters"] = map[string]any{"retry_after": retryAfter}
	}
	writeJSON(w, code, body)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
