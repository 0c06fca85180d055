package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/llm"
	"github.com/drivelocal/drivelocal/llm/llmtest"
)

// unreadable is an order the parser cannot read: it names no product.
const unreadable = "ce qu'il faut pour le petit déjeuner de quatre personnes"

func modelDispatcher(t *testing.T, fake *llmtest.Server, timeout time.Duration) *bot.Dispatcher {
	t.Helper()
	d := newDispatcher(demoDB(t))
	d.Model = llm.New(llm.Config{APIKey: llmtest.DefaultAPIKey, BaseURL: fake.URL, Model: "test-model", Timeout: timeout}, discardLogger)
	return d
}

func TestModelReadsWhatParserCannot(t *testing.T) {
	fake := llmtest.New(t)
	d := modelDispatcher(t, fake, 2*time.Second)
	basketAt(t, d, customerPhone)

	// The model's product numbers follow the catalog as given to it: the
	// bakery's products in stock, baguette first.
	fake.Script(llmtest.Order(llmtest.Line{Product: 1, Quantity: 4}, llmtest.Line{Product: 99, Quantity: 1}))
	reply := handleSMS(t, d, customerPhone, unreadable)
	if !strings.Contains(reply, render(t, bot.SMS, conversation.T("Understood"))) {
		t.Fatalf("reply = %q, want what was understood, for confirmation", reply)
	}
	if !strings.Contains(reply, "4 Baguette tradition") {
		t.Errorf("reply = %q, want 4 baguettes", reply)
	}
	if s := conversationState(t, d.DB, bot.SMS, customerPhone); len(s.Basket.Lines) != 0 {
		t.Errorf("basket before OUI = %+v, want empty", s.Basket)
	}

	handleSMS(t, d, customerPhone, "OUI")
	s := conversationState(t, d.DB, bot.SMS, customerPhone)
	if len(s.Basket.Lines) != 1 || s.Basket.Lines[0].Quantity != 4000 {
		t.Errorf("basket after OUI = %+v, want 4 baguettes only (the invented product 99 dropped)", s.Basket)
	}

	reqs := fake.Requests()
	if len(reqs) != 1 {
		t.Fatalf("model requests = %d, want 1", len(reqs))
	}
	if reqs[0].Model != "test-model" {
		t.Errorf("model = %q, want test-model", reqs[0].Model)
	}
}

func TestModelTimeoutFallsBackToMenu(t *testing.T) {
	fake := llmtest.New(t)
	d := modelDispatcher(t, fake, 200*time.Millisecond)
	basketAt(t, d, customerPhone)

	fake.Script(llmtest.Order(llmtest.Line{Product: 1, Quantity: 1}).After(2 * time.Second))
	reply := handleSMS(t, d, customerPhone, unreadable)
	if !strings.Contains(reply, render(t, bot.SMS, conversation.T("NotUnderstood"))) {
		t.Errorf("reply = %q, want the not-understood note", reply)
	}
	if !strings.Contains(reply, "1 Baguette tradition") {
		t.Errorf("reply = %q, want the numbered menu", reply)
	}
	if s := conversationState(t, d.DB, bot.SMS, customerPhone); s.Stage != conversation.Browse {
		t.Errorf("stage = %s, want %s", s.Stage, conversation.Browse)
	}
}

func TestModelNotAskedForReadableOrder(t *testing.T) {
	fake := llmtest.New(t)
	d := modelDispatcher(t, fake, 2*time.Second)
	basketAt(t, d, customerPhone)

	handleSMS(t, d, customerPhone, "2 baguettes stp")
	if n := len(fake.Requests()); n != 0 {
		t.Errorf("model requests = %d, want 0 for an order the parser reads", n)
	}
}
