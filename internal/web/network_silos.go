package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/network"
)

func (h *Handler) registerNetworkMore(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/silos", h.silosShow)
	r.HandleFunc("GET /coalitions/{id}/network/changes", h.networkChanges)
	h.registerPowerMap(r)
}

// silosPage is the data of the silo matrix page.
type silosPage struct {
	Coalition *domain.Coalition
	Areas     []string
	Rows      []siloRow
	Emptiest  []network.SiloCell
}

type siloRow struct {
	Area  string
	Cells []siloCellView
}

type siloCellView struct {
	network.SiloCell
	Empty bool // one of the emptiest cells
}

// silosShow handles GET /coalitions/{id}/silos.
func (h *Handler) silosShow(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	e, err := h.app.Ecosystem(ctx, user, app.EcosystemScope{CoalitionIDs: []string{c.ID}})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	m := e.Figures.Silos
	d := &silosPage{Coalition: c, Areas: m.Areas, Emptiest: m.Emptiest}
	empty := map[[2]string]bool{}
	for _, cell := range m.Emptiest {
		empty[[2]string{cell.A, cell.B}], empty[[2]string{cell.B, cell.A}] = true, true
	}
	for i, a := range m.Areas {
		row := siloRow{Area: a}
		for _, cell := range m.Cells[i] {
			row.Cells = append(row.Cells, siloCellView{SiloCell: cell, Empty: empty[[2]string{cell.A, cell.B}]})
		}
		d.Rows = append(d.Rows, row)
	}
	p := h.page(r, "network.silos_title", d)
	p.Title = p.T("network.silos_title_of", "Coalition", c.Name)
	h.render(w, r, http.StatusOK, "silos", p)
}

// changesPage is the data of the "changes since" page.
type changesPage struct {
	Coalition *domain.Coalition
	Changes   *app.EcosystemChanges
}

// networkChanges handles GET /coalitions/{id}/network/changes?since=YYYY-MM-DD (90 days
// back by default).
func (h *Handler) networkChanges(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "network.changes_title", nil)
	p.Title = p.T("network.changes_title_of", "Coalition", c.Name)
	d := &changesPage{Coalition: c}
	p.Data = d
	raw := strings.TrimSpace(r.URL.Query().Get("since"))
	since := time.Now().UTC().AddDate(0, 0, -90).Truncate(24 * time.Hour)
	if raw != "" {
		t, perr := time.Parse(time.DateOnly, raw)
		if perr != nil {
			p.Form["since"] = raw
			p.Errors["since"] = p.T("network.changes_bad_date")
			p.Error = p.T("network.changes_bad_date")
			h.render(w, r, http.StatusUnprocessableEntity, "network_changes", p)
			return
		}
		since = t
	}
	p.Form["since"] = since.Format(time.DateOnly)
	if d.Changes, err = h.app.EcosystemChanges(ctx, user, app.EcosystemScope{CoalitionIDs: []string{c.ID}}, since); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "network_changes", p)
}
