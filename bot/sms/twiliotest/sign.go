package twiliotest

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"maps"
	"net/url"
	"slices"
	"strings"
)

// Sign returns the X-Twilio-Signature Twilio sends with a POST of form to
// fullURL: the base64 HMAC-SHA1, keyed with authToken, of fullURL followed
// by every POST parameter sorted by name, each written as its name then its
// value with no separator
// (https://www.twilio.com/docs/usage/webhooks/webhooks-security). fullURL
// is the URL Twilio called, with scheme, host, path and query. A name with
// several values contributes one name and value pair per value, in sorted
// order, but twilio-go's RequestValidator only checks the first value.
func Sign(authToken, fullURL string, form url.Values) string {
	var data strings.Builder
	data.WriteString(fullURL)
	for _, name := range slices.Sorted(maps.Keys(form)) {
		for _, value := range slices.Sorted(slices.Values(form[name])) {
			data.WriteString(name)
			data.WriteString(value)
		}
	}
	mac := hmac.New(sha1.New, []byte(authToken))
	mac.Write([]byte(data.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
