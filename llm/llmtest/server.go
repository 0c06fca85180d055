// Package llmtest provides a fake OpenAI-compatible chat-completions
// endpoint for tests, on 127.0.0.1, scripted one reply per request.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// DefaultAPIKey is the key that a Server from New expects unless
// WithAPIKey sets another one.
const DefaultAPIKey = "sk-llmtest-0123456789abcdef"

// ChatCompletionsPath is the only path that the fake serves.
const ChatCompletionsPath = "/v1/chat/completions"

// Server is a fake chat-completions endpoint. It fails the test on a
// request to another path or method, with the wrong Authorization header,
// with a body that is not JSON, or beyond its script. At the end of the test,
// it also fails it when scripted replies were left unused.
type Server struct {
	// URL is the base URL to put in llm.Config.BaseURL. It ends in "/v1".
	URL string
	// APIKey is the Bearer token that requests must carry, or "" when they
	// must carry no Authorization header.
	APIKey string

	t      testing.TB
	server *httptest.Server

	mu       sync.Mutex
	script   []Reply
	requests []Request
}

// Option changes a Server that New starts.
type Option func(*Server)

// WithAPIKey sets the key that requests must carry. An empty key means that
// requests must carry no Authorization header, as for a local server.
func WithAPIKey(key string) Option {
	return func(s *Server) { s.APIKey = key }
}

// New starts a fake on 127.0.0.1 that expects DefaultAPIKey, and stops it
// when the test ends.
func New(t testing.TB, options ...Option) *Server {
	t.Helper()
	s := &Server{APIKey: DefaultAPIKey, t: t}
	for _, option := range options {
		option(s)
	}
	s.server = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.server.URL + "/v1"
	t.Cleanup(s.close)
	return s
}

// Script appends replies, which the fake sends in order, one per request.
func (s *Server) Script(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, replies...)
}

// Requests returns a copy of the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// close stops the server, waiting for requests in progress, and fails the
// test when scripted replies were left unused.
func (s *Server) close() {
	s.server.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.script) > 0 {
		s.t.Errorf("llmtest: scripted replies left unused: %d", len(s.script))
	}
}

// serveHTTP checks and records one request, then sends the next reply.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != ChatCompletionsPath {
		s.t.Errorf("llmtest: unexpected request %s %s, want POST %s", r.Method, r.URL.Path, ChatCompletionsPath)
		writeError(w, http.StatusNotFound, APIError{Message: "Unknown request URL: " + r.URL.Path, Type: "invalid_request_error"})
		return
	}
	if !s.authorized(r) {
		s.t.Errorf("llmtest: request with Authorization %q, want the key %q", r.Header.Get("Authorization"), s.APIKey)
		writeError(w, http.StatusUnauthorized, APIError{Message: "Incorrect API key provided.", Type: "invalid_request_error"})
		return
	}

	request, err := readRequest(r)
	if err != nil {
		s.t.Errorf("llmtest: %v", err)
		writeError(w, http.StatusBadRequest, APIError{Message: err.Error(), Type: "invalid_request_error"})
		return
	}
	reply, ok := s.record(request)
	if !ok {
		s.t.Errorf("llmtest: request %d has no scripted reply", len(s.Requests()))
		writeError(w, http.StatusInternalServerError, APIError{Message: "llmtest: no scripted reply", Type: "server_error"})
		return
	}

	if reply.delay > 0 && !sleep(r, reply.delay) {
		return
	}
	writeReply(w, reply, request)
}

// authorized reports whether r carries the expected Authorization header.
func (s *Server) authorized(r *http.Request) bool {
	got := r.Header.Get("Authorization")
	if s.APIKey == "" {
		return got == ""
	}
	return got == "Bearer "+s.APIKey
}

// record stores request and returns the next scripted reply, or false when
// the script is used up.
func (s *Server) record(request Request) (Reply, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, request)
	if len(s.script) == 0 {
		return Reply{}, false
	}
	reply := s.script[0]
	s.script = s.script[1:]
	return reply, true
}

// readRequest decodes the JSON body of r.
func readRequest(r *http.Request) (Request, error) {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		return Request{}, fmt.Errorf("read request: Content-Type %q, want application/json", ct)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return Request{}, fmt.Errorf("read request: %w", err)
	}
	var request Request
	if err := json.Unmarshal(body, &request); err != nil {
		return Request{}, fmt.Errorf("read request: invalid JSON body: %w", err)
	}
	request.Authorization = r.Header.Get("Authorization")
	request.Body = body
	return request, nil
}

// sleep waits for d and reports false when the client went away first.
func sleep(r *http.Request, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// writeReply sends reply as the response to request.
func writeReply(w http.ResponseWriter, reply Reply, request Request) {
	switch {
	case reply.raw:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(reply.status)
		_, _ = io.WriteString(w, reply.rawBody)
	case reply.apiError != nil:
		if reply.retryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(reply.retryAfter.Round(time.Second).Seconds())))
		}
		writeError(w, reply.status, *reply.apiError)
	default:
		writeJSON(w, reply.status, newCompletion(reply, request))
	}
}

// newCompletion returns the response body for a successful reply. Its
// token counts are estimates of four characters a token.
func newCompletion(reply Reply, request Request) completion {
	output := ""
	if reply.content != nil {
		output = *reply.content
	}
	prompt := len(request.Body) / 4
	answer := len(output) / 4
	return completion{
		ID:      "chatcmpl-llmtest-" + strconv.FormatInt(time.Now().UnixNano(), 36),
		Object:  "chat.completion",
		Created: time.Now().Unix(),
		Model:   request.Model,
		Choices: []choice{{
			Index:        0,
			Message:      assistantOutput{Role: "assistant", Content: reply.content, Refusal: reply.refusal},
			FinishReason: reply.finishReason,
		}},
		Usage: usage{PromptTokens: prompt, CompletionTokens: answer, TotalTokens: prompt + answer},
	}
}

// writeError sends status with apiErr as OpenAI's error body.
func writeError(w http.ResponseWriter, status int, apiErr APIError) {
	writeJSON(w, status, errorBody{Error: apiErr})
}

// writeJSON sends status with v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
