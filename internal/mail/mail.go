// Package mail sends Braid's few emails (signature confirmation links): over SMTP when a
// server is configured, otherwise into the log, so that a deployment without mail still
// shows an administrator the link to pass on. The outbox lives in the database; the app's
// delivery loop hands each message to a Sender.
package mail

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Message is one plain-text email.
type Message struct {
	To, Subject, Body string
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// LogSender writes each message to the log instead of sending it.
type LogSender struct{ Log *slog.Logger }

// Send logs the message.
func (s LogSender) Send(_ context.Context, m Message) error {
	s.Log.Info("mail (no SMTP server configured; not sent)", "to", m.To, "subject", m.Subject, "body", m.Body)
	return nil
}

// SMTP sends through an SMTP server with STARTTLS when the server offers it.
type SMTP struct {
	Addr string // host:port
	Auth smtp.Auth
	From string
}

// ParseSMTP reads a server address like smtp://user:password@mail.example.org:587; from
// is the sender address.
func ParseSMTP(raw, from string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("the SMTP address must look like smtp://user:password@mail.example.org:587")
	}
	if !strings.Contains(from, "@") {
		return nil, fmt.Errorf("the sender address %q is not an email address", from)
	}
	port := u.Port()
	if port == "" {
		port = "587"
	}
	s := &SMTP{Addr: net.JoinHostPort(u.Hostname(), port), From: from}
	if u.User != nil {
		pw, _ := u.User.Password()
		s.Auth = smtp.PlainAuth("", u.User.Username(), pw, u.Hostname())
	}
	return s, nil
}

// Send delivers m.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if strings.ContainsAny(m.To+m.Subject, "\r\n") {
		return fmt.Errorf("a header contains a line break")
	}
	msg := Format(s.From, m, time.Now())
	done := make(chan error, 1)
	go func() { done <- smtp.SendMail(s.Addr, s.Auth, s.From, []string{m.To}, msg) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Format renders a message as RFC 5322 text with CRLF line endings, UTF-8 body.
func Format(from string, m Message, now time.Time) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n", from, m.To,
		mime.QEncoding.Encode("utf-8", m.Subject), now.UTC().Format(time.RFC1123Z))
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.WriteString(strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n"))
	return []byte(b.String())
}
