package order_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/order"
	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

// Demo merchants.
const (
	boulangeriePhone = "+33600000102" // Boulangerie du Port
	primeursPhone    = "+33600000101" // Primeurs de la Fontaine
)

// fixture is the demo catalog and one customer's conversation.
type fixture struct {
	db           *pgxpool.Pool
	merchant     catalog.Merchant
	products     map[string]catalog.Product // by ref
	conversation int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := pgtest.Pool(t, "order")
	ctx := t.Context()
	if _, err := catalog.LoadDemo(ctx, db); err != nil {
		t.Fatalf("load demo catalog: %v", err)
	}
	m, err := catalog.MerchantByPhone(ctx, db, boulangeriePhone)
	if err != nil {
		t.Fatalf("merchant: %v", err)
	}
	f := &fixture{db: db, merchant: m, products: map[string]catalog.Product{}}
	// Every product of the merchant, those out of stock included, which
	// catalog.Products leaves out.
	rows, err := db.Query(ctx, `SELECT id FROM products WHERE merchant_id = $1`, m.ID)
	if err != nil {
		t.Fatalf("list products: %v", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatalf("list products: %v", err)
	}
	for _, id := range ids {
		p, err := catalog.GetProduct(ctx, db, id)
		if err != nil {
			t.Fatalf("get product %d: %v", id, err)
		}
		f.products[p.Ref] = p
	}
	err = db.QueryRow(ctx, `INSERT INTO conversations (channel, address) VALUES ('sms', '+33612345678')
		RETURNING id`).Scan(&f.conversation)
	if err != nil {
		t.Fatalf("insert conversation: %v", err)
	}
	return f
}

// line returns an order line of q units of the product with the ref.
func (f *fixture) line(t *testing.T, ref string, q catalog.Quantity) order.Line {
	t.Helper()
	p, ok := f.products[ref]
	if !ok {
		t.Fatalf("no product %s", ref)
	}
	return order.Line{ProductID: p.ID, Name: p.Name, Unit: p.Unit, Quantity: q, PriceCents: p.PriceCents}
}

func (f *fixture) placement(lines ...order.Line) order.Placement {
	return order.Placement{
		MerchantID: f.merchant.ID,
		Customer: order.Customer{ConversationID: f.conversation, Channel: "sms", Address: "+33612345678",
			Locale: "fr", Name: "06 ** ** ** 78"},
		Fulfilment: order.Drive,
		Lines:      lines,
	}
}

// inTx runs fn in a transaction, committed when fn returns no error.
func inTx(t *testing.T, db *pgxpool.Pool, fn func(tx pgx.Tx) error) error {
	t.Helper()
	tx, err := db.Begin(t.Context())
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	defer tx.Rollback(context.Background())
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(t.Context()); err != nil {
		t.Fatalf("commit: %v", err)
	}
	return nil
}

func (f *fixture) place(t *testing.T, lines ...order.Line) (order.Order, *order.Shortage) {
	t.Helper()
	var placed order.Order
	var short *order.Shortage
	err := inTx(t, f.db, func(tx pgx.Tx) error {
		var err error
		placed, short, err = order.Place(t.Context(), tx, f.placement(lines...))
		return err
	})
	if err != nil {
		t.Fatalf("place: %v", err)
	}
	return placed, short
}

func (f *fixture) accept(t *testing.T, ref string, merchantID int64) (order.Order, error) {
	t.Helper()
	var o order.Order
	err := inTx(t, f.db, func(tx pgx.Tx) error {
		var err error
		o, err = order.Accept(t.Context(), tx, ref, merchantID)
		return err
	})
	return o, err
}

func (f *fixture) refuse(t *testing.T, ref string, merchantID int64, reason string) (order.Order, error) {
	t.Helper()
	var o order.Order
	err := inTx(t, f.db, func(tx pgx.Tx) error {
		var err error
		o, err = order.Refuse(t.Context(), tx, ref, merchantID, reason)
		return err
	})
	return o, err
}

func (f *fixture) stock(t *testing.T, ref string) catalog.Quantity {
	t.Helper()
	p, err := catalog.GetProduct(t.Context(), f.db, f.products[ref].ID)
	if err != nil {
		t.Fatalf("get product %s: %v", ref, err)
	}
	return p.Stock
}

func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.db.QueryRow(t.Context(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func (f *fixture) status(t *testing.T, ref string) order.Status {
	t.Helper()
	o, err := order.Get(t.Context(), f.db, ref)
	if err != nil {
		t.Fatalf("get order %s: %v", ref, err)
	}
	return o.Status
}

func TestPlaceTakesStock(t *testing.T) {
	f := newFixture(t)
	baguettes, croissants := f.stock(t, "baguette-tradition"), f.stock(t, "croissant")

	placed, short := f.place(t, f.line(t, "baguette-tradition", 2*catalog.One), f.line(t, "croissant", 3*catalog.One))

	if short != nil {
		t.Fatalf("shortage %+v, want none", short)
	}
	if got, want := f.stock(t, "baguette-tradition"), baguettes-2*catalog.One; got != want {
		t.Errorf("baguette stock = %d, want %d", got, want)
	}
	if got, want := f.stock(t, "croissant"), croissants-3*catalog.One; got != want {
		t.Errorf("croissant stock = %d, want %d", got, want)
	}
	if placed.Status != order.Pending {
		t.Errorf("status = %s, want pending", placed.Status)
	}
	if placed.TotalCents != 2*130+3*120 {
		t.Errorf("total = %d cents, want %d", placed.TotalCents, 2*130+3*120)
	}
	if len(placed.Ref) < 3 {
		t.Errorf("ref = %q, want at least 3 characters", placed.Ref)
	}
	if placed.MerchantPhone != boulangeriePhone || placed.Customer.Address != "+33612345678" {
		t.Errorf("order of %s for %s, want %s for +33612345678", placed.MerchantPhone, placed.Customer.Address, boulangeriePhone)
	}
	if len(placed.Lines) != 2 {
		t.Fatalf("order has %d lines, want 2", len(placed.Lines))
	}
	if got := placed.Lines[1]; got.Name != "Croissant au beurre" || got.Quantity != 3*catalog.One || got.AmountCents != 360 {
		t.Errorf("line 2 = %+v, want 3 Croissant au beurre for 360 cents", got)
	}
}

func TestPlaceShortageRollsBackEveryLine(t *testing.T) {
	f := newFixture(t)
	baguettes, croissants := f.stock(t, "baguette-tradition"), f.stock(t, "croissant")
	tarte := f.products["tarte-tropezienne"]

	_, short := f.place(t, f.line(t, "baguette-tradition", 2*catalog.One), f.line(t, "croissant", catalog.One),
		f.line(t, "tarte-tropezienne", catalog.One))

	if short == nil {
		t.Fatal("no shortage, want one for the tarte tropézienne")
	}
	if short.ProductID != tarte.ID || short.Left != 0 || short.Name != "Tarte tropézienne" {
		t.Errorf("shortage = %+v, want product %d with 0 left", short, tarte.ID)
	}
	if got := f.stock(t, "baguette-tradition"); got != baguettes {
		t.Errorf("baguette stock = %d, want %d untouched", got, baguettes)
	}
	if got := f.stock(t, "croissant"); got != croissants {
		t.Errorf("croissant stock = %d, want %d untouched", got, croissants)
	}
	if n := f.count(t, "orders"); n != 0 {
		t.Errorf("orders = %d, want 0", n)
	}
	if n := f.count(t, "order_lines"); n != 0 {
		t.Errorf("order lines = %d, want 0", n)
	}
}

func TestPlaceShortageReportsWhatIsLeft(t *testing.T) {
	f := newFixture(t)
	pompes := f.stock(t, "pompe-huile")

	_, short := f.place(t, f.line(t, "pompe-huile", pompes+catalog.One))

	if short == nil || short.Left != pompes {
		t.Fatalf("shortage = %+v, want %d left", short, pompes)
	}
	if got := f.stock(t, "pompe-huile"); got != pompes {
		t.Errorf("stock = %d, want %d untouched", got, pompes)
	}
}

func TestAcceptOnlyFromPending(t *testing.T) {
	f := newFixture(t)
	placed, _ := f.place(t, f.line(t, "baguette-tradition", catalog.One))

	accepted, err := f.accept(t, placed.Ref, f.merchant.ID)
	if err != nil {
		t.Fatalf("first accept: %v", err)
	}
	if accepted.Status != order.Accepted {
		t.Errorf("status = %s, want accepted", accepted.Status)
	}

	again, err := f.accept(t, placed.Ref, f.merchant.ID)
	var statusErr *order.StatusError
	if !errors.As(err, &statusErr) {
		t.Fatalf("second accept error = %v, want a *StatusError", err)
	}
	if statusErr.Actual != order.Accepted || statusErr.Ref != placed.Ref {
		t.Errorf("StatusError = %+v, want %s accepted", statusErr, placed.Ref)
	}
	if again.Status != order.Accepted {
		t.Errorf("order returned with the error is %s, want accepted", again.Status)
	}
}

func TestRefusePutsStockBack(t *testing.T) {
	f := newFixture(t)
	baguettes, croissants := f.stock(t, "baguette-tradition"), f.stock(t, "croissant")
	placed, _ := f.place(t, f.line(t, "baguette-tradition", 2*catalog.One), f.line(t, "croissant", 3*catalog.One))

	refused, err := f.refuse(t, placed.Ref, f.merchant.ID, "plus de fraises")
	if err != nil {
		t.Fatalf("refuse: %v", err)
	}

	if refused.Status != order.Refused || refused.RefusalReason != "plus de fraises" {
		t.Errorf("order = %s with reason %q, want refused with %q", refused.Status, refused.RefusalReason, "plus de fraises")
	}
	if got := f.stock(t, "baguette-tradition"); got != baguettes {
		t.Errorf("baguette stock = %d, want %d", got, baguettes)
	}
	if got := f.stock(t, "croissant"); got != croissants {
		t.Errorf("croissant stock = %d, want %d", got, croissants)
	}
}

func TestRefuseAfterAccept(t *testing.T) {
	f := newFixture(t)
	placed, _ := f.place(t, f.line(t, "baguette-tradition", catalog.One))
	if _, err := f.accept(t, placed.Ref, f.merchant.ID); err != nil {
		t.Fatalf("accept: %v", err)
	}
	baguettes := f.stock(t, "baguette-tradition")

	got, err := f.refuse(t, placed.Ref, f.merchant.ID, "trop tard")

	var statusErr *order.StatusError
	if !errors.As(err, &statusErr) || statusErr.Actual != order.Accepted {
		t.Fatalf("refuse error = %v, want a *StatusError with accepted", err)
	}
	if got.Status != order.Accepted {
		t.Errorf("order returned with the error is %q, want accepted", got.Status)
	}
	if stock := f.stock(t, "baguette-tradition"); stock != baguettes {
		t.Errorf("baguette stock = %d, want %d: stock of an accepted order stays taken", stock, baguettes)
	}
	if status := f.status(t, placed.Ref); status != order.Accepted {
		t.Errorf("status = %s, want accepted", status)
	}
}

func TestOtherMerchantGetsNotFound(t *testing.T) {
	f := newFixture(t)
	placed, _ := f.place(t, f.line(t, "baguette-tradition", catalog.One))
	baguettes := f.stock(t, "baguette-tradition")
	other, err := catalog.MerchantByPhone(t.Context(), f.db, primeursPhone)
	if err != nil {
		t.Fatalf("other merchant: %v", err)
	}

	if _, err := f.accept(t, placed.Ref, other.ID); !errors.Is(err, order.ErrNotFound) {
		t.Errorf("accept by another merchant: error %v, want ErrNotFound", err)
	}
	if _, err := f.refuse(t, placed.Ref, other.ID, "non"); !errors.Is(err, order.ErrNotFound) {
		t.Errorf("refuse by another merchant: error %v, want ErrNotFound", err)
	}
	if status := f.status(t, placed.Ref); status != order.Pending {
		t.Errorf("status = %s, want pending", status)
	}
	if got := f.stock(t, "baguette-tradition"); got != baguettes {
		t.Errorf("baguette stock = %d, want %d", got, baguettes)
	}
}

func TestUnknownRefGetsNotFound(t *testing.T) {
	f := newFixture(t)

	if _, err := f.accept(t, "XYZ9", f.merchant.ID); !errors.Is(err, order.ErrNotFound) {
		t.Errorf("accept: error %v, want ErrNotFound", err)
	}
	if _, err := order.Get(t.Context(), f.db, "XYZ9"); !errors.Is(err, order.ErrNotFound) {
		t.Errorf("get: error %v, want ErrNotFound", err)
	}
}

func TestAcceptAndRefuseCrossing(t *testing.T) {
	f := newFixture(t)
	for round := range 5 {
		baguettes := f.stock(t, "baguette-tradition")
		placed, _ := f.place(t, f.line(t, "baguette-tradition", catalog.One))

		var acceptErr, refuseErr error
		start := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			<-start
			_, acceptErr = f.accept(t, placed.Ref, f.merchant.ID)
		})
		wg.Go(func() {
			<-start
			_, refuseErr = f.refuse(t, placed.Ref, f.merchant.ID, "rupture")
		})
		close(start)
		wg.Wait()

		var statusErr *order.StatusError
		switch status := f.status(t, placed.Ref); status {
		case order.Accepted:
			if acceptErr != nil || !errors.As(refuseErr, &statusErr) {
				t.Errorf("round %d: accepted, with accept error %v and refuse error %v, want nil and a *StatusError",
					round, acceptErr, refuseErr)
			}
			if got, want := f.stock(t, "baguette-tradition"), baguettes-catalog.One; got != want {
				t.Errorf("round %d: accepted order left stock %d, want %d", round, got, want)
			}
		case order.Refused:
			if refuseErr != nil || !errors.As(acceptErr, &statusErr) {
				t.Errorf("round %d: refused, with refuse error %v and accept error %v, want nil and a *StatusError",
					round, refuseErr, acceptErr)
			}
			if got := f.stock(t, "baguette-tradition"); got != baguettes {
				t.Errorf("round %d: refused order left stock %d, want %d", round, got, baguettes)
			}
		default:
			t.Errorf("round %d: status = %s, want accepted or refused", round, status)
		}
	}
}

// placeInTx places the lines in a transaction of its own and commits it.
// It returns errors instead of failing the test, for use in goroutines.
func (f *fixture) placeInTx(ctx context.Context, lines ...order.Line) error {
	tx, err := f.db.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(context.Background())
	if _, short, err := order.Place(ctx, tx, f.placement(lines...)); err != nil || short != nil {
		return fmt.Errorf("place: shortage %v, error %w", short, err)
	}
	return tx.Commit(ctx)
}

// waitLockWaiters waits until n sessions of the test database wait for a
// lock.
func waitLockWaiters(t *testing.T, db *pgxpool.Pool, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var waiting int
		err := db.QueryRow(t.Context(), `SELECT count(*) FROM pg_stat_activity
			WHERE datname = current_database() AND wait_event_type = 'Lock'`).Scan(&waiting)
		if err != nil {
			t.Fatalf("count lock waiters: %v", err)
		}
		if waiting >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d sessions wait for a lock after 10s, want %d", waiting, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestPlaceCrossedBasketsNoDeadlock(t *testing.T) {
	f := newFixture(t)
	baguette, campagne, croissant := f.line(t, "baguette-tradition", catalog.One),
		f.line(t, "pain-campagne", catalog.One), f.line(t, "croissant", catalog.One)

	// A third transaction holds the pain de campagne, so that the first
	// placement stops between its baguette and its croissant while the
	// second takes the croissant and waits for the baguette.
	blocker, err := f.db.Begin(t.Context())
	if err != nil {
		t.Fatalf("begin: %v", err)
	}
	defer blocker.Rollback(context.Background())
	if _, err := blocker.Exec(t.Context(), `SELECT 1 FROM products WHERE id = $1 FOR UPDATE`, campagne.ProductID); err != nil {
		t.Fatalf("lock pain de campagne: %v", err)
	}

	errs := make(chan error, 2)
	go func() { errs <- f.placeInTx(t.Context(), baguette, campagne, croissant) }()
	waitLockWaiters(t, f.db, 1)
	go func() { errs <- f.placeInTx(t.Context(), croissant, baguette) }()
	waitLockWaiters(t, f.db, 2)
	if err := blocker.Commit(t.Context()); err != nil {
		t.Fatalf("commit blocker: %v", err)
	}

	for range 2 {
		if err := <-errs; err != nil {
			t.Errorf("placement failed: %v", err)
		}
	}
	if n := f.count(t, "orders"); n != 2 {
		t.Errorf("orders = %d, want 2", n)
	}
}
