package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerCheckIns(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/check-ins", h.checkInsShow)
	r.HandleFunc("POST /coalitions/{id}/check-ins", h.checkInOpen)
	r.HandleFunc("GET /coalitions/{id}/check-ins/{checkin_id}", h.checkInShow)
	r.HandleFunc("POST /coalitions/{id}/check-ins/{checkin_id}/answers", h.checkInAnswer)
	r.HandleFunc("POST /coalitions/{id}/check-ins/{checkin_id}/close", h.checkInClose)
	r.HandleFunc("GET /coalitions/{id}/check-ins/{checkin_id}/results", h.checkInResultsShow)
	r.HandleFunc("GET /coalitions/{id}/check-ins/{checkin_id}/results.csv", h.checkInResultsCSV)
}

// checkInsShow handles GET /coalitions/{id}/check-ins: the list, trends and, for
// coordinators, the form that opens a check-in.
func (h *Handler) checkInsShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "health.checkins.title", nil)
	if err := h.loadCheckIns(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "checkins", p)
}

// checkInOpen handles POST /coalitions/{id}/check-ins.
func (h *Handler) checkInOpen(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	c, err := h.app.OpenCheckIn(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PostForm.Get("title"))
	if err != nil {
		p := h.page(r, "health.checkins.title", nil)
		if lerr := h.loadCheckIns(r, p); lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		if !h.formError(w, r, "checkins", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.flash(r, h.requestLocalizer(r).T("health.checkins.opened", "Title", c.Title))
	http.Redirect(w, r, checkInURL(r.PathValue("id"), c.ID, ""), http.StatusSeeOther)
}

// checkInShow handles GET /coalitions/{id}/check-ins/{checkin_id}: the statements to
// rate, or where the check-in stands for someone who answered.
func (h *Handler) checkInShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "health.checkin.title", nil)
	if err := h.loadCheckInForm(r, p); err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "checkin", p)
}

// checkInAnswer handles POST /coalitions/{id}/check-ins/{checkin_id}/answers. Each
// statement's radio group is named "r.<statement>"; an empty value is "not sure".
func (h *Handler) checkInAnswer(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ans := app.Answer{MembershipID: r.PostForm.Get("membership_id"), Ratings: map[string]int{}}
	for key, vs := range r.PostForm {
		statement, ok := strings.CutPrefix(key, "r.")
		if !ok || len(vs) == 0 || vs[0] == "" {
			continue
		}
		n, err := strconv.Atoi(vs[0])
		if err != nil {
			n = -1 // refused below as out of range, with the statement named
		}
		ans.Ratings[statement] = n
	}
	err := h.app.AnswerCheckIn(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("checkin_id"), ans)
	if err != nil {
		p := h.page(r, "health.checkin.title", nil)
		if lerr := h.loadCheckInForm(r, p); lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		if domain.ErrorCode(err) == domain.ECONFLICT {
			err = &domain.Error{Code: domain.ECONFLICT, Message: p.T("health.checkin.error.conflict")}
		} else if domain.ErrorCode(err) == domain.EINVALID {
			err = localizeRatingErrors(p, err)
		}
		if !h.formError(w, r, "checkin", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.flash(r, h.requestLocalizer(r).T("health.checkin.thanks"))
	http.Redirect(w, r, checkInURL(r.PathValue("id"), r.PathValue("checkin_id"), ""), http.StatusSeeOther)
}

// localizeRatingErrors puts the rating errors in the reader's language.
func localizeRatingErrors(p *Page, err error) error {
	e := &domain.Error{Code: domain.EINVALID, Message: p.T("health.checkin.error.invalid")}
	for _, f := range domain.ErrorFields(err) {
		msg := p.T("health.checkin.error.range")
		switch {
		case f.Field == "ratings":
			msg = p.T("health.checkin.error.empty")
			e.Message = msg
		case f.Field == "membership_id":
			msg = p.T("health.checkin.error.answer_for")
		}
		e.Fields = append(e.Fields, domain.FieldError{Field: f.Field, Message: msg})
	}
	return e
}

// checkInClose handles POST /coalitions/{id}/check-ins/{checkin_id}/close.
func (h *Handler) checkInClose(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	c, err := h.app.CloseCheckIn(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("checkin_id"))
	if err != nil {
		if domain.ErrorCode(err) != domain.ECONFLICT && domain.ErrorCode(err) != domain.EFORBIDDEN {
			h.fail(w, r, err)
			return
		}
		p := h.page(r, "health.checkin.title", nil)
		if lerr := h.loadCheckInForm(r, p); lerr != nil {
			h.fail(w, r, lerr)
			return
		}
		p.Error = domain.ErrorMessage(err)
		h.render(w, r, httpx.Status(domain.ErrorCode(err)), "checkin", p)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("health.checkin.closed_flash", "Title", c.Title))
	http.Redirect(w, r, checkInURL(r.PathValue("id"), c.ID, "/results"), http.StatusSeeOther)
}

// checkInResultsShow handles GET /coalitions/{id}/check-ins/{checkin_id}/results.
func (h *Handler) checkInResultsShow(w http.ResponseWriter, r *http.Request) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := h.app.CheckInResults(ctx, user, c.ID, r.PathValue("checkin_id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "health.results.title", nil)
	p.Title = p.T("health.results.title_of", "Title", res.CheckIn.Title)
	p.Data = newResultsView(p.Localizer, c, res)
	h.render(w, r, http.StatusOK, "checkin_results", p)
}

func checkInURL(coalitionID, checkInID, suffix string) string {
	return "/coalitions/" + url.PathEscape(coalitionID) + "/check-ins/" + url.PathEscape(checkInID) + suffix
}
