package sms

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/bot/sms/twiliotest"
)

const testSID = "SM3c9a4f1d2b8e47a6a0f5c7e2d1b9a8f4"

// post sends form to the webhook, signed with signature unless it is
// empty, at WebhookPath plus query.
func post(wh http.Handler, form url.Values, signature, query string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, WebhookPath+query, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if signature != "" {
		req.Header.Set("X-Twilio-Signature", signature)
	}
	rec := httptest.NewRecorder()
	wh.ServeHTTP(rec, req)
	return rec
}

func sign(form url.Values) string {
	return twiliotest.Sign(testAuthToken, testBaseURL+WebhookPath, form)
}

func TestWebhookRecordedInboundSMS(t *testing.T) {
	// testdata/inbound_sms.form has the parameters, order and encoding of
	// Twilio's POST for an SMS to a number in a Messaging Service.
	raw, err := os.ReadFile("testdata/inbound_sms.form")
	if err != nil {
		t.Fatal(err)
	}
	form, err := url.ParseQuery(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	srv := httptest.NewServer(wh)
	defer srv.Close()

	req, err := http.NewRequest(http.MethodPost, srv.URL+WebhookPath, strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", sign(form))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)

	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d, want 200; body %q", resp.StatusCode, body)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/xml" {
		t.Errorf("Content-Type = %q, want text/xml", got)
	}
	if got := string(body); got != `<?xml version="1.0" encoding="UTF-8"?><Response/>` {
		t.Errorf("body = %q, want empty TwiML", got)
	}
	got := h.received()
	if len(got) != 1 {
		t.Fatalf("handler called %d times, want 1", len(got))
	}
	want := bot.Inbound{
		Channel:    bot.SMS,
		Address:    "+33612345678",
		ProviderID: testSID,
		Text:       "Bonjour, c'est Mme Leroux. Je voudrais 2 baguettes et 1 pain de campagne pour demain matin. Merci, à bientôt",
	}
	if got[0] != want {
		t.Errorf("inbound = %+v, want %+v", got[0], want)
	}
}

func TestWebhookKeepsAccentsAndE164(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Une crêpe, deux œufs et « du pain » – merci ! 😊", testSID)

	rec := post(wh, form, sign(form), "")

	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200; body %q", rec.Code, rec.Body)
	}
	got := h.received()
	if len(got) != 1 {
		t.Fatalf("handler called %d times, want 1", len(got))
	}
	if got[0].Address != testCustomer {
		t.Errorf("address = %q, want %q", got[0].Address, testCustomer)
	}
	if got[0].Text != "Une crêpe, deux œufs et « du pain » – merci ! 😊" {
		t.Errorf("text = %q, want the body unchanged", got[0].Text)
	}
}

func TestWebhookNormalizesNationalFrom(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm("06 12 34 56 78", "Bonjour", testSID)

	rec := post(wh, form, sign(form), "")

	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200", rec.Code)
	}
	if got := h.received(); len(got) != 1 || got[0].Address != testCustomer {
		t.Errorf("inbound = %+v, want one with address %s", got, testCustomer)
	}
}

func TestWebhookKeepsUnparsableFrom(t *testing.T) {
	h := &fakeHandler{}
	wh, logs := newTestWebhook(t, h)
	form := twiliotest.InboundForm("LaPoste", "Votre colis", testSID)

	rec := post(wh, form, sign(form), "")

	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200", rec.Code)
	}
	if got := h.received(); len(got) != 1 || got[0].Address != "LaPoste" {
		t.Errorf("inbound = %+v, want one with address LaPoste", got)
	}
	if !strings.Contains(logs.String(), `"level":"WARN","msg":"normalize sms sender failed`) {
		t.Errorf("logs = %s, want a warning about the sender", logs)
	}
}

func TestWebhookWrongSignature(t *testing.T) {
	h := &fakeHandler{}
	wh, logs := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)
	wrong := twiliotest.Sign("00000000000000000000000000000000", testBaseURL+WebhookPath, form)

	rec := post(wh, form, wrong, "")

	if rec.Code != http.StatusForbidden {
		t.Errorf("status = %d, want 403", rec.Code)
	}
	if got := h.received(); len(got) != 0 {
		t.Errorf("handler called with %+v, want no call", got)
	}
	if !strings.Contains(logs.String(), "sms webhook signature invalid") {
		t.Errorf("logs = %s, want a signature warning", logs)
	}
}

func TestWebhookMissingSignature(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)

	rec := post(wh, form, "", "")

	if rec.Code != http.StatusForbidden {
		t.Errorf("status = %d, want 403", rec.Code)
	}
	if got := h.received(); len(got) != 0 {
		t.Errorf("handler called with %+v, want no call", got)
	}
}

func TestWebhookTamperedBody(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "1 baguette", testSID)
	signature := sign(form)
	form.Set("Body", "100 baguettes")

	rec := post(wh, form, signature, "")

	if rec.Code != http.StatusForbidden {
		t.Errorf("status = %d, want 403", rec.Code)
	}
	if got := h.received(); len(got) != 0 {
		t.Errorf("handler called with %+v, want no call", got)
	}
}

