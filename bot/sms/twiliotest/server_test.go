package twiliotest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testAccountSID = DefaultAccountSID
	testAuthToken  = "f3a1c9e7b5d24680a1b2c3d4e5f60718"
)

// recordingTB records the failures the fake reports instead of failing
// the test.
type recordingTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recordingTB) failures() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.errors...)
}

// postMessage creates a message through the fake's HTTP API, as twilio-go
// does, with the given basic auth password.
func postMessage(t *testing.T, s *Server, password string, form url.Values) (*http.Response, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.URL()+"/2010-04-01/Accounts/"+testAccountSID+"/Messages.json",
		strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if password != "" {
		req.SetBasicAuth(testAccountSID, password)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (*http.Response, map[string]any) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("response %q is not JSON: %v", raw, err)
	}
	return resp, body
}

func validForm() url.Values {
	return url.Values{"To": {"+33612345678"}, "From": {DefaultNumber}, "Body": {"Votre pain est prêt"}}
}

func TestServerCreatesMessage(t *testing.T) {
	s := New(t, testAccountSID, testAuthToken)

	resp, body := postMessage(t, s, testAuthToken, validForm())

	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("status = %d, want 201; body %v", resp.StatusCode, body)
	}
	sid, _ := body["sid"].(string)
	if !regexp.MustCompile(`^SM[0-9a-f]{32}$`).MatchString(sid) {
		t.Errorf("sid = %q, want SM and 32 hex digits", sid)
	}
	want := map[string]any{
		"account_sid":  testAccountSID,
		"api_version":  "2010-04-01",
		"body":         "Votre pain est prêt",
		"direction":    "outbound-api",
		"from":         DefaultNumber,
		"num_media":    "0",
		"num_segments": "1",
		"status":       "queued",
		"to":           "+33612345678",
		"uri":          "/2010-04-01/Accounts/" + testAccountSID + "/Messages/" + sid + ".json",
		"error_code":   nil,
		"price":        nil,
	}
	for key, value := range want {
		if body[key] != value {
			t.Errorf("%s = %v, want %v", key, body[key], value)
		}
	}
	if _, err := time.Parse(time.RFC1123Z, body["date_created"].(string)); err != nil {
		t.Errorf("date_created %v is not RFC 2822: %v", body["date_created"], err)
	}
	sent := s.Sent()
	if len(sent) != 1 {
		t.Fatalf("Sent has %d messages, want 1", len(sent))
	}
	if sent[0] != (SentSMS{SID: sid, To: "+33612345678", From: DefaultNumber, Body: "Votre pain est prêt"}) {
		t.Errorf("Sent()[0] = %+v", sent[0])
	}
}

func TestServerRejectsWrongPassword(t *testing.T) {
	s := New(t, testAccountSID, testAuthToken)

	resp, body := postMessage(t, s, "00000000000000000000000000000000", validForm())

	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("status = %d, want 401", resp.StatusCode)
	}
	if body["code"] != float64(20003) {
		t.Errorf("code = %v, want 20003", body["code"])
	}
	if body["status"] != float64(401) {
		t.Errorf("status field = %v, want 401", body["status"])
	}
	if body["more_info"] != "https://www.twilio.com/docs/errors/20003" {
		t.Errorf("more_info = %v", body["more_info"])
	}
	if got := s.Sent(); len(got) != 0 {
		t.Errorf("Sent = %+v, want nothing", got)
	}
	if got := s.Calls(); got != 0 {
		t.Errorf("Calls = %d, want 0 for an unauthenticated request", got)
	}
}

func TestServerRejectsMissingAuth(t *testing.T) {
	s := New(t, testAccountSID, testAuthToken)

	resp, _ := postMessage(t, s, "", validForm())

	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("status = %d, want 401", resp.StatusCode)
	}
}

func TestServerUnknownPathFailsTest(t *testing.T) {
	rec := &recordingTB{TB: t}
	s := New(rec, testAccountSID, testAuthToken)
	req, err := http.NewRequest(http.MethodGet, s.URL()+"/2010-04-01/Accounts/"+testAccountSID+"/Calls.json", nil)
	if err != nil {
		t.Fatal(err)
	}

	resp, body := do(t, req)

	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status = %d, want 404", resp.StatusCode)
	}
	if body["code"] != float64(20404) {
		t.Errorf("code = %v, want 20404", body["code"])
	}
	if got := rec.failures(); len(got) != 1 || !strings.Contains(got[0], "unexpected request GET") {
		t.Errorf("failures = %q, want one unexpected request", got)
	}
}

