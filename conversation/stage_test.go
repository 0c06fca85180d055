package conversation

import (
	"testing"

	"github.com/drivelocal/drivelocal/order"
)

// stages lists every stage, in the order of a conversation.
var stages = []Stage{Start, AskCommune, ChooseCommune, ChooseShop, Browse, AskQuantity,
	AskFulfilment, AskAddress, Confirm, Placing}

// stageState returns a state that the conversation could be in at the
// stage, with the context that earlier messages leave behind.
func stageState(stage Stage) State {
	s := State{Stage: stage, Locale: French}
	switch stage {
	case Start, AskCommune:
		return s
	case ChooseCommune:
		s.Choices = []int64{aixID, tholonetID}
		return s
	}
	s.CommuneID, s.CommuneName = cassisID, "Cassis"
	s.Choices = []int64{primeurID, caveID, boulangerID}
	if stage == ChooseShop {
		return s
	}
	s.MerchantID = primeurID
	s.Basket = Basket{MerchantID: primeurID, Lines: []BasketLine{
		{ProductID: radishesID, Name: "Radis", Unit: "botte", PriceCents: 180, Quantity: qty(2)},
	}}
	switch stage {
	case AskQuantity:
		s.PendingProduct = melonID
	case AskAddress:
		s.Fulfilment = string(order.Delivery)
	case Confirm, Placing:
		s.Fulfilment = string(order.Delivery)
		s.Address = "12 avenue des Albizzi, Cassis"
	}
	return s
}

func TestStepNeverSilent(t *testing.T) {
	inputs := []string{"", " ", "zzz", "?", "0", "-1", "999", "1,5", "x", "👍", "oui non", "3 x0",
		"n°", "le", "OK", "non", "ok zz9", "13100", "m:", "p:abc"}
	v := newMemView()
	for _, stage := range stages {
		for _, in := range inputs {
			out := Step(stageState(stage), Event{From: customer, Text: in}, v)
			if len(out.Replies)+len(out.Effects) == 0 {
				t.Errorf("stage %q, text %q: no reply and no effect", stage, in)
			}
			for _, r := range out.Replies {
				if len(r.Lines) == 0 {
					t.Errorf("stage %q, text %q: reply without lines", stage, in)
				}
			}
		}
	}
}

func TestStepUnknownStage(t *testing.T) {
	out := Step(State{Stage: "gone"}, text("bonjour"), newMemView())
	if out.State.Stage != AskCommune {
		t.Errorf("stage = %q, want %q", out.State.Stage, AskCommune)
	}
	if got := lineIDs(out); len(got) == 0 {
		t.Errorf("ids = %v, want a reply", got)
	}
}

func FuzzStep(f *testing.F) {
	for i, seed := range []string{"bonjour", "cassis", "13100", "1", "3 x2", "1,5", "PANIER", "VALIDER",
		"ANNULER", "SUITE", "retrait", "livraison", "12 rue de la République", "OUI", "NON",
		"OK K7P", "non k7p plus de fraises", "m:10", "p:103", "n°1", "le 2", "un", "12", "999 x999999999"} {
		f.Add(uint8(i), seed, i%3 == 0, i%5 == 0)
	}
	v := newMemView()
	f.Fuzz(func(t *testing.T, stageIndex uint8, input string, fromMerchant, isButton bool) {
		stage := stages[int(stageIndex)%len(stages)]
		e := Event{From: customer, Text: input}
		if isButton {
			e = Event{From: customer, Data: input}
		}
		if fromMerchant {
			e.From = primeur
		}
		out := Step(stageState(stage), e, v)
		if len(out.Replies)+len(out.Effects) == 0 {
			t.Errorf("stage %q, merchant %v, button %v, input %q: no reply and no effect",
				stage, fromMerchant, isButton, input)
		}
	})
}
