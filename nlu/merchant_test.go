package nlu

import (
	"slices"
	"strings"
	"testing"
)

func TestMerchantReasonKeepsCaseAndAccents(t *testing.T) {
	r := ParseMerchantReply("NON k7p : Plus de Pêches, désolé")
	if r.Action != Refuse {
		t.Fatalf("action = %s, want %s", r.Action, Refuse)
	}
	if r.Reason != "Plus de Pêches, désolé" {
		t.Errorf("reason = %q, want %q", r.Reason, "Plus de Pêches, désolé")
	}
}

func TestMerchantRefIsUpperCase(t *testing.T) {
	r := ParseMerchantReply("ok k7p")
	if r.Ref != "K7P" {
		t.Errorf("ref = %q, want K7P", r.Ref)
	}
	if !slices.Equal(r.Refs, []string{"K7P"}) {
		t.Errorf("refs = %v, want [K7P]", r.Refs)
	}
}

func TestMerchantAmbiguousListsRefs(t *testing.T) {
	r := ParseMerchantReply("ok 42 et k7p")
	if r.Action != Ambiguous {
		t.Fatalf("action = %s, want %s", r.Action, Ambiguous)
	}
	if !slices.Equal(r.Refs, []string{"42", "K7P"}) {
		t.Errorf("refs = %v, want [42 K7P]", r.Refs)
	}
	if r.Ref != "" {
		t.Errorf("ref = %q, want none for an ambiguous reply", r.Ref)
	}
}

func TestMerchantAcceptHasNoReason(t *testing.T) {
	if r := ParseMerchantReply("ok 42 prête à 17h"); r.Reason != "" {
		t.Errorf("reason = %q, want none for an accept", r.Reason)
	}
}

func TestMerchantGluedAccentedCommand(t *testing.T) {
	// Only ASCII tokens are split, so "refusé42" is not read as a command.
	if r := ParseMerchantReply("refusé42"); r.Action == Refuse {
		t.Errorf("action = %s, want no refusal from an unsplit token", r.Action)
	}
}

func TestMerchantReplyReadsOnlyMaxInputBytes(t *testing.T) {
	text := "non 42 " + strings.Repeat("plus de fraises ", 100)
	r := ParseMerchantReply(text)
	if !r.Truncated {
		t.Error("Truncated = false for a message over MaxInputBytes")
	}
	if len(r.Reason) > MaxInputBytes {
		t.Errorf("reason is %d bytes, want at most %d", len(r.Reason), MaxInputBytes)
	}
}

func TestIsRefShaped(t *testing.T) {
	for _, s := range []string{"42", "k7p", "ac4mn7", "9"} {
		want := s != "9"
		if got := isRefShaped(s); got != want {
			t.Errorf("isRefShaped(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"abc", "ac4mn79", "k-7", "é7"} {
		if isRefShaped(s) {
			t.Errorf("isRefShaped(%q) = true, want false", s)
		}
	}
}
