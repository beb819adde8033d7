package web

import (
	"net/http"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

func (h *Handler) registerPhases(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/phase", h.phaseShow)
	r.HandleFunc("POST /coalitions/{id}/phase", h.phaseMove)
}

// phasePage shows a coalition's phase history and, to coordinators, the form to move on.
type phasePage struct {
	Coalition *domain.Coalition
	// Moves are the phase changes, newest first.
	Moves   []domain.PhaseChange
	CanMove bool
	// Targets are the phases the coalition can move to (all but the current one).
	Targets []string
	Today   string
}

func (h *Handler) phaseShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "phase.title", nil)
	d, err := h.loadPhasePage(r, p.Localizer)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data, p.Title = d, p.T("phase.title_of", "Coalition", d.Coalition.Name)
	h.render(w, r, http.StatusOK, "phase", p)
}

func (h *Handler) loadPhasePage(r *http.Request, _ *i18n.Localizer) (*phasePage, error) {
	ctx, u := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, u, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	moves, err := h.app.PhaseChanges(ctx, u, c.ID)
	if err != nil {
		return nil, err
	}
	d := &phasePage{Coalition: c, CanMove: perm.Can(app.MovePhase), Today: time.Now().UTC().Format(time.DateOnly)}
	for i := len(moves) - 1; i >= 0; i-- {
		d.Moves = append(d.Moves, moves[i])
	}
	for _, ph := range domain.Phases {
		if ph != c.Phase {
			d.Targets = append(d.Targets, ph)
		}
	}
	return d, nil
}

func (h *Handler) phaseMove(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	in := app.PhaseMove{ToPhase: f.Get("to_phase"), On: f.Get("on"), Learned: f.Get("learned"), CarryForward: f.Get("carry_forward")}
	pc, err := h.app.MovePhase(r.Context(), httpx.User(r.Context()), r.PathValue("id"), in)
	p := h.page(r, "phase.title", nil)
	if err == nil {
		h.flash(r, p.T("phase.moved", "Phase", p.T("common.phase."+pc.ToPhase)))
		http.Redirect(w, r, "/coalitions/"+pc.CoalitionID, http.StatusSeeOther)
		return
	}
	d, derr := h.loadPhasePage(r, p.Localizer)
	if derr != nil {
		h.fail(w, r, derr)
		return
	}
	p.Data, p.Title = d, p.T("phase.title_of", "Coalition", d.Coalition.Name)
	if !h.formError(w, r, "phase", p, localizeFields(p.Localizer, err, func(f string) string { return phaseFieldMessages[f] })) {
		h.fail(w, r, err)
	}
}

// phaseFieldMessages are the messages, in the reader's language, for each field of the
// move form that the use case refuses.
var phaseFieldMessages = map[string]string{"to_phase": "phase.error.to_phase", "on": "phase.error.on",
	"learned": "phase.error.learned", "carry_forward": "phase.error.carry_forward"}

// localizeFields replaces the English messages of a use case's field errors with the
// reader's language, for the fields that message names a message id for; the form's
// summary says that some fields need attention.
func localizeFields(loc *i18n.Localizer, err error, message func(field string) string) error {
	fields := domain.ErrorFields(err)
	if len(fields) == 0 {
		return err
	}
	out := &domain.Error{Code: domain.ErrorCode(err), Message: domain.ErrorMessage(err)}
	if out.Code == domain.EINVALID {
		out.Message = loc.T("win.error.form")
	}
	for _, f := range fields {
		if id := message(f.Field); id != "" {
			f.Message = loc.T(id)
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}
