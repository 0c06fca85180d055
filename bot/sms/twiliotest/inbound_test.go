package twiliotest

import "testing"

func TestInboundForm(t *testing.T) {
	const sid = "SM3c9a4f1d2b8e47a6a0f5c7e2d1b9a8f4"
	form := InboundForm("+33612345678", "Une crêpe SVP", sid)

	want := map[string]string{
		"AccountSid":    DefaultAccountSID,
		"ApiVersion":    "2010-04-01",
		"Body":          "Une crêpe SVP",
		"From":          "+33612345678",
		"FromCountry":   "FR",
		"MessageSid":    sid,
		"NumMedia":      "0",
		"NumSegments":   "1",
		"SmsMessageSid": sid,
		"SmsSid":        sid,
		"SmsStatus":     "received",
		"To":            DefaultNumber,
		"ToCountry":     "FR",
	}
	for name, value := range want {
		if got := form.Get(name); got != value {
			t.Errorf("%s = %q, want %q", name, got, value)
		}
	}
	for _, name := range []string{"FromCity", "FromState", "FromZip", "ToCity", "ToState", "ToZip"} {
		if _, ok := form[name]; !ok {
			t.Errorf("%s is missing, want an empty value", name)
		}
	}
}

func TestInboundFormSegments(t *testing.T) {
	long := ""
	for range 80 {
		long += "ê"
	}

	if got := InboundForm("+33612345678", long, "SM1").Get("NumSegments"); got != "2" {
		t.Errorf("NumSegments = %q, want 2 for 80 UCS-2 characters", got)
	}
}
