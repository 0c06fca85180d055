package sms

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// twilioAPIHost is the host of the Messages API in twilio-go's generated
// v2010 client.
const twilioAPIHost = "api.twilio.com"

// baseURLTransport sends the requests twilio-go makes to
// https://api.twilio.com to another base URL instead: its scheme and host
// replace Twilio's, and its path prefixes the request path. twilio-go
// v1.31.0 hard-codes the base URL of each API, and its http.Client is the
// only hook into where requests go.
type baseURLTransport struct {
	base *url.URL
	next http.RoundTripper
}

func (t *baseURLTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != twilioAPIHost {
		return nil, fmt.Errorf("rewrite twilio request: unexpected host %q, want %s", req.URL.Host, twilioAPIHost)
	}
	out := req.Clone(req.Context())
	out.URL.Scheme = t.base.Scheme
	out.URL.Host = t.base.Host
	out.URL.Path = strings.TrimSuffix(t.base.Path, "/") + req.URL.Path
	out.URL.RawPath = ""
	out.Host = ""
	return t.next.RoundTrip(out)
}

// callTransport serves one Send call. It gives each request the call's
// context, because twilio-go v1.31.0 builds requests with
// context.Background() in client.Client.SendRequest, so cancellation and
// the timeout come from Send. It also keeps the HTTP status and headers of
// the response, because twilio-go returns a bare decoding error when an
// error response is not JSON, such as a proxy's 502 page.
type callTransport struct {
	ctx  context.Context
	next http.RoundTripper

	status int // 0 when no response arrived
	header http.Header
}

func (t *callTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req.WithContext(t.ctx))
	if resp != nil {
		t.status = resp.StatusCode
		t.header = resp.Header
	}
	return resp, err
}
