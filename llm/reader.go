package llm

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/drivelocal/drivelocal/catalog"
)

// nearZeroTemperature stands for temperature 0. go-openai v1.43.0 tags
// ChatCompletionRequest.Temperature with omitempty, so a 0 is left out of
// the request and the endpoint applies its default of 1 instead. The
// library's maintainers suggest math.SmallestNonzeroFloat32, sent as 1e-45.
const nearZeroTemperature = math.SmallestNonzeroFloat32

// Reader reads order messages with a language model. It is safe for
// concurrent use.
type Reader struct {
	client  *openai.Client
	model   string
	timeout time.Duration
	apiKey  string // kept only to redact it from error messages
	logger  *slog.Logger

	// noResponseFormat is set once the endpoint has rejected the
	// response_format parameter, so later requests leave it out.
	noResponseFormat atomic.Bool
}

// New returns a Reader for the endpoint and model of cfg, with the package
// defaults for empty fields. A nil logger means slog.Default().
func New(cfg Config, logger *slog.Logger) *Reader {
	cfg = cfg.withDefaults()
	if logger == nil {
		logger = slog.Default()
	}

	clientConfig := openai.DefaultConfig(cfg.APIKey)
	clientConfig.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	clientConfig.HTTPClient = &http.Client{}

	return &Reader{
		client:  openai.NewClientWithConfig(clientConfig),
		model:   cfg.Model,
		timeout: cfg.Timeout,
		apiKey:  cfg.APIKey,
		logger:  logger,
	}
}

// ReadOrder sends one chat-completions request for the model to map
// text onto products, and returns the lines of its output that pass
// validation. Only the first MaxTextRunes characters of text are sent.
//
// A nil error means at least one line. Otherwise the error wraps one of
// ErrMalformed, ErrRefused, ErrTimeout, ErrUnavailable or ErrRejected, or
// context.Canceled. The one exception is an empty products slice, a caller
// bug that sends no request. Every failure is logged once at warn level.
func (r *Reader) ReadOrder(ctx context.Context, text string, products []catalog.Product) (Reading, error) {
	start := time.Now()
	reading, err := r.readOrder(ctx, text, products)
	r.logResult(start, reading, err)
	return reading, err
}

// readOrder does the work of ReadOrder, without the logging.
func (r *Reader) readOrder(ctx context.Context, text string, products []catalog.Product) (Reading, error) {
	if len(products) == 0 {
		return Reading{}, errors.New("read order: no products to match")
	}
	text = truncateRunes(strings.TrimSpace(text), MaxTextRunes)
	if text == "" {
		return Reading{}, newError(ErrRefused, errors.New("empty text"), r.apiKey)
	}

	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	content, err := r.complete(ctx, buildMessages(text, products))
	if err != nil {
		return Reading{}, err
	}

	a, err := parseOutput(content)
	if err != nil {
		return Reading{}, newError(ErrMalformed, err, r.apiKey)
	}
	if a.refused() {
		return Reading{}, newError(ErrRefused, nil, r.apiKey)
	}
	reading := validateLines(*a.Lines, products)
	if len(reading.Lines) == 0 {
		return reading, newError(ErrRefused, errors.New("every line failed validation"), r.apiKey)
	}
	return reading, nil
}

// complete sends the request and returns the content of the first choice.
// When the endpoint rejects response_format, it sends the request once more
// without it, within the same deadline. Other failures are not retried.
func (r *Reader) complete(ctx context.Context, messages []openai.ChatCompletionMessage) (string, error) {
	request := r.newRequest(messages)
	response, err := r.client.CreateChatCompletion(ctx, request)
	if err != nil && request.ResponseFormat != nil && rejectsResponseFormat(err) {
		r.noResponseFormat.Store(true)
		r.logger.Warn("llm endpoint rejected response_format, sending requests without it",
			"model", r.model, "outcome", "response_format_rejected", "error", newError(ErrRejected, err, r.apiKey))
		request.ResponseFormat = nil
		response, err = r.client.CreateChatCompletion(ctx, request)
	}
	if err != nil {
		return "", newError(classifyRequestError(ctx, err), err, r.apiKey)
	}

	if len(response.Choices) == 0 {
		return "", newError(ErrMalformed, errors.New("no choices in response"), r.apiKey)
	}
	choice := response.Choices[0]
	if choice.Message.Refusal != "" || choice.FinishReason == openai.FinishReasonContentFilter {
		return "", newError(ErrRefused, errors.New("model refused the request"), r.apiKey)
	}
	return choice.Message.Content, nil
}

// newRequest returns the chat-completions request for messages.
func (r *Reader) newRequest(messages []openai.ChatCompletionMessage) openai.ChatCompletionRequest {
	request := openai.ChatCompletionRequest{
		Model:       r.model,
		Messages:    messages,
		Temperature: nearZeroTemperature,
	}
	if !r.noResponseFormat.Load() {
		request.ResponseFormat = &openai.ChatCompletionResponseFormat{
			Type: openai.ChatCompletionResponseFormatTypeJSONObject,
		}
	}

	// Reasoning models (o1, o3, o4, gpt-5 and others that go-openai checks)
	// accept no temperature but their default, and go-openai refuses to
	// send one, so it is left out for them.
	if openai.NewReasoningValidator().Validate(request) != nil {
		request.Temperature = 0
	}
	return request
}

// logResult logs one ReadOrder call: a warning on failure, info otherwise.
// The customer's text is never logged.
func (r *Reader) logResult(start time.Time, reading Reading, err error) {
	attrs := []any{
		"model", r.model,
		"outcome", outcome(err),
		"elapsed_ms", time.Since(start).Milliseconds(),
		"dropped", reading.Dropped,
	}
	if err != nil {
		r.logger.Warn("llm read order failed", append(attrs, "error", err)...)
		return
	}
	r.logger.Info("llm read order", append(attrs, "lines", len(reading.Lines))...)
}
