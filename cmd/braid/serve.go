package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"time"

	"github.com/braid-org/braid/internal/mail"

	"github.com/braid-org/braid/internal/demo"
	"github.com/braid-org/braid/internal/server"
)

func (m *Main) serve(ctx context.Context, args []string) error {
	var cfg Config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	m.flags(fs, &cfg)
	fs.StringVar(&cfg.Addr, "addr", envOr(m.Getenv, "BRAID_ADDR", "127.0.0.1:8080"), "address to listen on (env BRAID_ADDR)")
	fs.BoolVar(&cfg.SecureCookies, "secure-cookies", envBool(m.Getenv, "BRAID_SECURE_COOKIES", false), "mark cookies Secure; set when served over HTTPS (env BRAID_SECURE_COOKIES)")
	fs.StringVar(&cfg.BaseURL, "base-url", m.Getenv("BRAID_BASE_URL"), "public address for shared links, e.g. https://braid.example.org (env BRAID_BASE_URL)")
	fs.StringVar(&cfg.SMTPURL, "smtp-url", m.Getenv("BRAID_SMTP_URL"), "SMTP server for signature confirmation emails, e.g. smtp://user:password@mail.example.org:587; without it emails are written to the log (env BRAID_SMTP_URL)")
	fs.StringVar(&cfg.MailFrom, "mail-from", m.Getenv("BRAID_MAIL_FROM"), "sender address of Braid's emails (env BRAID_MAIL_FROM)")
	fs.BoolVar(&cfg.Demo, "demo", envBool(m.Getenv, "BRAID_DEMO", true), "load the demo ecosystem into an empty database (env BRAID_DEMO)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	a, err := m.open(ctx, &cfg)
	if err != nil {
		return err
	}
	log := cfg.logger(m.Stderr)
	showDemo := false
	if cfg.Demo {
		empty, err := a.IsEmpty(ctx)
		if err != nil {
			return err
		}
		if empty {
			if _, err := demo.Seed(ctx, a); err != nil {
				return fmt.Errorf("load demo data: %w", err)
			}
		}
		if showDemo, err = a.UserExists(ctx, demo.CoordinatorEmail); err != nil {
			return err
		}
	}
	srv, err := server.New(a, server.Config{SecureCookies: cfg.SecureCookies, BaseURL: cfg.BaseURL, Log: log})
	if err != nil {
		return err
	}
	var sender mail.Sender = mail.LogSender{Log: log}
	if cfg.SMTPURL != "" {
		if sender, err = mail.ParseSMTP(cfg.SMTPURL, cfg.MailFrom); err != nil {
			return err
		}
	}
	mailCtx, stopMail := context.WithCancel(ctx)
	defer stopMail()
	go a.RunMailDelivery(mailCtx, sender, 10*time.Second)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	addr := "http://" + ln.Addr().String()
	fmt.Fprintf(m.Stdout, "Braid is running at %s (database: %s)\n", addr, a.DB().Dialect())
	if showDemo {
		fmt.Fprintf(m.Stdout, "Demo sign-in: %s / %s (coordinator), %s / %s (member)\n",
			demo.CoordinatorEmail, demo.DemoPassword, demo.MemberEmail, demo.DemoPassword)
	}
	if m.ready != nil {
		m.ready <- addr
	}
	err = srv.Run(ctx, ln)
	log.Info("stopped")
	return err
}
