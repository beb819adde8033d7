// Command braid runs Braid: the web server and its administration commands.
//
//	braid serve                 start the server (SQLite under ./braid-data, demo data on first start)
//	braid migrate               apply database migrations
//	braid user create ...       create an account (--admin for a deployment admin)
//	braid user token ...        issue a personal API token
//	braid import FILE           import a coalition bundle (JSON)
//	braid export ID [-o FILE]   export a coalition bundle
//	braid backup FILE           copy a running SQLite database consistently
//	braid demo [--scale N]      load the demo ecosystem, or a large synthetic one
//	braid ledger verify         check every fund's hash-chained ledger
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin, Getenv: os.Getenv}
	err := m.Run(ctx, os.Args[1:])
	stop()
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "braid:", err)
		os.Exit(1)
	}
}

// Main is the program, with its inputs and outputs explicit so that tests can run it.
type Main struct {
	Stdout, Stderr io.Writer
	Stdin          io.Reader
	Getenv         func(string) string
	closers        []func() error
	// ready, when set, receives the listening address once serve is accepting requests.
	ready chan<- string
}

// Close releases what Run opened.
func (m *Main) Close() error {
	var err error
	for i := len(m.closers) - 1; i >= 0; i-- {
		err = errors.Join(err, m.closers[i]())
	}
	m.closers = nil
	return err
}

const usage = `Braid: a platform for coalitions of community organizations.

Usage: braid <command> [flags]

Commands:
  serve        start the web server (default: SQLite in ./braid-data, demo data on first start)
  migrate      apply database migrations
  user create  create an account: --email --name [--password or BRAID_PASSWORD] [--admin]
  user token   issue a personal API token: --email --name
  import FILE  import a coalition bundle ("-" reads standard input)
  export ID    export a coalition bundle: [-o FILE]
  backup FILE  write a consistent copy of the SQLite database while Braid runs
  demo         load the demo ecosystem; --scale N generates N synthetic organizations
  ledger verify  check the hash chain of every fund's ledger; fails if one is broken

Every command takes --database (env BRAID_DATABASE_URL): a SQLite file path or a
postgres:// URL. Run "braid <command> -h" for its flags.
`

// Run executes one command.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return flag.ErrHelp
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return m.serve(ctx, rest)
	case "migrate":
		return m.migrate(ctx, rest)
	case "user":
		return m.user(ctx, rest)
	case "import":
		return m.importBundle(ctx, rest)
	case "export":
		return m.exportBundle(ctx, rest)
	case "backup":
		return m.backup(ctx, rest)
	case "demo":
		return m.demo(ctx, rest)
	case "ledger":
		return m.ledger(ctx, rest)
	case "help", "-h", "--help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprint(m.Stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}
