package llmtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Reply is one scripted response of the fake. Build it with Content, Order,
// Refused, Refusal, Malformed, RateLimited, ServerError, Error or Raw, and
// add a delay with After.
type Reply struct {
	status       int
	content      *string
	refusal      *string
	finishReason string
	apiError     *APIError
	retryAfter   time.Duration
	raw          bool
	rawBody      string
	delay        time.Duration
}

// APIError is the error object of a failed response, as OpenAI sends it.
type APIError struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

// Line is one line of the model output that Order builds.
type Line struct {
	Product  int     `json:"product"`
	Quantity float64 `json:"quantity"`
}

// Content replies 200 with content as the assistant message.
func Content(content string) Reply {
	return Reply{status: http.StatusOK, content: &content, finishReason: "stop"}
}

// Order replies 200 with the JSON object that the llm package's system
// prompt requests, listing lines and "refused": false.
func Order(lines ...Line) Reply {
	if lines == nil {
		lines = []Line{}
	}
	body, err := json.Marshal(map[string]any{"lines": lines, "refused": false})
	if err != nil {
		panic(fmt.Sprintf("llmtest: encode order: %v", err))
	}
	return Content(string(body))
}

// Refused replies 200 with the content {"lines":[],"refused":true}.
func Refused() Reply {
	return Content(`{"lines":[],"refused":true}`)
}

// Refusal replies 200 with a refusal of the model's safety system: a null
// content and the refusal field set, as OpenAI sends it.
func Refusal(message string) Reply {
	return Reply{status: http.StatusOK, refusal: &message, finishReason: "stop"}
}

// Malformed replies 200 with prose in place of the JSON object.
func Malformed() Reply {
	return Content("Bien sûr ! Le client veut 2 kg de tomates et un melon.")
}

// RateLimited replies 429 with a Retry-After header, as OpenAI does when a
// rate limit is reached.
func RateLimited(retryAfter time.Duration) Reply {
	code := "rate_limit_exceeded"
	r := Error(http.StatusTooManyRequests, APIError{
		Message: "Rate limit reached for requests. Please try again later.",
		Type:    "requests",
		Code:    &code,
	})
	r.retryAfter = retryAfter
	return r
}

// ServerError replies 500 with OpenAI's server_error body.
func ServerError() Reply {
	return Error(http.StatusInternalServerError, APIError{
		Message: "The server had an error while processing your request. Sorry about that!",
		Type:    "server_error",
	})
}

// Error replies status with apiErr as the error body.
func Error(status int, apiErr APIError) Reply {
	return Reply{status: status, apiError: &apiErr}
}

// Raw replies status with body verbatim, as application/json.
func Raw(status int, body string) Reply {
	return Reply{status: status, raw: true, rawBody: body}
}

// After returns r delayed by d, or until the client goes away, whichever
// comes first.
func (r Reply) After(d time.Duration) Reply {
	r.delay = d
	return r
}
