package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordingTB is a testing.TB that records failures and cleanups instead
// of acting on them, to test the fake's own checks.
type recordingTB struct {
	testing.TB
	mu       sync.Mutex
	failures []string
	cleanups []func()
}

func (r *recordingTB) Helper() {}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// finish runs the cleanups, last first, and returns the failures.
func (r *recordingTB) finish() []string {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failures
}

const chatBody = `{"model":"m","messages":[{"role":"user","content":"2 melons"}],"temperature":0,"response_format":{"type":"json_object"}}`

// post sends body to path of s with the given Authorization header and
// returns the status and body.
func post(t *testing.T, s *Server, path, authorization, body string) (*http.Response, string) {
	t.Helper()
	request, err := http.NewRequest(http.MethodPost, strings.TrimSuffix(s.URL, "/v1")+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	request.Header.Set("Content-Type", "application/json")
	if authorization != "" {
		request.Header.Set("Authorization", authorization)
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer response.Body.Close()
	data, err := io.ReadAll(response.Body)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	return response, string(data)
}

func TestServerCompletionWireFormat(t *testing.T) {
	s := New(t)
	s.Script(Content(`{"lines":[],"refused":true}`))

	response, body := post(t, s, ChatCompletionsPath, "Bearer "+s.APIKey, chatBody)
	var decoded struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		Model   string `json:"model"`
		Choices []struct {
			Index   int `json:"index"`
			Message struct {
				Role    string `json:"role"`
				Content string `json:"content"`
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
		Usage map[string]int `json:"usage"`
	}
	if err := json.Unmarshal([]byte(body), &decoded); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}

	if response.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want 200", response.StatusCode)
	}
	if !strings.HasPrefix(decoded.ID, "chatcmpl-") {
		t.Errorf("id = %q, want a chatcmpl- prefix", decoded.ID)
	}
	if decoded.Object != "chat.completion" {
		t.Errorf("object = %q, want chat.completion", decoded.Object)
	}
	if decoded.Created == 0 {
		t.Error("created = 0, want a Unix time")
	}
	if decoded.Model != "m" {
		t.Errorf("model = %q, want the request's m", decoded.Model)
	}
	if len(decoded.Choices) != 1 {
		t.Fatalf("choices = %+v, want 1", decoded.Choices)
	}
	if decoded.Choices[0].Message.Role != "assistant" {
		t.Errorf("role = %q, want assistant", decoded.Choices[0].Message.Role)
	}
	if decoded.Choices[0].Message.Content != `{"lines":[],"refused":true}` {
		t.Errorf("content = %q, want the scripted content", decoded.Choices[0].Message.Content)
	}
	if decoded.Choices[0].FinishReason != "stop" {
		t.Errorf("finish_reason = %q, want stop", decoded.Choices[0].FinishReason)
	}
	if _, ok := decoded.Usage["total_tokens"]; !ok {
		t.Errorf("usage = %v, want total_tokens", decoded.Usage)
	}
}

func TestServerRecordsRequest(t *testing.T) {
	s := New(t)
	s.Script(Refused())

	post(t, s, ChatCompletionsPath, "Bearer "+s.APIKey, chatBody)
	requests := s.Requests()
	if len(requests) != 1 {
		t.Fatalf("recorded %d requests, want 1", len(requests))
	}
	request := requests[0]

	if request.Model != "m" {
		t.Errorf("model = %q, want m", request.Model)
	}
	if request.Temperature == nil || *request.Temperature != 0 {
		t.Errorf("temperature = %v, want 0", request.Temperature)
	}
	if request.ResponseFormat == nil || request.ResponseFormat.Type != "json_object" {
		t.Errorf("response_format = %+v, want json_object", request.ResponseFormat)
	}
	if request.Message("user") != "2 melons" {
		t.Errorf("user message = %q, want 2 melons", request.Message("user"))
	}
	if request.Authorization != "Bearer "+s.APIKey {
		t.Errorf("authorization = %q, want the Bearer key", request.Authorization)
	}
}

func TestServerRateLimited(t *testing.T) {
	s := New(t)
	s.Script(RateLimited(20 * time.Second))

	response, body := post(t, s, ChatCompletionsPath, "Bearer "+s.APIKey, chatBody)
	var decoded errorBody
	if err := json.Unmarshal([]byte(body), &decoded); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}

	if response.StatusCode != http.StatusTooManyRequests {
		t.Errorf("status = %d, want 429", response.StatusCode)
	}
	if got := response.Header.Get("Retry-After"); got != "20" {
		t.Errorf("Retry-After = %q, want 20", got)
	}
	if decoded.Error.Type != "requests" {
		t.Errorf("error type = %q, want requests", decoded.Error.Type)
	}
	if decoded.Error.Code == nil || *decoded.Error.Code != "rate_limit_exceeded" {
		t.Errorf("error code = %v, want rate_limit_exceeded", decoded.Error.Code)
	}
}

