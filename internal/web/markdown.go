package web

import (
	"bytes"
	"html/template"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
)

// markdownPolicy allows the HTML that ordinary Markdown produces (headings, lists, links,
// emphasis, tables, code) and nothing that runs or loads: no scripts, styles, frames or
// event attributes; links get rel="nofollow noopener".
var markdownPolicy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	p.AllowImages() // allowed by UGC already; images stay limited to http(s) URLs
	return p
}()

// markdown renders user Markdown to sanitised HTML. goldmark already escapes raw HTML
// by default; bluemonday is the second line, so a future goldmark option cannot open a hole.
func markdown(src string) template.HTML {
	var buf bytes.Buffer
	if err := goldmark.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(markdownPolicy.SanitizeBytes(buf.Bytes())) //nolint:gosec // sanitised just above
}