func TestWebhookSignatureOfOtherHost(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)
	signature := twiliotest.Sign(testAuthToken, "https://attacker.example"+WebhookPath, form)

	rec := post(wh, form, signature, "")

	if rec.Code != http.StatusForbidden {
		t.Errorf("status = %d, want 403", rec.Code)
	}
}

func TestWebhookSignsQueryString(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)
	signature := twiliotest.Sign(testAuthToken, testBaseURL+WebhookPath+"?shop=12", form)

	if rec := post(wh, form, signature, "?shop=12"); rec.Code != http.StatusOK {
		t.Errorf("with the signed query: status = %d, want 200", rec.Code)
	}
	if rec := post(wh, form, signature, "?shop=13"); rec.Code != http.StatusForbidden {
		t.Errorf("with another query: status = %d, want 403", rec.Code)
	}
}

func TestWebhookBaseURLWithTrailingSlash(t *testing.T) {
	h := &fakeHandler{}
	logger, _ := newTestLogger()
	wh, err := NewWebhook(testAuthToken, testBaseURL+"/", h, logger)
	if err != nil {
		t.Fatal(err)
	}
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)

	if rec := post(wh, form, sign(form), ""); rec.Code != http.StatusOK {
		t.Errorf("status = %d, want 200", rec.Code)
	}
}

func TestWebhookHandlerError(t *testing.T) {
	h := &fakeHandler{}
	h.failWith(errors.New("insert inbound: connection refused"))
	wh, logs := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)

	rec := post(wh, form, sign(form), "")

	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", rec.Code)
	}
	if strings.Contains(rec.Body.String(), "<Response") {
		t.Errorf("body = %q, want no TwiML", rec.Body)
	}
	if !strings.Contains(logs.String(), "insert inbound: connection refused") {
		t.Errorf("logs = %s, want the handler error", logs)
	}
}

func TestWebhookMissingMessageSid(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)
	form.Del("MessageSid")

	rec := post(wh, form, sign(form), "")

	if rec.Code != http.StatusBadRequest {
		t.Errorf("status = %d, want 400", rec.Code)
	}
	if got := h.received(); len(got) != 0 {
		t.Errorf("handler called with %+v, want no call", got)
	}
}

func TestWebhookMissingFrom(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Bonjour", testSID)
	form.Del("From")

	if rec := post(wh, form, sign(form), ""); rec.Code != http.StatusBadRequest {
		t.Errorf("status = %d, want 400", rec.Code)
	}
}

func TestWebhookRejectsGet(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	rec := httptest.NewRecorder()

	wh.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, WebhookPath, nil))

	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("status = %d, want 405", rec.Code)
	}
	if got := rec.Header().Get("Allow"); got != http.MethodPost {
		t.Errorf("Allow = %q, want POST", got)
	}
	if got := h.received(); len(got) != 0 {
		t.Errorf("handler called with %+v, want no call", got)
	}
}

func TestWebhookRejectsLargeBody(t *testing.T) {
	h := &fakeHandler{}
	wh, _ := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, strings.Repeat("a", maxFormBytes), testSID)

	rec := post(wh, form, sign(form), "")

	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("status = %d, want 413", rec.Code)
	}
}

func TestWebhookLogsMaskPhoneAndHideBody(t *testing.T) {
	h := &fakeHandler{}
	wh, logs := newTestWebhook(t, h)
	form := twiliotest.InboundForm(testCustomer, "Mon code porte est 4521B", testSID)

	if rec := post(wh, form, sign(form), ""); rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200", rec.Code)
	}

	out := logs.String()
	if !strings.Contains(out, `"phone":"+33*******78"`) {
		t.Errorf("logs = %s, want the masked phone", out)
	}
	if !strings.Contains(out, `"message_sid":"`+testSID+`"`) {
		t.Errorf("logs = %s, want the message SID", out)
	}
	if strings.Contains(out, testCustomer) {
		t.Errorf("logs = %s, contain the unmasked phone", out)
	}
	if strings.Contains(out, "4521B") {
		t.Errorf("logs = %s, contain the message body", out)
	}
}

func TestNewWebhookRejectsBadConfig(t *testing.T) {
	h := &fakeHandler{}
	tests := []struct {
		name    string
		token   string
		baseURL string
		handler bot.Handler
	}{
		{"empty token", "", testBaseURL, h},
		{"nil handler", testAuthToken, testBaseURL, nil},
		{"no scheme", testAuthToken, "drivelocal.example", h},
		{"ftp scheme", testAuthToken, "ftp://drivelocal.example", h},
		{"query", testAuthToken, testBaseURL + "?a=1", h},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewWebhook(tt.token, tt.baseURL, tt.handler, nil)
			if err == nil {
				t.Fatal("NewWebhook returned no error")
			}
		})
	}
}
