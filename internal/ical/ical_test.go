package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestWrite_FoldsEscapesAndEndsLinesWithCRLF(t *testing.T) {
	start := time.Date(2025, 3, 4, 18, 0, 0, 0, time.FixedZone("CST", -6*3600))
	cal := Calendar{ProductID: "-//Braid//Meetings//EN", Name: "Housing; Justice",
		Events: []Event{{UID: "m1@braid", Start: start, End: start.Add(90 * time.Minute), Stamp: start, Summary: "Rally, march; speak\\out",
			Description: strings.Repeat("Intérprete disponible — ", 10) + "\nline two"}}}
	var buf bytes.Buffer
	if err := cal.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"DTSTART:20250305T000000Z\r\n", "DTEND:20250305T013000Z\r\n", `SUMMARY:Rally\, march\; speak\\out` + "\r\n",
		`X-WR-CALNAME:Housing\; Justice`, `\nline two`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("fold split a character: %q", line)
		}
		if strings.Contains(line, "\n") {
			t.Errorf("bare LF in %q", line)
		}
	}
}
