package main

import (
	"context"
	"flag"
	"fmt"
	"github.com/braid-org/braid/internal/mail"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"strconv"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/store"
)

// Config is Braid's typed configuration, from flags with BRAID_* environment defaults.
type Config struct {
	Database      string
	DataDir       string
	Addr          string
	SecureCookies bool
	BaseURL       string
	Demo          bool
	LogFormat     string
	SMTPURL       string // smtp://user:password@host:port; empty writes emails to the log
	MailFrom      string
}

// flags registers the common flags on fs, with defaults from the environment.
func (m *Main) flags(fs *flag.FlagSet, cfg *Config) {
	fs.SetOutput(m.Stderr)
	fs.StringVar(&cfg.Database, "database", m.Getenv("BRAID_DATABASE_URL"), "SQLite file or postgres:// URL (env BRAID_DATABASE_URL; default DATA_DIR/braid.db)")
	fs.StringVar(&cfg.DataDir, "data-dir", envOr(m.Getenv, "BRAID_DATA_DIR", "braid-data"), "folder for the embedded SQLite database (env BRAID_DATA_DIR)")
	fs.StringVar(&cfg.LogFormat, "log-format", envOr(m.Getenv, "BRAID_LOG_FORMAT", "text"), "log format: text or json (env BRAID_LOG_FORMAT)")
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

func envBool(getenv func(string) string, key string, def bool) bool {
	if b, err := strconv.ParseBool(getenv(key)); err == nil {
		return b
	}
	return def
}

// validate checks the configuration at boot.
func (c *Config) validate() error {
	if c.Database == "" {
		c.Database = filepath.Join(c.DataDir, "braid.db")
	}
	if c.BaseURL != "" {
		if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("--base-url must be an http(s) address like https://braid.example.org, not %q", c.BaseURL)
		}
	}
	if c.SMTPURL != "" {
		if _, err := mail.ParseSMTP(c.SMTPURL, c.MailFrom); err != nil {
			return fmt.Errorf("--smtp-url / --mail-from: %w", err)
		}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("--log-format must be text or json, not %q", c.LogFormat)
	}
	return nil
}

func (c *Config) logger(w io.Writer) *slog.Logger {
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// open validates the configuration, opens and migrates the database, and returns the use cases.
func (m *Main) open(ctx context.Context, cfg *Config) (*app.App, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, cfg.Database)
	if err != nil {
		return nil, err
	}
	m.closers = append(m.closers, db.Close)
	if _, err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	return app.New(db, cfg.logger(m.Stderr)), nil
}

// parse parses flags and returns the positional arguments. Flags may come before or
// after positional arguments ("export ID -o file" as well as "export -o file ID").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
