package domain

import (
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"time"
	"unicode"
)

// Kinds of document in a coalition's analysis library.
var DocumentKinds = []string{"brief", "testimony", "data", "notes", "other"}

// Records a document can be linked from.
var DocumentLinkTypes = []string{"task", "meeting", "proposal"}

// MaxUploadBytes is the largest file a document may carry.
const MaxUploadBytes = 10 << 20

// Document is a piece of the coalition's shared analysis: a brief, testimony, data or
// notes, written in Markdown and optionally carrying one uploaded file, tagged by issue
// area and geography, and optionally linked from a task, meeting or proposal.
type Document struct {
	ID             string    `json:"id"`
	CoalitionID    string    `json:"coalition_id"`
	Title          string    `json:"title"`
	Kind           string    `json:"kind"`
	Body           string    `json:"body"` // Markdown, sanitised when rendered
	IssueAreas     []string  `json:"issue_areas"`
	Geographies    []string  `json:"geographies"`
	OrganizationID string    `json:"organization_id"` // the member organization sharing it, if any
	LinkType       string    `json:"link_type"`       // task, meeting, proposal or ""
	LinkID         string    `json:"link_id"`
	FileName       string    `json:"file_name"` // "" when no file is attached
	FileType       string    `json:"file_type"`
	FileSize       int       `json:"file_size"`
	CreatedBy      string    `json:"created_by"`
	Version        int       `json:"version"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Normalize trims the text fields and cleans the tag lists.
func (d *Document) Normalize() {
	d.Title, d.Body = strings.TrimSpace(d.Title), strings.TrimSpace(d.Body)
	d.IssueAreas, d.Geographies = CleanList(d.IssueAreas), CleanList(d.Geographies)
	if d.LinkType == "" {
		d.LinkID = ""
	}
}

// Validate checks a document's fields (not that its link exists: the app does that).
func (d *Document) Validate() error {
	var v Validation
	CheckText(&v, "title", d.Title, 1, MaxName)
	CheckText(&v, "body", d.Body, 0, MaxText)
	if !OneOf(d.Kind, DocumentKinds) {
		v.Add("kind", "Choose brief, testimony, data, notes or other.")
	}
	if len(d.IssueAreas) > MaxList || len(d.Geographies) > MaxList {
		v.Add("issue_areas", "Use at most 50 tags.")
	}
	if d.LinkType != "" && !OneOf(d.LinkType, DocumentLinkTypes) {
		v.Add("link_type", "Choose task, meeting or proposal.")
	}
	if d.LinkType != "" && d.LinkID == "" {
		v.Add("link_id", "Choose the record to link.")
	}
	return v.Err()
}

// uploadTypes are the files a document may carry, by the type their content shows, with
// the extensions each may have. HTML, SVG and scripts are refused: a file is served to
// other members and must never run in their browser.
var uploadTypes = map[string][]string{
	"application/pdf":           {".pdf"},
	"image/png":                 {".png"},
	"image/jpeg":                {".jpg", ".jpeg"},
	"text/plain; charset=utf-8": {".txt", ".csv", ".md", ".tsv"},
	// Office documents are zip files; only these extensions are accepted as such.
	"application/zip": {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"},
}

// UploadType checks an uploaded file by its content and name and returns the type to
// serve it with, or a field error for "file".
func UploadType(name string, content []byte) (string, error) {
	var v Validation
	ext := strings.ToLower(filepath.Ext(name))
	sniffed := http.DetectContentType(content)
	allowed, ok := uploadTypes[sniffed]
	switch {
	case len(content) == 0:
		v.Add("file", "The file is empty.")
	case len(content) > MaxUploadBytes:
		v.Add("file", "Files may be at most 10 MB.")
	case !ok:
		v.Add("file", "This kind of file cannot be shared here: use PDF, PNG, JPEG, text or CSV, or an office document.")
	case !OneOf(ext, allowed):
		v.Add("file", "The file's name does not match its content ("+ext+").")
	}
	if err := v.Err(); err != nil {
		return "", err
	}
	if sniffed == "application/zip" || strings.HasPrefix(sniffed, "text/") {
		if t := mime.TypeByExtension(ext); t != "" && !strings.Contains(t, "html") {
			return t, nil
		}
	}
	return sniffed, nil
}

// SafeFileName keeps the last element of a name with letters, digits, dots, dashes and
// underscores only, for storing and for Content-Disposition.
func SafeFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '.', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('_')
		}
	}
	out := strings.Trim(b.String(), ".")
	if out == "" {
		out = "file"
	}
	if len(out) > 120 {
		out = out[len(out)-120:]
	}
	return out
}

// SearchTerms turns a search into its words (letters and digits), at most ten; it is
// empty when the search has none, such as a query of symbols only.
func SearchTerms(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) > 10 {
		words = words[:10]
	}
	return words
}