func TestServerFaultsInOrder(t *testing.T) {
	s := New(t, testAccountSID, testAuthToken)
	s.FailNext(1, RateLimited())
	s.FailNext(1, ServerError())
	s.FailNext(1, Unsubscribed())

	wants := []struct {
		status int
		code   float64
	}{
		{http.StatusTooManyRequests, 20429},
		{http.StatusInternalServerError, 20500},
		{http.StatusBadRequest, 21610},
	}
	for i, want := range wants {
		resp, body := postMessage(t, s, testAuthToken, validForm())
		if resp.StatusCode != want.status {
			t.Errorf("call %d: status = %d, want %d", i+1, resp.StatusCode, want.status)
		}
		if body["code"] != want.code {
			t.Errorf("call %d: code = %v, want %v", i+1, body["code"], want.code)
		}
	}
	if resp, _ := postMessage(t, s, testAuthToken, validForm()); resp.StatusCode != http.StatusCreated {
		t.Errorf("after the faults: status = %d, want 201", resp.StatusCode)
	}
	if got := s.Calls(); got != 4 {
		t.Errorf("Calls = %d, want 4", got)
	}
	if got := len(s.Sent()); got != 1 {
		t.Errorf("Sent has %d messages, want 1", got)
	}
}

func TestServerUnsubscribedBody(t *testing.T) {
	s := New(t, testAccountSID, testAuthToken)
	s.FailNext(1, Unsubscribed())

	_, body := postMessage(t, s, testAuthToken, validForm())

	want := map[string]any{
		"code":      float64(21610),
		"message":   "Attempt to send to unsubscribed recipient",
		"more_info": "https://www.twilio.com/docs/errors/21610",
		"status":    float64(400),
	}
	for key, value := range want {
		if body[key] != value {
			t.Errorf("%s = %v, want %v", key, body[key], value)
		}
	}
}

func TestServerValidatesParameters(t *testing.T) {
	tests := []struct {
		name   string
		change func(url.Values)
		code   float64
	}{
		{"missing To", func(f url.Values) { f.Del("To") }, 21604},
		{"missing From", func(f url.Values) { f.Del("From") }, 21603},
		{"missing Body", func(f url.Values) { f.Del("Body") }, 21602},
		{"To not E.164", func(f url.Values) { f.Set("To", "06 12 34 56 78") }, 21211},
		{"Body too long", func(f url.Values) { f.Set("Body", strings.Repeat("a", 1601)) }, 21617},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(t, testAccountSID, testAuthToken)
			form := validForm()
			tt.change(form)

			resp, body := postMessage(t, s, testAuthToken, form)

			if resp.StatusCode != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", resp.StatusCode)
			}
			if body["code"] != tt.code {
				t.Errorf("code = %v, want %v", body["code"], tt.code)
			}
			if got := s.Sent(); len(got) != 0 {
				t.Errorf("Sent = %+v, want nothing", got)
			}
		})
	}
}

func TestServerSlowFault(t *testing.T) {
	s := New(t, testAccountSID, testAuthToken)
	s.FailNext(1, Slow(100*time.Millisecond))

	start := time.Now()
	resp, _ := postMessage(t, s, testAuthToken, validForm())

	if resp.StatusCode != http.StatusCreated {
		t.Errorf("status = %d, want 201 after the delay", resp.StatusCode)
	}
	if elapsed := time.Since(start); elapsed < 100*time.Millisecond {
		t.Errorf("responded after %v, want at least 100ms", elapsed)
	}
}

func TestServerWaitSent(t *testing.T) {
	s := New(t, testAccountSID, testAuthToken)
	go func() {
		time.Sleep(50 * time.Millisecond)
		req, _ := http.NewRequest(http.MethodPost, s.URL()+"/2010-04-01/Accounts/"+testAccountSID+"/Messages.json",
			strings.NewReader(validForm().Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.SetBasicAuth(testAccountSID, testAuthToken)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()

	sent := s.WaitSent(t, 1, 5*time.Second)

	if len(sent) != 1 {
		t.Errorf("WaitSent returned %d messages, want 1", len(sent))
	}
}
