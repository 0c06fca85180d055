package telegram

import (
	"errors"
	"net/url"
	"strings"
)

// redacted replaces the bot token in errors and logs.
const redacted = "***"

// scrub returns err with every occurrence of token replaced by "***". The
// library's errors from net/http are *url.Error values whose URL contains
// the token. Those keep their type and inner error, so that errors.Is and
// the Timeout method still work. Any other error that contains the token
// is flattened to its scrubbed message.
func scrub(err error, token string) error {
	if err == nil || token == "" || !containsToken(err.Error(), token) {
		return err
	}
	if urlErr, ok := err.(*url.Error); ok && !containsToken(urlErr.Err.Error(), token) {
		return &url.Error{Op: urlErr.Op, URL: scrubString(urlErr.URL, token), Err: urlErr.Err}
	}
	return errors.New(scrubString(err.Error(), token))
}

func containsToken(s, token string) bool {
	return scrubString(s, token) != s
}

// scrubString replaces token in s, in its plain form and in the escaped
// forms a URL may give it.
func scrubString(s, token string) string {
	if token == "" {
		return s
	}
	for _, form := range []string{token, url.PathEscape(token), url.QueryEscape(token)} {
		s = strings.ReplaceAll(s, form, redacted)
	}
	return s
}
