package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerProposals(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/proposals", h.proposalList)
	r.HandleFunc("GET /coalitions/{id}/proposals/new", h.proposalNew)
	r.HandleFunc("POST /coalitions/{id}/proposals", h.proposalCreate)
	r.HandleFunc("GET /coalitions/{id}/proposals/{proposal_id}", h.proposalShow)
	r.HandleFunc("POST /coalitions/{id}/proposals/{proposal_id}/edit", h.proposalEdit)
	r.HandleFunc("POST /coalitions/{id}/proposals/{proposal_id}/open", h.proposalOpen)
	r.HandleFunc("POST /coalitions/{id}/proposals/{proposal_id}/close", h.proposalClose)
	r.HandleFunc("POST /coalitions/{id}/proposals/{proposal_id}/stance", h.proposalStance)
	r.HandleFunc("POST /coalitions/{id}/voice-settings", h.voiceSettings)
}

// datetimeLocal is the layout of <input type="datetime-local">; Braid reads it as UTC.
const datetimeLocal = "2006-01-02T15:04"

// proposalInput reads the draft form. A quorum is typed as a percentage.
func proposalInput(r *http.Request) (app.ProposalInput, []domain.FieldError) {
	f := r.PostForm
	in := app.ProposalInput{Title: f.Get("title"), Body: f.Get("body"), Method: f.Get("method"),
		PrincipleIDs: f["principle_ids"], OrganizationID: f.Get("organization_id"), Open: f.Get("open") != ""}
	var bad []domain.FieldError
	if pct, err := strconv.ParseFloat(strings.TrimSpace(f.Get("quorum")), 64); err == nil {
		in.Quorum = pct / 100
	} else {
		bad = append(bad, domain.FieldError{Field: "quorum", Message: "Type a percentage between 1 and 100."})
	}
	if t, err := time.Parse(datetimeLocal, strings.TrimSpace(f.Get("closes_at"))); err == nil {
		in.ClosesAt = t
	} else {
		bad = append(bad, domain.FieldError{Field: "closes_at", Message: "Choose a date and time."})
	}
	for _, line := range strings.Split(f.Get("options"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			in.Options = append(in.Options, line)
		}
	}
	return in, bad
}

// proposalNew handles GET /coalitions/{id}/proposals/new.
func (h *Handler) proposalNew(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "proposal.new_title", nil)
	if _, err := h.app.Authorize(r.Context(), httpx.User(r.Context()), r.PathValue("id"), app.Propose); err != nil {
		h.fail(w, r, err)
		return
	}
	view, err := h.loadProposalForm(r, nil)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	h.render(w, r, http.StatusOK, "proposal_form", p)
}

// proposalCreate handles POST /coalitions/{id}/proposals.
func (h *Handler) proposalCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	in, bad := proposalInput(r)
	var err error
	var pr *domain.Proposal
	if len(bad) > 0 {
		err = &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.", Fields: bad}
	} else {
		pr, err = h.app.CreateProposal(r.Context(), httpx.User(r.Context()), r.PathValue("id"), in)
	}
	if err != nil {
		h.proposalFormError(w, r, nil, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("proposal.created", "Title", pr.Title))
	h.toProposal(w, r, pr.ID, "")
}

