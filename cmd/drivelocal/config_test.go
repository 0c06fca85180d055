package main

import (
	"strings"
	"testing"
)

func TestBadSettingRejected(t *testing.T) {
	t.Setenv("RESUME_AFTER_HOURS", "abc")
	t.Setenv("LANG", "fr_FR.UTF-8")
	var stdout, stderr strings.Builder
	code := run(t.Context(), []string{"chat", "--phone", "+33600000001"}, strings.NewReader(""), &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code = %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "RESUME_AFTER_HOURS=abc") {
		t.Errorf("stderr = %q, want the bad setting named", stderr.String())
	}
}
