package twiliotest

import (
	"net/url"
	"testing"

	"github.com/twilio/twilio-go/client"
)

func TestSignKnownVector(t *testing.T) {
	// The vector of twilio-go v1.31.0's client/request_validator_test.go.
	form := url.Values{
		"Digits":                {"1234"},
		"CallSid":               {"CA1234567890ABCDE"},
		"To":                    {"+18005551212"},
		"Caller":                {"+14158675309"},
		"From":                  {"+14158675309"},
		"ReasonConferenceEnded": {"test"},
		"Reason":                {"Participant"},
	}

	got := Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form)

	if want := "vOEb5UThFn24KEfnOFLQY2AE5FY="; got != want {
		t.Errorf("Sign = %q, want %q", got, want)
	}
}

func TestSignAcceptedByRequestValidator(t *testing.T) {
	const token = "f3a1c9e7b5d24680a1b2c3d4e5f60718"
	const fullURL = "https://drivelocal.example/webhooks/twilio/sms"
	form := InboundForm("+33612345678", "Bonjour, à demain !", "SM3c9a4f1d2b8e47a6a0f5c7e2d1b9a8f4")
	params := make(map[string]string, len(form))
	for name := range form {
		params[name] = form.Get(name)
	}
	validator := client.NewRequestValidator(token)

	signature := Sign(token, fullURL, form)

	if !validator.Validate(fullURL, params, signature) {
		t.Errorf("RequestValidator rejects signature %q", signature)
	}
	if validator.Validate(fullURL+"?x=1", params, signature) {
		t.Error("RequestValidator accepts the signature for another URL")
	}
}

func TestSignRepeatedParameter(t *testing.T) {
	const token = "12345"
	sorted := Sign(token, "https://a.example/", url.Values{"MediaUrl": {"a", "b"}})
	unsorted := Sign(token, "https://a.example/", url.Values{"MediaUrl": {"b", "a"}})

	if sorted != unsorted {
		t.Errorf("Sign depends on the order of values: %q and %q", sorted, unsorted)
	}
}
