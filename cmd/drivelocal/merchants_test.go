package main

import (
	"strings"
	"testing"

	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/shop"
)

func TestMerchantsListApproveReject(t *testing.T) {
	db := cliDB(t)
	if _, err := catalog.LoadDemo(t.Context(), db); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	cassis, err := catalog.MerchantByPhone(t.Context(), db, "+33600000102")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Ferme du Cap", "Chez Paul"} {
		tx, err := db.Begin(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		phone := map[string]string{"Ferme du Cap": "+33611110001", "Chez Paul": "+33611110002"}[name]
		if _, err := shop.Register(t.Context(), tx, shop.Registration{Phone: phone, Name: name, Category: "primeur",
			CommuneID: cassis.CommuneID, Drive: true, OpeningHours: "8h-19h"}); err != nil {
			t.Fatalf("register %s: %v", name, err)
		}
		if err := tx.Commit(t.Context()); err != nil {
			t.Fatal(err)
		}
	}

	list := runCommand(t, "", "merchants", "list", "--pending")
	if list.code != 0 || !strings.Contains(list.stdout, "ferme-du-cap") || !strings.Contains(list.stdout, "chez-paul") ||
		strings.Contains(list.stdout, "boulangerie-port") {
		t.Fatalf("list --pending = %d %q %q, want the two sign-ups only", list.code, list.stdout, list.stderr)
	}

	if r := runCommand(t, "", "merchants", "approve", "ferme-du-cap"); r.code != 0 || !strings.Contains(r.stdout, "Ferme du Cap") {
		t.Errorf("approve = %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCommand(t, "", "merchants", "reject", "chez-paul", "--reason", "hors zone"); r.code != 0 {
		t.Errorf("reject = %d %q %q", r.code, r.stdout, r.stderr)
	}
	var bodies []string
	rows, err := db.Query(t.Context(), `SELECT address || ' ' || body FROM outbox ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, b)
	}
	if len(bodies) != 2 || !strings.HasPrefix(bodies[0], "+33611110001 ") || !strings.Contains(bodies[1], "hors zone") {
		t.Errorf("queued SMS = %q, want the approval then the rejection", bodies)
	}

	if r := runCommand(t, "", "merchants", "approve", "ferme-du-cap"); r.code != 1 || !strings.Contains(r.stderr, "ferme-du-cap") {
		t.Errorf("second approve = %d %q, want a failure naming the merchant", r.code, r.stderr)
	}
	if r := runCommand(t, "", "merchants", "approve", "inconnu"); r.code != 1 {
		t.Errorf("approve unknown = %d, want 1", r.code)
	}
	if r := runCommand(t, "", "merchants", "frobnicate"); r.code != 1 || !strings.Contains(r.stderr, "merchants list") {
		t.Errorf("unknown subcommand = %d %q, want the usage", r.code, r.stderr)
	}
	if r := runCommand(t, "", "merchants", "list"); r.code != 0 || !strings.Contains(r.stdout, "validé") {
		t.Errorf("list = %d %q, want the approved merchant marked validé", r.code, r.stdout)
	}
}
