package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
)

// proposalListView is the data of the proposals page.
type proposalListView struct {
	Coalition      *domain.Coalition
	CanPropose     bool
	CanManageVoice bool
	Settings       domain.VoiceSettings
	Open, Drafts   []*domain.Proposal
	Closed         []*domain.Proposal
	// The choices of the settings form.
	StancesByValues, QueueOrders []string
}

// proposalList handles GET /coalitions/{id}/proposals.
func (h *Handler) proposalList(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "proposal.list_title", nil)
	view, err := h.loadProposalList(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data = view
	p.Title = p.T("proposal.list_title_of", "Coalition", view.Coalition.Name)
	h.render(w, r, http.StatusOK, "proposals", p)
}

func (h *Handler) loadProposalList(r *http.Request) (*proposalListView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	v := &proposalListView{Coalition: c, CanPropose: perm.Can(app.Propose), CanManageVoice: perm.Can(app.ManageVoice),
		StancesByValues: domain.StancesByValues, QueueOrders: domain.QueueOrders}
	if v.Settings, err = h.app.Voice(ctx, user, c.ID); err != nil {
		return nil, err
	}
	all, err := h.app.Proposals(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	for _, pr := range all {
		switch pr.Status {
		case domain.ProposalOpen:
			v.Open = append(v.Open, pr)
		case domain.ProposalDraft:
			v.Drafts = append(v.Drafts, pr)
		default:
			v.Closed = append(v.Closed, pr)
		}
	}
	return v, nil
}

// proposalFormView is the data of the draft form, for a new proposal or a draft.
type proposalFormView struct {
	Coalition  *domain.Coalition
	Existing   *domain.Proposal
	Principles []domain.Principle
	Orgs       []domain.Membership // Member organizations the author may propose for.
	Methods    []string
	// Defaults fill the form before it is submitted.
	Title, Body, Method, Quorum, ClosesAt, Options, OrganizationID string
	PrincipleIDs                                                   []string
}

func (h *Handler) loadProposalForm(r *http.Request, existing *domain.Proposal) (*proposalFormView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, _, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	principles, _, err := h.app.Principles(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	mine, err := h.app.MyMemberships(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	v := &proposalFormView{Coalition: c, Existing: existing, Principles: principles, Methods: domain.ProposalMethods,
		Method: "consent", Quorum: "50", ClosesAt: time.Now().UTC().Add(7 * 24 * time.Hour).Format(datetimeLocal)}
	for _, m := range mine {
		if m.Counts() {
			v.Orgs = append(v.Orgs, m)
		}
	}
	if p := existing; p != nil {
		var labels []string
		for _, o := range p.Options {
			labels = append(labels, o.Label)
		}
		v.Title, v.Body, v.Method, v.Options = p.Title, p.Body, p.Method, strings.Join(labels, "\n")
		v.Quorum, v.ClosesAt = trimFloat(p.Quorum*100), p.ClosesAt.UTC().Format(datetimeLocal)
		v.PrincipleIDs, v.OrganizationID = p.PrincipleIDs, p.AuthorOrganizationID
	}
	if r.PostForm != nil {
		v.PrincipleIDs = r.PostForm["principle_ids"]
	}
	return v, nil
}

func trimFloat(f float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.4f", f), "0"), ".")
}

// proposalShowView is the data of a proposal's page.
type proposalShowView struct {
	Coalition  *domain.Coalition
	P          *domain.Proposal
	Author     string
	Cited      []domain.Principle // Principles the proposal draws on.
	Principles []domain.Principle // Every principle, for a block to cite.
	QuorumPct  string
	CanEdit    bool
	CanClose   bool
	Form       *proposalFormView // The draft form, for those who may edit it.
	// Voters are the organizations (or the person) the viewer may speak for; empty when
	// the viewer takes no stance.
	Voters    []voterChoice
	Mine      *domain.Stance // The viewer's current stance (first voter's), to fill the form.
	Ranks     map[string]int // Option id → rank in Mine.
	Stances   []stanceRow
	Outcome   *outcomeView
	Labels    map[string]string // Option id → label.
	RankNums  []int
	Positions []string
}

type voterChoice struct{ OrganizationID, Name string }

// stanceRow is one stance as the page lists it.
type stanceRow struct {
	Voter, Position, Choice, Reason, Principle, Comment string
	Ranking                                             []string
	UpdatedAt                                           time.Time
}

// proposalShow handles GET /coalitions/{id}/proposals/{proposal_id}.
func (h *Handler) proposalShow(w http.ResponseWriter, r *http.Request) {
	p := h.page(r, "proposal.title", nil)
	view, err := h.loadProposal(r, p)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	p.Data, p.Title = view, view.P.Title
	h.render(w, r, http.StatusOK, "proposal_show", p)
}

// proposalShowError shows the proposal again with the error of a form on it.
func (h *Handler) proposalShowError(w http.ResponseWriter, r *http.Request, err error) {
	p := h.page(r, "proposal.title", nil)
	view, verr := h.loadProposal(r, p)
	if verr != nil {
		h.fail(w, r, verr)
		return
	}
	p.Data, p.Title = view, view.P.Title
	if !h.formError(w, r, "proposal_show", p, err) {
		h.fail(w, r, err)
	}
}

func (h *Handler) loadProposal(r *http.Request, page *Page) (*proposalShowView, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	c, perm, err := h.app.Coalition(ctx, user, r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	d, err := h.app.Proposal(ctx, user, c.ID, r.PathValue("proposal_id"))
	if err != nil {
		return nil, err
	}
	principles, _, err := h.app.Principles(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	names, err := h.voterNames(r, c.ID, d.Proposal.StancesBy)
	if err != nil {
		return nil, err
	}
	pr := d.Proposal
	v := &proposalShowView{Coalition: c, P: pr, Principles: principles, QuorumPct: trimFloat(pr.Quorum * 100),
		Labels: map[string]string{}, Ranks: map[string]int{}, Author: names[pr.AuthorOrganizationID], Positions: domain.StancePositions}
	for _, o := range pr.Options {
		v.Labels[o.ID] = o.Label
		v.RankNums = append(v.RankNums, o.Position)
	}
	titles := map[string]string{}
	for _, p := range principles {
		titles[p.ID] = p.Current.Title
		if slices.Contains(pr.PrincipleIDs, p.ID) {
			v.Cited = append(v.Cited, p)
		}
	}
	isAuthor := user != nil && pr.AuthorID == user.ID
	v.CanEdit = pr.Status == domain.ProposalDraft && (perm.Can(app.ManageProposals) || (isAuthor && perm.Can(app.Propose)))
	v.CanClose = pr.Status == domain.ProposalOpen && perm.Can(app.ManageProposals)
	if v.CanEdit {
		if v.Form, err = h.loadProposalForm(r, pr); err != nil {
			return nil, err
		}
	}
	if err := h.fillVoters(r, v, perm, names, d.Stances); err != nil {
		return nil, err
	}
	for _, s := range d.Stances {
		v.Stances = append(v.Stances, v.stanceRow(page, s, names, titles))
	}
	if pr.Outcome != nil {
		v.Outcome = newOutcomeView(page, pr, names, titles)
	}
	return v, nil
}

// fillVoters lists whom the viewer may speak for on an open proposal, and their stance.
func (h *Handler) fillVoters(r *http.Request, v *proposalShowView, perm app.Permission, names map[string]string, stances []domain.Stance) error {
	ctx, user := r.Context(), httpx.User(r.Context())
	if v.P.Status != domain.ProposalOpen || user == nil {
		return nil
	}
	voter := ""
	if v.P.StancesBy == domain.StancesByPerson {
		if perm.Role != "admin" && perm.Role != domain.AccessObserver {
			v.Voters = []voterChoice{{"", user.Name}}
			voter = user.ID
		}
	} else {
		mine, err := h.app.MyMemberships(ctx, user, v.Coalition.ID)
		if err != nil {
			return err
		}
		for _, m := range mine {
			if m.Status == domain.StatusActive && m.Role != domain.RoleObserver {
				v.Voters = append(v.Voters, voterChoice{m.OrganizationID, names[m.OrganizationID]})
			}
		}
		if len(v.Voters) > 0 {
			voter = v.Voters[0].OrganizationID
		}
	}
	for i := range stances {
		if s := &stances[i]; voter != "" && s.VoterID == voter {
			v.Mine = s
			for n, id := range s.Ranking {
				v.Ranks[id] = n + 1
			}
		}
	}
	return nil
}

func (v *proposalShowView) stanceRow(p *Page, s domain.Stance, names, titles map[string]string) stanceRow {
	row := stanceRow{Voter: names[s.VoterID], Reason: s.Reason, Principle: titles[s.PrincipleID], Comment: s.Comment,
		Choice: v.Labels[s.Choice], UpdatedAt: s.UpdatedAt}
	if row.Voter == "" {
		row.Voter = p.T("proposal.unknown_voter")
	}
	if s.Position != "" {
		row.Position = p.T("proposal.position." + s.Position)
	}
	for _, id := range s.Ranking {
		row.Ranking = append(row.Ranking, v.Labels[id])
	}
	return row
}

// voterNames maps organization ids (or, when stances are by person, user ids) to names.
func (h *Handler) voterNames(r *http.Request, coalitionID, stancesBy string) (map[string]string, error) {
	ctx, user := r.Context(), httpx.User(r.Context())
	names := map[string]string{}
	cursor := ""
	for {
		page, err := h.app.Members(ctx, user, coalitionID, cursor, 200)
		if err != nil {
			return nil, err
		}
		for _, m := range page.Items {
			if m.Organization != nil {
				names[m.OrganizationID] = m.Organization.Name
			}
		}
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	if stancesBy == domain.StancesByPerson {
		access, err := h.app.Access(ctx, user, coalitionID)
		if err != nil {
			return nil, err
		}
		for _, a := range access {
			names[a.UserID] = a.UserName
		}
	}
	return names, nil
}
