package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerWins(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/wins", h.winList)
	r.HandleFunc("GET /coalitions/{id}/wins/new", h.winNew)
	r.HandleFunc("POST /coalitions/{id}/wins", h.winCreate)
	r.HandleFunc("GET /coalitions/{id}/wins/{win_id}/edit", h.winEdit)
	r.HandleFunc("POST /coalitions/{id}/wins/{win_id}/edit", h.winUpdate)
	r.HandleFunc("POST /coalitions/{id}/wins/{win_id}/delete", h.winDelete)
	r.HandleFunc("POST /coalitions/{id}/wins/{win_id}/thanks", h.winThanks)
	h.registerPhases(r)
}

// winListPage is a coalition's wins, newest first, with their credit lines.
type winListPage struct {
	Coalition *domain.Coalition
	Wins      []winView
	CanRecord bool
}

// winView is a win ready to show: each credit with its share of the win, and the
// thanks the coalition sent for it.
type winView struct {
	domain.Win
	Lines  []creditLine
	Thanks []domain.Thanks
}

// creditLine is one organization's credit for a win. Name is empty on public pages for
// an organization that is not listed publicly.
type creditLine struct {
	Name         string
	Contribution string
	Share        float64
}

func newWinView(w domain.Win) winView {
	v := winView{Win: w}
	shares := w.Share()
	for _, c := range w.Credits {
		v.Lines = append(v.Lines, creditLine{Name: c.OrganizationName, Contribution: c.Contribution, Share: shares[c.OrganizationID]})
	}
	return v
}

func (h *Handler) winList(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, u, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	wins, err := h.app.Wins(ctx, u, c.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	thanks, err := h.app.CoalitionThanks(ctx, u, c.ID)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	d := winListPage{Coalition: c, CanRecord: perm.Can(app.RecordWins)}
	for _, win := range wins {
		v := newWinView(win)
		for _, th := range thanks {
			if th.WinID == win.ID {
				v.Thanks = append(v.Thanks, th)
			}
		}
		d.Wins = append(d.Wins, v)
	}
	p := h.page(r, "win.title", d)
	p.Title = p.T("win.title_of", "Coalition", c.Name)
	h.render(w, r, http.StatusOK, "wins", p)
}

func (h *Handler) winNew(w http.ResponseWriter, r *http.Request) {
	h.showWinForm(w, r, nil, http.StatusOK, nil)
}

func (h *Handler) winEdit(w http.ResponseWriter, r *http.Request) {
	win, err := h.app.Win(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("win_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.showWinForm(w, r, win, http.StatusOK, nil)
}

func (h *Handler) winCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	in, verr := winFromForm(r)
	if verr != nil {
		h.showWinForm(w, r, nil, 0, verr)
		return
	}
	win, err := h.app.CreateWin(r.Context(), httpx.User(r.Context()), r.PathValue("id"), in)
	if err != nil {
		h.showWinForm(w, r, nil, 0, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("win.created", "Title", win.Title))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(win.CoalitionID)+"/wins#w-"+win.ID, http.StatusSeeOther)
}

func (h *Handler) winUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, u := r.Context(), httpx.User(r.Context())
	stored, err := h.app.Win(ctx, u, r.PathValue("id"), r.PathValue("win_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	in, verr := winFromForm(r)
	if verr != nil {
		h.showWinForm(w, r, stored, 0, verr)
		return
	}
	in.ID = stored.ID
	win, err := h.app.UpdateWin(ctx, u, stored.CoalitionID, in, postedVersion(r))
	if err != nil {
		if domain.ErrorCode(err) == domain.EPRECONDITION {
			// Show what is saved now, and let a second save knowingly replace it.
			r.PostForm.Set("version", strconv.Itoa(stored.Version))
			err = &domain.Error{Code: domain.EPRECONDITION, Message: h.requestLocalizer(r).T("win.stale")}
		}
		h.showWinForm(w, r, stored, 0, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("win.saved", "Title", win.Title))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(win.CoalitionID)+"/wins#w-"+win.ID, http.StatusSeeOther)
}

// winDelete removes a win recorded by mistake. The form on the edit page names the
// version shown; if someone changed the win since, the edit page comes back with what is
// saved now and the stale message, and nothing is deleted.
func (h *Handler) winDelete(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, u := r.Context(), httpx.User(r.Context())
	stored, err := h.app.Win(ctx, u, r.PathValue("id"), r.PathValue("win_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.app.DeleteWin(ctx, u, stored.CoalitionID, stored.ID, postedVersion(r)); err != nil {
		if domain.ErrorCode(err) == domain.EPRECONDITION {
			err = &domain.Error{Code: domain.EPRECONDITION, Message: h.requestLocalizer(r).T("win.stale")}
			r.PostForm = url.Values{}
			h.showWinForm(w, r, stored, 0, err)
			return
		}
		h.fail(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("win.deleted"))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(stored.CoalitionID)+"/wins", http.StatusSeeOther)
}

// winThanks sends the coalition's thanks to an organization credited with a win. An
// empty message comes back to the wins page as a message (the page has no field to show
// it at: the form is folded under each win).
func (h *Handler) winThanks(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx := r.Context()
	_, err := h.app.SendThanks(ctx, httpx.User(ctx), r.PathValue("id"), r.PathValue("win_id"), r.PostForm.Get("organization_id"), r.PostForm.Get("message"))
	loc := h.requestLocalizer(r)
	switch domain.ErrorCode(err) {
	case "":
		h.flash(r, loc.T("win.thanks_sent"))
	case domain.EINVALID:
		h.flash(r, loc.T("win.thanks_invalid"))
	default:
		h.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/wins#w-"+url.PathEscape(r.PathValue("win_id")), http.StatusSeeOther)
}
