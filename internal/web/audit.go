package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerAudit(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/audit", h.auditLog)
}

// auditPageSize is how many entries one page of the log shows.
const auditPageSize = 50

// auditPage is one page of a coalition's audit log, newest first.
type auditPage struct {
	Coalition *domain.Coalition
	Entries   []auditRow
	// Older is the cursor for the next page (0 when this is the last one).
	Older int64
	Paged bool
}

type auditRow struct {
	At      time.Time
	Who     string
	Action  string
	Subject string
	Changes []auditChange
}

func (h *Handler) auditLog(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	before, _ := strconv.ParseInt(r.URL.Query().Get("before"), 10, 64)
	entries, err := h.app.AuditLog(ctx, u, c.ID, before, auditPageSize)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "audit.title", nil)
	p.Title = p.T("audit.title_of", "Coalition", c.Name)
	d := auditPage{Coalition: c, Paged: before > 0}
	for _, e := range entries {
		d.Entries = append(d.Entries, auditRowView(p.Localizer, e))
	}
	if len(entries) == auditPageSize {
		d.Older = entries[len(entries)-1].ID
	}
	p.Data = d
	h.render(w, r, http.StatusOK, "audit", p)
}

func auditRowView(loc *i18n.Localizer, e domain.AuditEntry) auditRow {
	row := auditRow{At: e.At, Who: e.ActorName, Changes: auditChanges(loc, e.Action, e.Changes)}
	if row.Who == "" {
		row.Who = loc.T("audit.system")
	}
	row.Action = translatedOr(loc, "audit.action."+e.Action, e.Action)
	row.Subject = translatedOr(loc, "audit.subject."+e.SubjectType, e.SubjectType)
	return row
}
