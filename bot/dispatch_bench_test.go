package bot_test

import (
	"fmt"
	"testing"
)

// BenchmarkHandleBrowse measures one inbound SMS through the dispatcher:
// claim, conversation lock, state machine, catalog reads and outbox write,
// in one PostgreSQL transaction. Customers take turns so that row locks
// do not serialize the run.
func BenchmarkHandleBrowse(b *testing.B) {
	db := demoDB(b)
	d := newDispatcher(db)
	const customers = 50
	script := []string{"Cassis", "1", "1 x2", "PANIER", "MENU"}

	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		phone := fmt.Sprintf("+336100%05d", i%customers)
		handleSMS(b, d, phone, script[(i/customers)%len(script)])
	}
}
