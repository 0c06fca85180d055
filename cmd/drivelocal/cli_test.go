package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/drivelocal/drivelocal/bot"
	"github.com/drivelocal/drivelocal/catalog"
	"github.com/drivelocal/drivelocal/conversation"
	"github.com/drivelocal/drivelocal/locales"
	"github.com/drivelocal/drivelocal/postgres/pgtest"
)

// The merchants of the demo catalog in Cassis and in Aix-en-Provence.
var (
	cassisMerchants = []string{"Boulangerie du Port", "Cave des Falaises", "Miellerie du Vallon Fleuri"}
	aixMerchants    = []string{"Primeurs de la Fontaine", "Fromagerie des Trois Cloches", "Ferme des Oliviers",
		"Boucherie des Platanes"}
)

// cliDB returns the emptied database drivelocal_test_cli and points
// DATABASE_URL at it. It sets LANG so that the commands speak French
// whatever the machine's locale.
func cliDB(t *testing.T) *pgxpool.Pool {
	t.Helper()
	db := pgtest.Pool(t, "cli")
	url, err := pgtest.URL("cli")
	if err != nil {
		t.Fatalf("test database URL: %v", err)
	}
	t.Setenv("DATABASE_URL", url)
	t.Setenv("LANG", "fr_FR.UTF-8")
	return db
}

// result is what one run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

func runCommand(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(t.Context(), args, strings.NewReader(stdin), &stdout, &stderr)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// consoleText renders a conversation message as the console prints it.
func consoleText(t *testing.T, id string) string {
	t.Helper()
	m, err := bot.NewRenderer(locales.MustBundle()).Render(bot.Console, conversation.French, "",
		conversation.Reply{Lines: []conversation.Text{conversation.T(id)}})
	if err != nil {
		t.Fatalf("render %s: %v", id, err)
	}
	return m.Text
}

func assertCassisMerchants(t *testing.T, output string) {
	t.Helper()
	for _, name := range cassisMerchants {
		if !strings.Contains(output, name) {
			t.Errorf("output lacks %s of Cassis:\n%s", name, output)
		}
	}
	for _, name := range aixMerchants {
		if strings.Contains(output, name) {
			t.Errorf("output lists %s of Aix-en-Provence:\n%s", name, output)
		}
	}
}

func TestChatGreetsAndListsCassis(t *testing.T) {
	db := cliDB(t)
	if _, err := catalog.LoadDemo(t.Context(), db); err != nil {
		t.Fatalf("load demo catalog: %v", err)
	}

	got := runCommand(t, "Bonjour\nCassis\n", "chat", "--phone", "+33600000001")

	if got.code != 0 {
		t.Fatalf("exit code = %d, want 0; stderr:\n%s", got.code, got.stderr)
	}
	if welcome := consoleText(t, "Welcome"); !strings.Contains(got.stdout, welcome) {
		t.Errorf("output lacks the greeting %q:\n%s", welcome, got.stdout)
	}
	assertCassisMerchants(t, got.stdout)
	if strings.Contains(got.stdout, "EUR") {
		t.Errorf("console output writes EUR, want €:\n%s", got.stdout)
	}
}

func TestImportInvalidCSVNamesLine(t *testing.T) {
	db := cliDB(t)
	path := filepath.Join(t.TempDir(), "commercants.csv")
	csv := "ref;nom;categorie;telephone;commune;code_postal;adresse;latitude;longitude;drive;livraison;frais_livraison\n" +
		"boulangerie-port;Boulangerie du Port;boulangerie;06 00 00 01 02;Cassis;13260;5 rue du Port;43,2142;5,5375;oui;non;\n" +
		"cave-falaises;Cave des Falaises;caviste;pas un numéro;Cassis;13260;14 rue des Falaises;43,2131;5,5389;non;oui;3,00\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatalf("write csv: %v", err)
	}

	got := runCommand(t, "", "import", "--merchants", path)

	if got.code == 0 {
		t.Fatalf("exit code = 0, want an error; stdout:\n%s", got.stdout)
	}
	for _, fragment := range []string{path, "ligne 3", "telephone"} {
		if !strings.Contains(got.stderr, fragment) {
			t.Errorf("stderr lacks %q:\n%s", fragment, got.stderr)
		}
	}
	var merchants int
	if err := db.QueryRow(t.Context(), `SELECT count(*) FROM merchants`).Scan(&merchants); err != nil {
		t.Fatalf("count merchants: %v", err)
	}
	if merchants != 0 {
		t.Errorf("merchants = %d, want 0: a rejected file imports nothing", merchants)
	}
}

