package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/bundle"
	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/domain"
)

func (m *Main) migrate(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	m.flags(fs, &cfg)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	v, err := a.DB().SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Database is at schema version %d.\n", v)
	return nil
}

func (m *Main) user(ctx context.Context, args []string) error {
	if len(args) == 0 || (args[0] != "create" && args[0] != "token") {
		return errors.New(`usage: braid user create --email E --name N [--admin] | braid user token --email E --name N`)
	}
	var cfg Config
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	m.flags(fs, &cfg)
	email := fs.String("email", "", "email address")
	name := fs.String("name", "", "the person's name (create) or the token's name (token)")
	admin := fs.Bool("admin", false, "make the account a deployment admin")
	password := fs.String("password", "", "password (prefer env BRAID_PASSWORD or standard input)")
	if _, err := parse(fs, args[1:]); err != nil {
		return err
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	if args[0] == "token" {
		u, err := a.UserByEmail(ctx, *email)
		if err != nil {
			return err
		}
		t, err := a.CreateAPIToken(ctx, u, *name)
		if err != nil {
			return describe(err)
		}
		fmt.Fprintf(m.Stdout, "%s\n", t.Token)
		fmt.Fprintln(m.Stderr, "Keep this token secret; it is shown only once. Send it as: Authorization: Bearer <token>")
		return nil
	}
	pw := *password
	if pw == "" {
		pw = m.Getenv("BRAID_PASSWORD")
	}
	if pw == "" {
		fmt.Fprint(m.Stderr, "Password: ")
		line, err := bufio.NewReader(m.Stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	u, err := a.CreateUser(ctx, app.NewAccount{Name: *name, Email: *email, Password: pw}, *admin)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(m.Stdout, "Created %s <%s>%s.\n", u.Name, u.Email, map[bool]string{true: " (admin)", false: ""}[u.Admin])
	return nil
}

// describe turns a domain error into a message that names each offending field.
func describe(err error) error {
	fields := domain.ErrorFields(err)
	if len(fields) == 0 {
		return errors.New(domain.ErrorMessage(err))
	}
	var b strings.Builder
	b.WriteString(domain.ErrorMessage(err))
	for _, f := range fields {
		fmt.Fprintf(&b, "\n  %s: %s", f.Field, f.Message)
	}
	return errors.New(b.String())
}

func (m *Main) importBundle(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	m.flags(fs, &cfg)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New(`usage: braid import FILE ("-" for standard input)`)
	}
	var r io.Reader = m.Stdin
	if rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	raw, err := io.ReadAll(io.LimitReader(r, bundle.MaxBundleBytes+1))
	if err != nil {
		return err
	}
	if len(raw) > bundle.MaxBundleBytes {
		return fmt.Errorf("the bundle is larger than %d MiB", bundle.MaxBundleBytes>>20)
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	c, err := a.ImportBundleAsSystem(ctx, raw)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(m.Stdout, "Imported coalition %q (%s).\n", c.Name, c.ID)
	return nil
}

func (m *Main) exportBundle(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	m.flags(fs, &cfg)
	out := fs.String("o", "-", "output file (default standard output)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New("usage: braid export COALITION_ID [-o FILE]")
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	b, err := a.ExportCoalitionAsSystem(ctx, rest[0])
	if err != nil {
		return describe(err)
	}
	var w io.Writer = m.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return bundle.Write(w, b)
}

func (m *Main) backup(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	m.flags(fs, &cfg)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New("usage: braid backup FILE")
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	if err := a.DB().Backup(ctx, rest[0]); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Wrote a consistent copy to %s.\n", rest[0])
	return nil
}

func (m *Main) demo(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	m.flags(fs, &cfg)
	scale := fs.Int("scale", 0, "generate a synthetic ecosystem of N organizations (about 20 people each) instead of the demo")
	seed := fs.Int64("seed", 1, "random seed for --scale")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	if *scale > 0 {
		if err := demo.Generate(ctx, a.DB(), *scale, *seed); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "Generated %d organizations.\n", *scale)
		return nil
	}
	if _, err := demo.Seed(ctx, a); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "Demo data loaded. Sign in as %s / %s.\n", demo.CoordinatorEmail, demo.DemoPassword)
	return nil
}
