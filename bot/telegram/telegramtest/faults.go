package telegramtest

import (
	"fmt"
	"net/http"
	"time"
)

// Fault is a replacement for the normal response to one call: a delay, an
// error response, or both.
type Fault struct {
	// Delay is how long the server waits before it responds. A request
	// whose client gives up during the delay gets no response and changes
	// nothing, so a timed-out sendMessage records no message.
	Delay time.Duration
	// Status is the error_code (and HTTP status) of the error response,
	// or 0 for a normal response after Delay.
	Status      int
	Description string
	// RetryAfter is sent as parameters.retry_after, in seconds, when it
	// is positive.
	RetryAfter int
}

// RateLimited returns Telegram's flood-control error: 429 with
// parameters.retry_after set to retryAfter seconds.
func RateLimited(retryAfter int) Fault {
	return Fault{
		Status:      http.StatusTooManyRequests,
		Description: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter),
		RetryAfter:  retryAfter,
	}
}

// ServerError returns a 500 Internal Server Error.
func ServerError() Fault {
	return Fault{Status: http.StatusInternalServerError, Description: "Internal Server Error"}
}

// Blocked returns the 403 Telegram sends when the person blocked the bot.
func Blocked() Fault {
	return Fault{Status: http.StatusForbidden, Description: "Forbidden: bot was blocked by the user"}
}

// Deactivated returns the 403 Telegram sends when the person deleted their
// account.
func Deactivated() Fault {
	return Fault{Status: http.StatusForbidden, Description: "Forbidden: user is deactivated"}
}

// ChatNotFound returns the 400 Telegram sends for an unknown chat_id.
func ChatNotFound() Fault {
	return Fault{Status: http.StatusBadRequest, Description: "Bad Request: chat not found"}
}

// Delay returns a fault that responds normally after d, or not at all
// when the client gives up first.
func Delay(d time.Duration) Fault {
	return Fault{Delay: d}
}

// Fail makes the next n calls of method (such as "getUpdates") respond
// with f, after any faults already queued for that method.
func (s *Server) Fail(method string, n int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.faults[method] = append(s.faults[method], f)
	}
}

// FailSends makes the next n sendMessage calls respond with f.
func (s *Server) FailSends(n int, f Fault) { s.Fail("sendMessage", n, f) }

// applyFault applies the next fault queued for method, if any, and
// reports whether the call should go on with a normal response.
func (s *Server) applyFault(w http.ResponseWriter, r *http.Request, method string) bool {
	s.mu.Lock()
	queue := s.faults[method]
	if len(queue) == 0 {
		s.mu.Unlock()
		return true
	}
	f := queue[0]
	s.faults[method] = queue[1:]
	s.mu.Unlock()

	if f.Delay > 0 {
		timer := time.NewTimer(f.Delay)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-r.Context().Done():
			return false
		case <-s.done:
			return false
		}
		if r.Context().Err() != nil {
			return false
		}
	}
	if f.Status == 0 {
		return true
	}
	writeError(w, f.Status, f.Description, f.RetryAfter)
	return false
}