// proposalEdit handles POST /coalitions/{id}/proposals/{proposal_id}/edit.
func (h *Handler) proposalEdit(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	in, bad := proposalInput(r)
	version, _ := strconv.Atoi(r.PostForm.Get("version"))
	var err error
	if len(bad) > 0 {
		err = &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.", Fields: bad}
	} else {
		_, err = h.app.UpdateProposal(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("proposal_id"), in, version)
	}
	if err != nil {
		d, derr := h.app.Proposal(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("proposal_id"))
		if derr != nil {
			h.fail(w, r, derr)
			return
		}
		h.proposalFormError(w, r, d.Proposal, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("proposal.saved"))
	h.toProposal(w, r, r.PathValue("proposal_id"), "")
}

// proposalFormError shows the draft form again with what was typed and what is wrong.
func (h *Handler) proposalFormError(w http.ResponseWriter, r *http.Request, existing *domain.Proposal, err error) {
	p := h.page(r, "proposal.new_title", nil)
	view, verr := h.loadProposalForm(r, existing)
	if verr != nil {
		h.fail(w, r, verr)
		return
	}
	p.Data = view
	if !h.formError(w, r, "proposal_form", p, err) {
		h.fail(w, r, err)
	}
}

// proposalOpen handles POST /coalitions/{id}/proposals/{proposal_id}/open.
func (h *Handler) proposalOpen(w http.ResponseWriter, r *http.Request) {
	_, err := h.app.OpenProposal(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("proposal_id"))
	h.afterProposalAction(w, r, err, "proposal.opened")
}

// proposalClose handles POST /coalitions/{id}/proposals/{proposal_id}/close.
func (h *Handler) proposalClose(w http.ResponseWriter, r *http.Request) {
	_, err := h.app.CloseProposal(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("proposal_id"))
	h.afterProposalAction(w, r, err, "proposal.closed_now")
}

// proposalStance handles POST /coalitions/{id}/proposals/{proposal_id}/stance.
func (h *Handler) proposalStance(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	in := app.StanceInput{OrganizationID: f.Get("organization_id"), Position: f.Get("position"), Choice: f.Get("choice"),
		Reason: f.Get("reason"), PrincipleID: f.Get("principle_id"), Comment: f.Get("comment")}
	var err error
	in.Ranking, err = rankingFromForm(f)
	if err == nil {
		_, err = h.app.TakeStance(r.Context(), httpx.User(r.Context()), r.PathValue("id"), r.PathValue("proposal_id"), in)
	}
	if err != nil {
		h.proposalShowError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("proposal.stance_saved"))
	h.toProposal(w, r, r.PathValue("proposal_id"), "stance")
}

// rankingFromForm reads a ranked ballot typed as one rank number per option
// (rank_<option id>); an empty rank leaves the option out. Two options with the same
// rank are the form's way of repeating an option, and are refused.
func rankingFromForm(f url.Values) ([]string, error) {
	byRank := map[int]string{}
	for key, vs := range f {
		id, ok := strings.CutPrefix(key, "rank_")
		if !ok || len(vs) == 0 || strings.TrimSpace(vs[0]) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(vs[0]))
		if err != nil || n < 1 || n > domain.MaxOptions {
			return nil, rankErr("Use the numbers 1, 2, 3… for the options you rank.")
		}
		if _, dup := byRank[n]; dup {
			return nil, rankErr("Give each rank to one option only.")
		}
		byRank[n] = id
	}
	var ranking []string
	for n := 1; n <= domain.MaxOptions; n++ {
		if id, ok := byRank[n]; ok {
			ranking = append(ranking, id)
		}
	}
	return ranking, nil
}

func rankErr(msg string) error {
	return &domain.Error{Code: domain.EINVALID, Message: "This stance cannot be taken as it is.", Fields: []domain.FieldError{{Field: "ranking", Message: msg}}}
}

// afterProposalAction returns to the proposal with a message, or shows it with the error.
func (h *Handler) afterProposalAction(w http.ResponseWriter, r *http.Request, err error, done string) {
	if err != nil {
		h.proposalShowError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T(done))
	h.toProposal(w, r, r.PathValue("proposal_id"), "")
}

// voiceSettings handles POST /coalitions/{id}/voice-settings.
func (h *Handler) voiceSettings(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	_, err := h.app.SetVoice(r.Context(), httpx.User(r.Context()), r.PathValue("id"),
		domain.VoiceSettings{StancesBy: r.PostForm.Get("stances_by"), QueueOrder: r.PostForm.Get("queue_order")})
	if err != nil {
		p := h.page(r, "proposal.list_title", nil)
		view, verr := h.loadProposalList(r)
		if verr != nil {
			h.fail(w, r, verr)
			return
		}
		p.Data = view
		if !h.formError(w, r, "proposals", p, err) {
			h.fail(w, r, err)
		}
		return
	}
	h.flash(r, h.requestLocalizer(r).T("proposal.settings_saved"))
	http.Redirect(w, r, "/coalitions/"+url.PathEscape(r.PathValue("id"))+"/proposals", http.StatusSeeOther)
}

func (h *Handler) toProposal(w http.ResponseWriter, r *http.Request, id, anchor string) {
	target := "/coalitions/" + url.PathEscape(r.PathValue("id")) + "/proposals/" + url.PathEscape(id)
	if anchor != "" {
		target += "#" + anchor
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
