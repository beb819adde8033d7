package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// coalitionForm is the create and edit form of a coalition.
type coalitionForm struct {
	Editing    bool
	Action     string
	Coalition  domain.Coalition
	IssueAreas string
	Phases     []string
	// Saved is the stored coalition, shown next to the form after a stale edit.
	Saved *domain.Coalition
}

func newCoalitionForm(c domain.Coalition, editing bool) coalitionForm {
	f := coalitionForm{Editing: editing, Action: "/coalitions/new", Coalition: c,
		IssueAreas: strings.Join(c.IssueAreas, ", "), Phases: domain.Phases}
	if editing {
		f.Action = "/coalitions/" + c.ID + "/edit"
	}
	return f
}

// coalitionFromForm reads the submitted coalition fields.
func coalitionFromForm(r *http.Request) domain.Coalition {
	f := r.PostForm
	return domain.Coalition{Name: f.Get("name"), Goal: f.Get("goal"), TheoryOfChange: f.Get("theory_of_change"),
		IssueAreas: domain.SplitList(f.Get("issue_areas")), Geography: f.Get("geography"),
		Phase: f.Get("phase"), Public: f.Get("public") != ""}
}

// postedVersion reads the hidden version field of an edit form (0 when missing, which
// never matches a stored version and so reports a stale edit).
func postedVersion(r *http.Request) int {
	v, _ := strconv.Atoi(r.PostForm.Get("version"))
	return v
}

func (h *Handler) coalitionNew(w http.ResponseWriter, r *http.Request) {
	if !h.requireSignIn(w, r) {
		return
	}
	p := h.page(r, "coalition.new_title", newCoalitionForm(domain.Coalition{Phase: domain.Phases[0]}, false))
	h.render(w, r, http.StatusOK, "coalition_form", p)
}

func (h *Handler) coalitionCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx := r.Context()
	in := coalitionFromForm(r)
	c, err := h.app.CreateCoalition(ctx, httpx.User(ctx), in)
	p := h.page(r, "coalition.new_title", newCoalitionForm(in, false))
	if err != nil {
		if !h.formError(w, r, "coalition_form", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.flash(r, p.T("coalition.created", "Name", c.Name))
	http.Redirect(w, r, "/coalitions/"+c.ID, http.StatusSeeOther)
}

func (h *Handler) coalitionEdit(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	perm, err := h.app.Authorize(ctx, httpx.User(ctx), r.PathValue("id"), app.EditCoalition)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p := h.page(r, "coalition.edit_title", newCoalitionForm(*perm.Coalition, true))
	h.render(w, r, http.StatusOK, "coalition_form", p)
}

func (h *Handler) coalitionUpdate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	ctx, u := r.Context(), httpx.User(r.Context())
	in := coalitionFromForm(r)
	// The phase is not edited here: a move takes a retrospective (phase.go).
	in.ID, in.Phase = r.PathValue("id"), ""
	c, err := h.app.UpdateCoalition(ctx, u, in, postedVersion(r))
	if err == nil {
		p := h.page(r, "coalition.edit_title", nil)
		h.flash(r, p.T("coalition.saved"))
		http.Redirect(w, r, "/coalitions/"+c.ID, http.StatusSeeOther)
		return
	}
	f := newCoalitionForm(in, true)
	p := h.page(r, "coalition.edit_title", nil)
	if cur, _, ferr := h.app.Coalition(ctx, u, in.ID); ferr == nil {
		f.Coalition.Phase = cur.Phase
	}
	if domain.ErrorCode(err) == domain.EPRECONDITION {
		// Keep what the person typed, show what is saved now, and let a second save
		// knowingly replace the other change.
		saved, _, ferr := h.app.Coalition(ctx, u, in.ID)
		if ferr != nil {
			h.fail(w, r, ferr)
			return
		}
		f.Saved, f.Action = saved, "/coalitions/"+saved.ID+"/edit"
		r.PostForm.Set("version", strconv.Itoa(saved.Version))
		err = &domain.Error{Code: domain.EPRECONDITION, Message: p.T("coalition.stale")}
	}
	p.Data = f
	if !h.formError(w, r, "coalition_form", p, err) {
		h.fail(w, r, err)
	}
}
