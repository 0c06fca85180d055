// Package twiliotest fakes the part of Twilio that Drive Local uses: the
// Messages API, through a Server that speaks Twilio's wire formats on
// 127.0.0.1, and the incoming message webhook, through InboundForm and
// Sign.
//
// A test passes Server.URL() as sms.SenderConfig.APIBaseURL, sends, and
// reads what Twilio would have sent with Sent or WaitSent:
//
//	fake := twiliotest.New(t, accountSID, authToken)
//	sender, err := sms.NewSender(sms.SenderConfig{
//		AccountSID: accountSID, AuthToken: authToken,
//		From: "+33639980001", APIBaseURL: fake.URL(),
//	})
//	...
//	sent := fake.WaitSent(t, 1, 5*time.Second)
package twiliotest

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// SentSMS is one message the fake Messages API accepted.
type SentSMS struct {
	SID  string
	To   string
	From string
	Body string
}

// Server is a fake of Twilio's Messages API for one account. It accepts
// POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP basic
// auth, and fails the test on any other request.
type Server struct {
	t          testing.TB
	accountSID string
	authToken  string
	srv        *httptest.Server
	closing    chan struct{}

	mu      sync.Mutex
	sent    []SentSMS
	faults  []Fault
	calls   int
	changed chan struct{} // closed and replaced on every accepted message
}

// New starts a fake Messages API on 127.0.0.1 for accountSID, which
// accepts authToken as basic auth password, and stops it when the test
// ends.
func New(t testing.TB, accountSID, authToken string) *Server {
	t.Helper()
	s := &Server{
		t:          t,
		accountSID: accountSID,
		authToken:  authToken,
		closing:    make(chan struct{}),
		changed:    make(chan struct{}),
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	t.Cleanup(func() {
		close(s.closing) // ends delayed responses, so that Close does not wait for them
		s.srv.Close()
	})
	return s
}

// URL returns the base URL of the fake, such as "http://127.0.0.1:41234",
// to pass as sms.SenderConfig.APIBaseURL.
func (s *Server) URL() string {
	return s.srv.URL
}

// Sent returns the messages accepted so far, oldest first.
func (s *Server) Sent() []SentSMS {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]SentSMS(nil), s.sent...)
}

// Calls returns the number of authenticated requests to create a message,
// including those that got an injected fault.
func (s *Server) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

// WaitSent waits until at least n messages were accepted and returns them
// all. It fails the test with t.Fatalf after timeout, so call it from the
// test's goroutine.
func (s *Server) WaitSent(t testing.TB, n int, timeout time.Duration) []SentSMS {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		sent := append([]SentSMS(nil), s.sent...)
		changed := s.changed
		s.mu.Unlock()
		if len(sent) >= n {
			return sent
		}
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("twiliotest: waited %v for %d SMS, got %d: %+v", timeout, n, len(sent), sent)
			return nil
		}
	}
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != s.messagesPath() {
		s.t.Errorf("twiliotest: unexpected request %s %s, want POST %s", r.Method, r.URL.Path, s.messagesPath())
		writeError(w, http.StatusNotFound, 20404,
			fmt.Sprintf("The requested resource %s was not found", r.URL.Path))
		return
	}
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="Twilio API"`)
		writeError(w, http.StatusUnauthorized, 20003, "Authenticate")
		return
	}
	s.createMessage(w, r)
}

func (s *Server) messagesPath() string {
	return "/2010-04-01/Accounts/" + s.accountSID + "/Messages.json"
}

func (s *Server) authorized(r *http.Request) bool {
	user, password, ok := r.BasicAuth()
	return ok &&
		subtle.ConstantTimeCompare([]byte(user), []byte(s.accountSID)) == 1 &&
		subtle.ConstantTimeCompare([]byte(password), []byte(s.authToken)) == 1
}
