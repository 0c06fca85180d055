package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"
)

// Errors that ReadOrder wraps, for the caller to test with errors.Is. Every
// one of them means that the caller shows its own menu instead. A canceled
// caller context is returned as context.Canceled, not as one of these.
var (
	// ErrMalformed means that the endpoint responded, but not with the JSON
	// object that the system prompt requests.
	ErrMalformed = errors.New("malformed model output")
	// ErrRefused means that the model found no order for the catalog in the
	// text, refused the request, or gave only lines that failed validation
	// (then Reading.Dropped is above zero).
	ErrRefused = errors.New("no order found")
	// ErrTimeout means that Config.Timeout, or the caller's own deadline,
	// passed before the response arrived.
	ErrTimeout = errors.New("timed out")
	// ErrUnavailable means a rate limit (HTTP 429), a server error (5xx) or
	// a network failure. The request is not retried.
	ErrUnavailable = errors.New("endpoint unavailable")
	// ErrRejected means that the endpoint rejected the request itself (HTTP
	// 400, 401, 403, 404 or 422), which usually needs a fix of
	// OPENAI_API_KEY, OPENAI_BASE_URL or OPENAI_MODEL.
	ErrRejected = errors.New("request rejected")
)

// maxErrorBytes caps the cause quoted in an error message, because a proxy's
// error page can be many kilobytes long.
const maxErrorBytes = 300

// readError is an error of ReadOrder. Its message has the API key redacted,
// and it unwraps to its kind only, so the cause, which may quote the key or
// a whole response body, is never reachable through errors.Unwrap.
type readError struct {
	kind    error
	message string
}

func (e *readError) Error() string { return e.message }

func (e *readError) Unwrap() error { return e.kind }

// newError returns a ReadOrder error of the given kind that quotes cause,
// cut to maxErrorBytes and with every occurrence of apiKey redacted.
func newError(kind, cause error, apiKey string) error {
	message := "read order: " + kind.Error()
	if cause != nil {
		message += ": " + shorten(cause.Error(), maxErrorBytes)
	}
	if apiKey != "" {
		message = strings.ReplaceAll(message, apiKey, "[redacted]")
	}
	return &readError{kind: kind, message: message}
}

// classifyRequestError returns the kind of a CreateChatCompletion error.
func classifyRequestError(ctx context.Context, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	if status := httpStatus(err); status != 0 {
		return classifyStatus(status)
	}

	// A 200 response whose body is not a chat completion fails to decode.
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &syntaxErr) || errors.As(err, &typeErr) {
		return ErrMalformed
	}
	return ErrUnavailable
}

// classifyStatus returns the kind of a failed HTTP status code.
func classifyStatus(status int) error {
	switch {
	case status == http.StatusTooManyRequests, status >= 500:
		return ErrUnavailable
	case status >= 400:
		return ErrRejected
	default:
		// go-openai treats a 1xx response as a failure too.
		return ErrUnavailable
	}
}

// httpStatus returns the HTTP status code of a go-openai error, or 0 when
// err did not come from an HTTP response.
func httpStatus(err error) int {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return apiErr.HTTPStatusCode
	}
	var requestErr *openai.RequestError
	if errors.As(err, &requestErr) {
		return requestErr.HTTPStatusCode
	}
	return 0
}

// rejectsResponseFormat reports whether err is an endpoint's rejection of
// the response_format parameter, which some OpenAI-compatible servers and
// older OpenAI models do not support.
func rejectsResponseFormat(err error) bool {
	status := httpStatus(err)
	if status != http.StatusBadRequest && status != http.StatusUnprocessableEntity {
		return false
	}
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) && apiErr.Param != nil && *apiErr.Param == "response_format" {
		return true
	}
	return strings.Contains(err.Error(), "response_format")
}

// outcome returns the log value for the result of one ReadOrder call.
func outcome(err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, ErrMalformed):
		return "malformed"
	case errors.Is(err, ErrRefused):
		return "refused"
	case errors.Is(err, ErrTimeout):
		return "timeout"
	case errors.Is(err, ErrUnavailable):
		return "unavailable"
	case errors.Is(err, ErrRejected):
		return "rejected"
	case errors.Is(err, context.Canceled):
		return "canceled"
	default:
		return "error"
	}
}

// shorten cuts s to at most limit bytes on a rune boundary, marking the cut
// with an ellipsis.
func shorten(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:cut], len(s))
}
