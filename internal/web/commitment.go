package web

import (
	"net/http"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

func (h *Handler) registerCommitments(r *httpx.Router) {
	r.HandleFunc("GET /coalitions/{id}/commitments", h.commitmentsShow)
	r.HandleFunc("POST /coalitions/{id}/commitments", h.commitmentCreate)
	r.HandleFunc("POST /coalitions/{id}/commitments/{commitment_id}/records", h.commitmentRecord)
}

// commitmentsView groups commitments by member organization, in name order, with
// tallies in plain counts: no ranking and no colour for periods not kept.
type commitmentsView struct {
	*workBase
	CanManage   bool
	Members     []memberCommitments
	Memberships []option // membership id → organization name, for the form
}

type memberCommitments struct {
	Name        string
	Commitments []commitmentRow
	Total       app.CommitmentTally
}

type commitmentRow struct {
	domain.Commitment
	Tally app.CommitmentTally
}

func (h *Handler) loadCommitments(r *http.Request) (any, string, error) {
	b, err := h.loadWorkBase(r)
	if err != nil {
		return nil, "", err
	}
	ctx, user := r.Context(), httpx.User(r.Context())
	_, perm, err := h.app.Coalition(ctx, user, b.Coalition.ID)
	if err != nil {
		return nil, "", err
	}
	list, err := h.app.Commitments(ctx, user, b.Coalition.ID)
	if err != nil {
		return nil, "", err
	}
	page, err := h.app.Members(ctx, user, b.Coalition.ID, "", 200)
	if err != nil {
		return nil, "", err
	}
	v := &commitmentsView{workBase: b, CanManage: perm.Can(app.ManageCommitments)}
	byMembership := map[string]*memberCommitments{}
	var order []string
	for _, m := range page.Items {
		if m.Organization == nil {
			continue
		}
		if m.Counts() {
			v.Memberships = append(v.Memberships, option{m.ID, m.Organization.Name})
		}
		byMembership[m.ID] = &memberCommitments{Name: m.Organization.Name}
		order = append(order, m.ID)
	}
	for _, c := range list {
		mc := byMembership[c.MembershipID]
		if mc == nil {
			continue
		}
		t := app.Tally(c)
		mc.Commitments = append(mc.Commitments, commitmentRow{Commitment: c, Tally: t})
		mc.Total.Kept += t.Kept
		mc.Total.Recorded += t.Recorded
	}
	for _, id := range order {
		if mc := byMembership[id]; len(mc.Commitments) > 0 {
			v.Members = append(v.Members, *mc)
		}
	}
	return v, "", nil
}

func (h *Handler) commitmentsShow(w http.ResponseWriter, r *http.Request) {
	h.showWorkPage(w, r, "commitments", "work.commitments.title", h.loadCommitments)
}

func (h *Handler) commitmentsError(w http.ResponseWriter, r *http.Request, err error) {
	h.workFormError(w, r, "commitments", "work.commitments.title", h.loadCommitments, err)
}

// commitmentCreate handles POST /coalitions/{id}/commitments.
func (h *Handler) commitmentCreate(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	c, err := h.app.CreateCommitment(r.Context(), httpx.User(r.Context()), r.PathValue("id"),
		app.CommitmentInput{MembershipID: f.Get("membership_id"), Text: f.Get("text"), AgreedOn: f.Get("agreed_on")})
	if err != nil {
		h.commitmentsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.commitments.created"))
	http.Redirect(w, r, coalitionPath(r, "/commitments#c-"+c.ID), http.StatusSeeOther)
}

// commitmentRecord handles POST /coalitions/{id}/commitments/{commitment_id}/records.
func (h *Handler) commitmentRecord(w http.ResponseWriter, r *http.Request) {
	if !h.parseForm(w, r) {
		return
	}
	f := r.PostForm
	id := r.PathValue("commitment_id")
	_, err := h.app.RecordCommitment(r.Context(), httpx.User(r.Context()), r.PathValue("id"), id, app.CommitmentRecordInput{
		PeriodStart: f.Get("period_start"), PeriodEnd: f.Get("period_end"), Kept: f.Get("kept") == "yes", Note: f.Get("note")})
	if err != nil {
		h.commitmentsError(w, r, err)
		return
	}
	h.flash(r, h.requestLocalizer(r).T("work.commitments.recorded"))
	http.Redirect(w, r, coalitionPath(r, "/commitments#c-"+id), http.StatusSeeOther)
}
