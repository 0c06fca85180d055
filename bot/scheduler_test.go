package bot_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/order"
)

func TestSchedulerRemindsThenExpires(t *testing.T) {
	db := demoDB(t)
	start := time.Now()
	c := newClock(start)
	d := newDispatcher(db)
	d.Now = c.Now
	rig := newSMSRig(t, db, d)
	scheduler := newScheduler(db, c)
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	before := stock(t, db, "croissant")
	ref, _ := placedOverSMS(t, rig, strconv.Itoa(croissant)+" x4")

	tickAt := func(after time.Duration) []string {
		t.Helper()
		c.set(start.Add(after))
		if err := scheduler.Tick(t.Context()); err != nil {
			t.Fatalf("tick at +%v: %v", after, err)
		}
		var to []string
		for _, m := range rig.drain() {
			to = append(to, m.To)
		}
		return to
	}

	if sent := tickAt(59 * time.Minute); len(sent) != 0 {
		t.Errorf("SMS before halfway = %v, want none", sent)
	}
	c.set(start.Add(61 * time.Minute))
	if err := scheduler.Tick(t.Context()); err != nil {
		t.Fatalf("tick: %v", err)
	}
	reminders := rig.drain()
	if len(reminders) != 1 {
		t.Fatalf("SMS after halfway = %+v, want one reminder", reminders)
	}
	o := getOrder(t, db, ref)
	want := render(t, "sms", conversation.ReminderNotice(o, o.CreatedAt.Add(2*time.Hour)).Lines...)
	if reminders[0].To != boulangeriePhone || reminders[0].Body != want {
		t.Errorf("reminder = %+v, want %q to %s", reminders[0], want, boulangeriePhone)
	}
	if sent := tickAt(90 * time.Minute); len(sent) != 0 {
		t.Errorf("SMS at +90 min = %v, want no second reminder", sent)
	}

	c.set(start.Add(121 * time.Minute))
	if err := scheduler.Tick(t.Context()); err != nil {
		t.Fatalf("tick: %v", err)
	}
	expired := rig.drain()
	if len(expired) != 2 {
		t.Fatalf("SMS at expiry = %+v, want the customer and the merchant", expired)
	}
	mustContain(t, "customer's news", smsTo(t, expired, customerPhone).Body, ref, "Boulangerie du Port")
	mustContain(t, "merchant's news", smsTo(t, expired, boulangeriePhone).Body, ref)
	if got := getOrder(t, db, ref).Status; got != order.Expired {
		t.Errorf("status = %s, want expired", got)
	}
	if got := stock(t, db, "croissant"); got != before {
		t.Errorf("croissant stock = %d, want %d put back", got, before)
	}
	if sent := tickAt(200 * time.Minute); len(sent) != 0 {
		t.Errorf("SMS after the expiry = %v, want none", sent)
	}

	late := rig.exchange(boulangeriePhone, "OK "+ref, 1)[0].Body
	if late != smsText(t, "MerchantOrderAlready", "Ref", ref, "Status", "expired") {
		t.Errorf("OK after the expiry = %q", late)
	}
	if got := stock(t, db, "croissant"); got != before {
		t.Errorf("croissant stock after the late OK = %d, want %d", got, before)
	}
}

func TestSchedulerExpiresUnansweredProposal(t *testing.T) {
	db := demoDB(t)
	c := newClock(time.Now())
	rig := newSMSRig(t, db, newDispatcher(db))
	baguette := productNumber(t, db, boulangeriePhone, "baguette-tradition")
	croissant := productNumber(t, db, boulangeriePhone, "croissant")
	ref, _ := placedOverSMS(t, rig, strconv.Itoa(baguette)+" x1", strconv.Itoa(croissant)+" x1")
	baguettes := stock(t, db, "baguette-tradition")
	rig.exchange(boulangeriePhone, "MANQUE "+ref+" croissant", 2)

	c.set(time.Now().Add(3 * time.Hour))
	if err := newScheduler(db, c).Tick(t.Context()); err != nil {
		t.Fatalf("tick: %v", err)
	}
	sent := rig.drain()
	if len(sent) != 2 {
		t.Fatalf("SMS at expiry = %+v, want 2", sent)
	}
	want := smsText(t, "CustomerExpired", "Ref", ref, "Shop", "Boulangerie du Port", "Proposed", true)
	if got := smsTo(t, sent, customerPhone).Body; got != want {
		t.Errorf("customer's news = %q, want %q", got, want)
	}
	if got := stock(t, db, "baguette-tradition"); got != baguettes+1000 {
		t.Errorf("baguette stock = %d, want %d", got, baguettes+1000)
	}
}

func TestSchedulerDailySummary(t *testing.T) {
	db := demoDB(t)
	today := time.Now().In(conversation.Paris)
	at := func(days, hour, minute int) time.Time {
		return time.Date(today.Year(), today.Month(), today.Day()+days, hour, minute, 0, 0, conversation.Paris)
	}
	c := newClock(at(0, 18, 0))
	d := newDispatcher(db)
	d.Now = c.Now
	rig := newSMSRig(t, db, d)
	scheduler := newScheduler(db, c)

	if reply := rig.exchange(boulangeriePhone, "RESUME 19h", 1)[0].Body; reply != smsText(t, "SummarySet", "Time", "19 h") {
		t.Errorf("RESUME reply = %q", reply)
	}
	tick := func(when time.Time) []string {
		t.Helper()
		c.set(when)
		if err := scheduler.Tick(t.Context()); err != nil {
			t.Fatalf("tick at %v: %v", when, err)
		}
		var bodies []string
		for _, m := range rig.drain() {
			if m.To != boulangeriePhone {
				t.Errorf("summary sent to %s, want %s", m.To, boulangeriePhone)
			}
			bodies = append(bodies, m.Body)
		}
		return bodies
	}

	if sent := tick(at(0, 18, 59)); len(sent) != 0 {
		t.Errorf("SMS before 19 h = %q, want none", sent)
	}
	sent := tick(at(0, 19, 5))
	if len(sent) != 1 {
		t.Fatalf("SMS at 19 h 05 = %q, want one summary", sent)
	}
	mustContain(t, "summary", sent[0], "Bilan du "+at(0, 19, 5).Format("02/01"), "Tarte trop")
	if sent := tick(at(0, 21, 0)); len(sent) != 0 {
		t.Errorf("SMS at 21 h = %q, want no second summary", sent)
	}
	if sent := tick(at(1, 19, 1)); len(sent) != 1 {
		t.Errorf("SMS the next day = %q, want one summary", sent)
	}

	rig.exchange(boulangeriePhone, "RESUME NON", 1)
	if sent := tick(at(2, 19, 1)); len(sent) != 0 {
		t.Errorf("SMS after RESUME NON = %q, want none", sent)
	}
}
