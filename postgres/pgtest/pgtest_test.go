package pgtest

import "testing"

func TestPool(t *testing.T) {
	p := Pool(t, "pgtest")
	var n int
	if err := p.QueryRow(t.Context(), "select count(*) from merchants").Scan(&n); err != nil {
		t.Fatal(err)
	}
}