func TestUnreachableDatabase(t *testing.T) {
	t.Setenv("LANG", "fr_FR.UTF-8")
	t.Setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/x?connect_timeout=5")
	wantPrefix := newCLI(nil, nil, nil).text("CLIDatabaseUnreachable", map[string]any{"URL": "", "Error": ""})
	wantPrefix, _, _ = strings.Cut(wantPrefix, "(")

	for _, command := range []string{"migrate", "chat", "demo"} {
		t.Run(command, func(t *testing.T) {
			got := runCommand(t, "Bonjour\n", command)

			if got.code == 0 {
				t.Errorf("exit code = 0, want an error")
			}
			if !strings.Contains(got.stderr, "PostgreSQL") {
				t.Errorf("stderr does not mention PostgreSQL:\n%s", got.stderr)
			}
			if !strings.HasPrefix(got.stderr, wantPrefix) {
				t.Errorf("stderr = %q, want the French message starting %q", got.stderr, wantPrefix)
			}
			if !strings.Contains(got.stderr, "127.0.0.1:1") {
				t.Errorf("stderr does not name the server 127.0.0.1:1:\n%s", got.stderr)
			}
		})
	}
}

func TestDemoLoadsCatalogAndAnswers(t *testing.T) {
	db := cliDB(t)

	got := runCommand(t, "Bonjour\nCassis\n", "demo")

	if got.code != 0 {
		t.Fatalf("exit code = %d, want 0; stderr:\n%s", got.code, got.stderr)
	}
	var merchants, products int
	err := db.QueryRow(t.Context(), `SELECT (SELECT count(*) FROM merchants), (SELECT count(*) FROM products)`).
		Scan(&merchants, &products)
	if err != nil {
		t.Fatalf("count catalog: %v", err)
	}
	if merchants != 7 {
		t.Errorf("merchants = %d, want the 7 of the demo", merchants)
	}
	loaded := newCLI(nil, nil, nil).text("CLIDemoLoaded", map[string]any{"Merchants": merchants, "Products": products})
	if !strings.Contains(got.stdout, loaded) {
		t.Errorf("output lacks %q:\n%s", loaded, got.stdout)
	}
	assertCassisMerchants(t, got.stdout)
}

func TestChatMerchantAcceptsOrder(t *testing.T) {
	db := cliDB(t)
	if _, err := catalog.LoadDemo(t.Context(), db); err != nil {
		t.Fatalf("load demo catalog: %v", err)
	}
	customer := runCommand(t, "Bonjour\nCassis\n1\n1 x2\nVALIDER\nOUI\n", "chat")
	if customer.code != 0 {
		t.Fatalf("customer exit code = %d, want 0; stderr:\n%s", customer.code, customer.stderr)
	}
	var ref string
	if err := db.QueryRow(t.Context(), `SELECT ref FROM orders`).Scan(&ref); err != nil {
		t.Fatalf("order placed in the chat: %v", err)
	}

	merchant := runCommand(t, "OK "+ref+"\n", "chat", "--phone", "06 00 00 01 02")

	if merchant.code != 0 {
		t.Fatalf("merchant exit code = %d, want 0; stderr:\n%s", merchant.code, merchant.stderr)
	}
	if !strings.Contains(merchant.stdout, "[SMS]") || !strings.Contains(merchant.stdout, ref) {
		t.Errorf("merchant's chat does not show the new order %s as an SMS:\n%s", ref, merchant.stdout)
	}
	var status string
	if err := db.QueryRow(t.Context(), `SELECT status FROM orders WHERE ref = $1`, ref).Scan(&status); err != nil {
		t.Fatalf("order status: %v", err)
	}
	if status != "accepted" {
		t.Errorf("order status = %s, want accepted", status)
	}

	news := runCommand(t, "", "chat")
	if !strings.Contains(news.stdout, ref) || !strings.Contains(news.stdout, "2,60 €") {
		t.Errorf("customer's next chat lacks the acceptance of %s at 2,60 €:\n%s", ref, news.stdout)
	}
}

func TestChatRejectsInvalidPhone(t *testing.T) {
	cliDB(t)

	got := runCommand(t, "", "chat", "--phone", "pas un numéro")

	if got.code != 1 {
		t.Errorf("exit code = %d, want 1", got.code)
	}
	if !strings.Contains(got.stderr, "pas un numéro") {
		t.Errorf("stderr does not quote the phone:\n%s", got.stderr)
	}
}

func TestUnknownCommand(t *testing.T) {
	t.Setenv("LANG", "fr_FR.UTF-8")

	got := runCommand(t, "", "commander")

	if got.code != 2 {
		t.Errorf("exit code = %d, want 2", got.code)
	}
	if !strings.Contains(got.stdout+got.stderr, "commander") {
		t.Errorf("output does not name the command:\nstdout: %s\nstderr: %s", got.stdout, got.stderr)
	}
}
