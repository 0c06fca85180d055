// Command drivelocal runs Drive Local's ordering channel: the HTTP server
// and channel workers (serve), a terminal chat (chat, demo), the schema
// (migrate) and the catalog import (import).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one subcommand and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cli := newCLI(stdin, stdout, stderr)
	if len(args) == 0 {
		cli.usage()
		return 2
	}
	commands := map[string]func(context.Context, []string) error{
		"demo":      cli.demo,
		"chat":      cli.chat,
		"serve":     cli.serve,
		"migrate":   cli.migrate,
		"import":    cli.importCatalog,
		"report":    cli.report,
		"merchants": cli.merchants,
	}
	if args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(stdout, cli.text("CLIUsage", nil))
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintln(stderr, cli.text("CLIUnknownCommand", map[string]any{"Command": args[0]}))
		cli.usage()
		return 2
	}
	if err := cmd(ctx, args[1:]); err != nil {
		fmt.Fprintln(stderr, cli.describe(err))
		return 1
	}
	return 0
}
