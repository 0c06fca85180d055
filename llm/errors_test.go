package llm

import (
	"errors"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"
)

func TestRejectsResponseFormat(t *testing.T) {
	param := "response_format"
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"400 naming the param", &openai.APIError{HTTPStatusCode: 400, Message: "Invalid parameter", Param: &param}, true},
		{"422 naming it in the message", &openai.APIError{HTTPStatusCode: 422, Message: "response_format: extra fields not permitted"}, true},
		{"400 with plain body", &openai.RequestError{HTTPStatusCode: 400, Err: errors.New("bad"), Body: []byte("unknown field response_format")}, true},
		{"400 about something else", &openai.APIError{HTTPStatusCode: 400, Message: "messages is too long"}, false},
		{"500 naming it", &openai.APIError{HTTPStatusCode: 500, Message: "crash in response_format"}, false},
		{"network error", errors.New("dial tcp: connection refused"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rejectsResponseFormat(tt.err); got != tt.want {
				t.Errorf("rejectsResponseFormat(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}

func TestClassifyStatus(t *testing.T) {
	tests := map[int]error{
		400: ErrRejected,
		401: ErrRejected,
		403: ErrRejected,
		404: ErrRejected,
		422: ErrRejected,
		429: ErrUnavailable,
		500: ErrUnavailable,
		502: ErrUnavailable,
		503: ErrUnavailable,
	}
	for status, want := range tests {
		if got := classifyStatus(status); got != want {
			t.Errorf("classifyStatus(%d) = %v, want %v", status, got, want)
		}
	}
}

func TestNewErrorShortensCause(t *testing.T) {
	cause := errors.New(strings.Repeat("é", 1000))

	err := newError(ErrUnavailable, cause, "")

	if len(err.Error()) > maxErrorBytes+100 {
		t.Errorf("error has %d bytes, want about %d", len(err.Error()), maxErrorBytes)
	}
	if !strings.HasPrefix(err.Error(), "read order: endpoint unavailable: ") {
		t.Errorf("error = %q, want the operation and kind first", err)
	}
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("error = %v, want ErrUnavailable", err)
	}
}

func TestNewErrorHidesCauseFromUnwrap(t *testing.T) {
	cause := &openai.APIError{HTTPStatusCode: 401, Message: "bad key sk-secret"}

	err := newError(ErrRejected, cause, "sk-secret")

	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		t.Error("errors.As reached the cause, which may quote the key")
	}
	if strings.Contains(err.Error(), "sk-secret") {
		t.Errorf("error = %q, want the key redacted", err)
	}
}
