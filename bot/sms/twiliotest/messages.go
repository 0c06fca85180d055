package twiliotest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/drivelocal/drivelocal/bot/gsm7"
)

// maxBodyChars is the Messages API limit on Body (error 21617).
const maxBodyChars = 1600

const invalidToMessage = "The 'To' number {To} is not a valid phone number."

var e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)

// message is the JSON of Twilio's Message resource, as the Messages API
// returns it on creation.
type message struct {
	AccountSID          string            `json:"account_sid"`
	APIVersion          string            `json:"api_version"`
	Body                string            `json:"body"`
	DateCreated         string            `json:"date_created"`
	DateSent            *string           `json:"date_sent"`
	DateUpdated         string            `json:"date_updated"`
	Direction           string            `json:"direction"`
	ErrorCode           *int              `json:"error_code"`
	ErrorMessage        *string           `json:"error_message"`
	From                string            `json:"from"`
	MessagingServiceSID *string           `json:"messaging_service_sid"`
	NumMedia            string            `json:"num_media"`
	NumSegments         string            `json:"num_segments"`
	Price               *string           `json:"price"`
	PriceUnit           string            `json:"price_unit"`
	SID                 string            `json:"sid"`
	Status              string            `json:"status"`
	SubresourceURIs     map[string]string `json:"subresource_uris"`
	To                  string            `json:"to"`
	URI                 string            `json:"uri"`
}

// restError is the JSON of Twilio's REST API errors.
type restError struct {
	Code     int    `json:"code"`
	Message  string `json:"message"`
	MoreInfo string `json:"more_info"`
	Status   int    `json:"status"`
}

func (s *Server) createMessage(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.t.Errorf("twiliotest: parse create-message form: %v", err)
		writeError(w, http.StatusBadRequest, 20001, "Invalid form")
		return
	}
	to, from, body := r.PostForm.Get("To"), r.PostForm.Get("From"), r.PostForm.Get("Body")

	fault, faulty := s.nextFault()
	if faulty && !s.delay(r, fault.Delay) {
		return
	}
	if faulty && fault.Status != 0 {
		writeFault(w, fault, to)
		return
	}
	if code, text := validate(to, from, body); code != 0 {
		writeError(w, http.StatusBadRequest, code, text)
		return
	}

	sms := SentSMS{SID: newSID(), To: to, From: from, Body: body}
	s.record(sms)
	writeJSON(w, http.StatusCreated, s.resource(sms))
}

// delay waits for d, and returns false when the client or the test went
// away first.
func (s *Server) delay(r *http.Request, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	case <-s.closing:
		return false
	}
}

// validate returns the error code and message Twilio gives to a request
// without To, From or Body, or with an invalid To or a too long Body, or
// 0 when the request is valid.
func validate(to, from, body string) (int, string) {
	switch {
	case to == "":
		return 21604, "A 'To' phone number is required."
	case from == "":
		return 21603, "A 'From' phone number is required."
	case body == "":
		return 21602, "Message body is required."
	case !e164.MatchString(to):
		return 21211, strings.ReplaceAll(invalidToMessage, "{To}", to)
	case utf8.RuneCountInString(body) > maxBodyChars:
		return 21617, "The concatenated message body exceeds the 1600 character limit."
	}
	return 0, ""
}

func (s *Server) record(sms SentSMS) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, sms)
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) resource(sms SentSMS) message {
	now := time.Now().UTC().Format(time.RFC1123Z)
	uri := fmt.Sprintf("/2010-04-01/Accounts/%s/Messages/%s", s.accountSID, sms.SID)
	return message{
		AccountSID:      s.accountSID,
		APIVersion:      "2010-04-01",
		Body:            sms.Body,
		DateCreated:     now,
		DateUpdated:     now,
		Direction:       "outbound-api",
		From:            sms.From,
		NumMedia:        "0",
		NumSegments:     strconv.Itoa(gsm7.Segments(sms.Body)),
		PriceUnit:       "USD",
		SID:             sms.SID,
		Status:          "queued",
		SubresourceURIs: map[string]string{"media": uri + "/Media.json"},
		To:              sms.To,
		URI:             uri + ".json",
	}
}

// newSID returns a Message SID: "SM" and 32 hex digits.
func newSID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never returns an error since Go 1.24
	return "SM" + hex.EncodeToString(b[:])
}

func writeFault(w http.ResponseWriter, f Fault, to string) {
	text := strings.ReplaceAll(f.Message, "{To}", to)
	if f.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(f.RetryAfter.Seconds())))
	}
	writeError(w, f.Status, f.Code, text)
}

func writeError(w http.ResponseWriter, status, code int, text string) {
	writeJSON(w, status, restError{
		Code:     code,
		Message:  text,
		MoreInfo: fmt.Sprintf("https://www.twilio.com/docs/errors/%d", code),
		Status:   status,
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
