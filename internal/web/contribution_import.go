package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// maxImportCSV bounds the CSV of one import read from a form (about 5,000 rows).
const maxImportCSV = 900_000

// contributionImportView is the data of the import page: the upload form, then the
// preview of what the file holds with every row's errors, and the confirm form.
type contributionImportView struct {
	Coalition *domain.Coalition
	// Result is nil until a file was checked.
	Result *app.ContributionImportResult
	Rows   []importRow
	CSV    string
}

// importRow is one row of the preview.
type importRow struct {
	Row                                                  int
	Organization, Day, Hours, Kind, Description, LinkRef string
	Bad                                                  bool
}

// contributionImportShow handles GET /coalitions/{id}/contributions/import: the upload
// form. Only those who may import see it.
func (h *Handler) contributionImportShow(w http.ResponseWriter, r *http.Request) {
	h.renderImport(w, r, http.StatusOK, nil, "")
}

func (h *Handler) renderImport(w http.ResponseWriter, r *http.Request, status int, res *app.ContributionImportResult, data string) {
	ctx, user := r.Context(), httpx.User(r.Context())
	perm, err := h.app.Authorize(ctx, user, r.PathValue("id"), app.ManageFunds)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "money.import.title", nil)
	v := &contributionImportView{Coalition: perm.Coalition, Result: res, CSV: data}
	if res != nil {
		bad := map[int]bool{}
		for _, e := range res.Errors {
			bad[e.Row] = true
		}
		for _, row := range res.Rows {
			ir := importRow{Row: row.Row, Organization: row.Organization, Day: row.Day, Kind: row.Kind, Description: row.Description, Bad: bad[row.Row]}
			if row.Minutes > 0 {
				ir.Hours = domain.FormatMinutes(row.Minutes)
			}
			if row.LinkType != "" {
				ir.LinkRef = row.LinkType + ":" + row.LinkID
			}
			v.Rows = append(v.Rows, ir)
		}
		if len(res.Errors) > 0 {
			p.Error = p.T("money.import.has_errors", "Count", len(res.Errors))
		}
	}
	p.Data = v
	h.render(w, r, status, "contribution_import", p)
}

// contributionImport handles POST /coalitions/{id}/contributions/import. The CSV comes
// as an uploaded file or pasted text. Without write=yes it is only checked and the
// preview shown; with it, and no errors, every row is written in one transaction.
func (h *Handler) contributionImport(w http.ResponseWriter, r *http.Request) {
	data, ok := h.importData(w, r)
	if !ok {
		return
	}
	write := r.PostForm.Get("write") == "yes"
	id := r.PathValue("id")
	res, err := h.app.ImportContributions(r.Context(), httpx.User(r.Context()), id, data, write)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	switch {
	case res.Written:
		h.flash(r, h.requestLocalizer(r).T("money.import.written", "Count", len(res.Rows)))
		http.Redirect(w, r, "/coalitions/"+url.PathEscape(id)+"/contributions", http.StatusSeeOther)
	case len(res.Errors) > 0:
		h.renderImport(w, r, http.StatusUnprocessableEntity, res, "")
	case len(res.Rows) == 0:
		res.Errors = append(res.Errors, app.ImportRowError{Row: 1, Field: "csv", Message: "The file has no rows below the header."})
		h.renderImport(w, r, http.StatusUnprocessableEntity, res, "")
	default:
		h.renderImport(w, r, http.StatusOK, res, data)
	}
}

// importData reads the CSV from an uploaded file (multipart) or the csv field. An
// unreadable or oversized body gets the error page; it reports whether to go on.
func (h *Handler) importData(w http.ResponseWriter, r *http.Request) (string, bool) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		if !h.parseForm(w, r) {
			return "", false
		}
		return r.PostForm.Get("csv"), true
	}
	if err := r.ParseMultipartForm(4 << 20); err != nil {
		h.badForm(w, r, err)
		return "", false
	}
	data := r.PostForm.Get("csv")
	if f, _, err := r.FormFile("file"); err == nil {
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, maxImportCSV+1))
		if err != nil {
			h.badForm(w, r, err)
			return "", false
		}
		if len(b) > maxImportCSV {
			h.badForm(w, r, &http.MaxBytesError{Limit: maxImportCSV})
			return "", false
		}
		if len(b) > 0 {
			data = string(b)
		}
	} else if !errors.Is(err, http.ErrMissingFile) {
		h.badForm(w, r, err)
		return "", false
	}
	return data, true
}

// badForm answers a form that could not be read: 413 when it was too large, else 400.
func (h *Handler) badForm(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusBadRequest, "error.bad_form"
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		status, msg = http.StatusRequestEntityTooLarge, "error.too_large"
	}
	p := h.page(r, "error.title", nil)
	p.Error = p.T(msg)
	h.render(w, r, status, "error", p)
}
