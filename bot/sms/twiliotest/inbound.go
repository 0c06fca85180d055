package twiliotest

import (
	"net/url"
	"strconv"

	"github.com/nyaruka/phonenumbers"

	"github.com/drivelocal/drivelocal/bot/gsm7"
)

// Values InboundForm puts in the form. Set AccountSid or To on the
// returned url.Values to change them.
const (
	DefaultAccountSID = "AC0123456789abcdef0123456789abcdef"
	// DefaultNumber is the Twilio number that receives the SMS, in the
	// range ARCEP reserves for fiction (06 39 98 xx xx).
	DefaultNumber = "+33639980001"
)

// InboundForm returns the POST form Twilio sends to the incoming message
// webhook for an SMS of body from the number from, with Message SID sid,
// as described in https://www.twilio.com/docs/messaging/guides/webhook-request.
// Twilio fills the geographic parameters (FromCity, FromState, FromZip and
// the To ones) when its lookup has them. This form fills only
// FromCountry and ToCountry. Sign the form with Sign before posting it.
func InboundForm(from, body, sid string) url.Values {
	return url.Values{
		"AccountSid":    {DefaultAccountSID},
		"ApiVersion":    {"2010-04-01"},
		"Body":          {body},
		"From":          {from},
		"FromCity":      {""},
		"FromCountry":   {region(from)},
		"FromState":     {""},
		"FromZip":       {""},
		"MessageSid":    {sid},
		"NumMedia":      {"0"},
		"NumSegments":   {strconv.Itoa(max(gsm7.Segments(body), 1))},
		"SmsMessageSid": {sid},
		"SmsSid":        {sid},
		"SmsStatus":     {"received"},
		"To":            {DefaultNumber},
		"ToCity":        {""},
		"ToCountry":     {region(DefaultNumber)},
		"ToState":       {""},
		"ToZip":         {""},
	}
}

// region returns the ISO country code of an E.164 number, or "".
func region(number string) string {
	num, err := phonenumbers.Parse(number, "")
	if err != nil {
		return ""
	}
	return phonenumbers.GetRegionCodeForNumber(num)
}
