// Package ical writes iCalendar (RFC 5545) calendars of events. It is pure: no I/O
// beyond the writer it is given.
package ical

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one VEVENT. Times are written in UTC.
type Event struct {
	UID          string
	Start, End   time.Time
	Stamp        time.Time // DTSTAMP: when this copy was made
	LastModified time.Time
	Sequence     int
	Summary      string
	Location     string
	Description  string
	URL          string
	Categories   []string
}

// Calendar is a VCALENDAR with a name and its events.
type Calendar struct {
	ProductID string // e.g. "-//Braid//Meetings//EN"
	Name      string
	Events    []Event
}

const stampLayout = "20060102T150405Z"

// Write writes the calendar with CRLF line ends and lines folded at 75 octets.
func (c Calendar) Write(w io.Writer) error {
	lw := &lineWriter{w: w}
	lw.line("BEGIN:VCALENDAR")
	lw.line("VERSION:2.0")
	lw.line("PRODID:" + text(c.ProductID))
	lw.line("CALSCALE:GREGORIAN")
	if c.Name != "" {
		lw.line("X-WR-CALNAME:" + text(c.Name))
		lw.line("NAME:" + text(c.Name))
	}
	for _, e := range c.Events {
		lw.line("BEGIN:VEVENT")
		lw.line("UID:" + text(e.UID))
		lw.line("DTSTAMP:" + e.Stamp.UTC().Format(stampLayout))
		lw.line("DTSTART:" + e.Start.UTC().Format(stampLayout))
		lw.line("DTEND:" + e.End.UTC().Format(stampLayout))
		if !e.LastModified.IsZero() {
			lw.line("LAST-MODIFIED:" + e.LastModified.UTC().Format(stampLayout))
		}
		lw.line(fmt.Sprintf("SEQUENCE:%d", e.Sequence))
		lw.line("SUMMARY:" + text(e.Summary))
		if e.Location != "" {
			lw.line("LOCATION:" + text(e.Location))
		}
		if e.Description != "" {
			lw.line("DESCRIPTION:" + text(e.Description))
		}
		if e.URL != "" {
			lw.line("URL:" + e.URL)
		}
		if len(e.Categories) > 0 {
			cats := make([]string, len(e.Categories))
			for i, c := range e.Categories {
				cats[i] = text(c)
			}
			lw.line("CATEGORIES:" + strings.Join(cats, ","))
		}
		lw.line("END:VEVENT")
	}
	lw.line("END:VCALENDAR")
	return lw.err
}

// text escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line
// breaks. Control characters other than those are dropped, since they are not allowed.
func text(s string) string {
	var b strings.Builder
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r < 0x20 && r != '\t', r == 0x7f:
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lineWriter folds content lines longer than 75 octets (§3.1) without splitting a
// UTF-8 sequence, and ends every line with CRLF.
type lineWriter struct {
	w   io.Writer
	err error
}

func (lw *lineWriter) line(s string) {
	if lw.err != nil {
		return
	}
	var b strings.Builder
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space of a continuation counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	_, lw.err = io.WriteString(lw.w, b.String())
}
