package twiliotest

import (
	"net/http"
	"time"
)

// Fault is the response the fake gives to one create-message request in
// place of a success.
type Fault struct {
	// Status is the HTTP status of the error. Zero means no error: the
	// message is accepted after Delay.
	Status int
	// Code and Message fill Twilio's JSON error body. "{To}" in Message
	// becomes the To of the request.
	Code    int
	Message string
	// RetryAfter, when set, is sent as the Retry-After header, in seconds.
	RetryAfter time.Duration
	// Delay holds the response back, to outlast the client's timeout. A
	// message whose client hangs up before the delay ends is not recorded.
	Delay time.Duration
}

// RateLimited is Twilio's response to too many concurrent requests: HTTP
// 429 with error 20429.
func RateLimited() Fault {
	return Fault{Status: http.StatusTooManyRequests, Code: 20429, Message: "Too Many Requests"}
}

// ServerError is an HTTP 500 with Twilio's error 20500.
func ServerError() Fault {
	return Fault{Status: http.StatusInternalServerError, Code: 20500, Message: "An internal server error has occurred"}
}

// Unsubscribed is Twilio's response when the recipient replied STOP: HTTP
// 400 with error 21610.
func Unsubscribed() Fault {
	return Fault{Status: http.StatusBadRequest, Code: 21610, Message: "Attempt to send to unsubscribed recipient"}
}

// InvalidTo is Twilio's response to a To that is not a valid phone number:
// HTTP 400 with error 21211, whose message quotes the number.
func InvalidTo() Fault {
	return Fault{Status: http.StatusBadRequest, Code: 21211, Message: invalidToMessage}
}

// Slow accepts the message after delay.
func Slow(delay time.Duration) Fault {
	return Fault{Delay: delay}
}

// FailNext responds to the next n create-message requests with f, after any
// faults queued before.
func (s *Server) FailNext(n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults = append(s.faults, f)
	}
}

// nextFault counts one call and takes the next queued fault, if any.
func (s *Server) nextFault() (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	if len(s.faults) == 0 {
		return Fault{}, false
	}
	f := s.faults[0]
	s.faults = s.faults[1:]
	return f, true
}
