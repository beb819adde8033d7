package mail

import (
	"strings"
	"testing"
	"time"
)

func TestFormat(t *testing.T) {
	msg := string(Format("braid@example.org", Message{To: "ana@example.org", Subject: "Confirme su firma: «Vivienda»", Body: "Hola,\nabra el enlace."},
		time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)))
	for _, want := range []string{
		"From: braid@example.org\r\n", "To: ana@example.org\r\n", "Subject: =?utf-8?q?", "Date: Thu, 26 Nov 2026 10:00:00 +0000\r\n",
		"Content-Type: text/plain; charset=utf-8\r\n", "\r\n\r\nHola,\r\nabra el enlace.",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(strings.ReplaceAll(msg, "\r\n", ""), "\n") {
		t.Error("a bare line feed is left")
	}
}

func TestParseSMTP(t *testing.T) {
	s, err := ParseSMTP("smtp://user:secret@mail.example.org", "braid@example.org")
	if err != nil || s.Addr != "mail.example.org:587" || s.Auth == nil || s.From != "braid@example.org" {
		t.Fatalf("ParseSMTP = %+v, %v", s, err)
	}
	if s, err = ParseSMTP("smtp://relay.local:25", "braid@example.org"); err != nil || s.Addr != "relay.local:25" || s.Auth != nil {
		t.Errorf("without a user: %+v, %v", s, err)
	}
	for _, bad := range [][2]string{{"http://mail.example.org", "a@b.org"}, {"smtp://", "a@b.org"}, {"smtp://mail.example.org", "nobody"}} {
		if _, err := ParseSMTP(bad[0], bad[1]); err == nil {
			t.Errorf("ParseSMTP(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

func TestSMTPRefusesHeaderInjection(t *testing.T) {
	s := &SMTP{Addr: "127.0.0.1:1", From: "braid@example.org"}
	err := s.Send(t.Context(), Message{To: "ana@example.org\r\nBcc: everyone@example.org", Subject: "x", Body: "y"})
	if err == nil || !strings.Contains(err.Error(), "line break") {
		t.Errorf("Send = %v, want a refusal of the line break", err)
	}
}
