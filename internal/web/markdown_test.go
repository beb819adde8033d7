package web

import (
	"strings"
	"testing"
)

func TestMarkdown_SanitisesNotes(t *testing.T) {
	for _, tc := range []struct{ in, want, not string }{
		{"# Notes\n\n- one\n- **two**", "<strong>two</strong>", ""},
		{"<script>alert(1)</script>", "", "<script"},
		{"[x](javascript:alert(1))", "", "javascript:"},
		{`<img src=x onerror="alert(1)">`, "", "onerror"},
		{"[site](https://example.org)", `rel="nofollow`, ""},
	} {
		got := string(markdown(tc.in))
		if tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("markdown(%q) = %q, want it to contain %q", tc.in, got, tc.want)
		}
		if tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("markdown(%q) = %q, must not contain %q", tc.in, got, tc.not)
		}
	}
}