func TestServerRefusalHasNullContent(t *testing.T) {
	s := New(t)
	s.Script(Refusal("I can't help with that."))

	_, body := post(t, s, ChatCompletionsPath, "Bearer "+s.APIKey, chatBody)

	if !strings.Contains(body, `"content":null`) {
		t.Errorf("body = %s, want a null content", body)
	}
	if !strings.Contains(body, `"refusal":"I can't help with that."`) {
		t.Errorf("body = %s, want the refusal", body)
	}
}

func TestServerFailsUnexpectedPath(t *testing.T) {
	tb := &recordingTB{TB: t}
	s := New(tb)

	response, _ := post(t, s, "/v1/completions", "Bearer "+s.APIKey, chatBody)
	failures := tb.finish()

	if response.StatusCode != http.StatusNotFound {
		t.Errorf("status = %d, want 404", response.StatusCode)
	}
	if len(failures) != 1 || !strings.Contains(failures[0], "/v1/completions") {
		t.Errorf("failures = %q, want one naming the path", failures)
	}
}

func TestServerFailsWrongKey(t *testing.T) {
	tb := &recordingTB{TB: t}
	s := New(tb)

	response, _ := post(t, s, ChatCompletionsPath, "Bearer sk-wrong", chatBody)
	failures := tb.finish()

	if response.StatusCode != http.StatusUnauthorized {
		t.Errorf("status = %d, want 401", response.StatusCode)
	}
	if len(failures) != 1 {
		t.Errorf("failures = %q, want one", failures)
	}
}

func TestServerWithoutKeyFailsOnKey(t *testing.T) {
	tb := &recordingTB{TB: t}
	s := New(tb, WithAPIKey(""))

	post(t, s, ChatCompletionsPath, "Bearer sk-unexpected", chatBody)
	failures := tb.finish()

	if len(failures) != 1 {
		t.Errorf("failures = %q, want one for an Authorization header", failures)
	}
}

func TestServerFailsBeyondScript(t *testing.T) {
	tb := &recordingTB{TB: t}
	s := New(tb)

	response, _ := post(t, s, ChatCompletionsPath, "Bearer "+s.APIKey, chatBody)
	failures := tb.finish()

	if response.StatusCode != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", response.StatusCode)
	}
	if len(failures) != 1 || !strings.Contains(failures[0], "no scripted reply") {
		t.Errorf("failures = %q, want one for the missing reply", failures)
	}
}

func TestServerFailsUnusedScript(t *testing.T) {
	tb := &recordingTB{TB: t}
	s := New(tb)
	s.Script(Refused(), Refused())

	post(t, s, ChatCompletionsPath, "Bearer "+s.APIKey, chatBody)
	failures := tb.finish()

	if len(failures) != 1 || !strings.Contains(failures[0], "left unused: 1") {
		t.Errorf("failures = %q, want one for the unused reply", failures)
	}
}

func TestServerAfterStopsWhenClientLeaves(t *testing.T) {
	s := New(t)
	s.Script(Refused().After(10 * time.Second))
	client := &http.Client{Timeout: 50 * time.Millisecond}
	request, err := http.NewRequest(http.MethodPost, s.URL+"/chat/completions", strings.NewReader(chatBody))
	if err != nil {
		t.Fatal(err)
	}
	request.Header.Set("Content-Type", "application/json")
	request.Header.Set("Authorization", "Bearer "+s.APIKey)

	start := time.Now()
	if response, err := client.Do(request); err == nil {
		response.Body.Close()
		t.Error("request succeeded, want a client timeout")
	}
	s.server.Close()

	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("server took %v to stop after the client left, want well under the 10s delay", elapsed)
	}
}
