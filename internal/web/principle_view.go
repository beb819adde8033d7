package web

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/braid-org/braid/internal/web/i18n"
)

// principlesView is the data of the principles page.
type principlesView struct {
	Coalition  *domain.Coalition
	CanManage  bool
	Principles []principleView
}

// principleView is one principle with its history, who adopted what, and the adoptions
// the viewer may still make.
type principleView struct {
	ID        string
	Current   domain.PrincipleVersion
	Next      int                       // the number a revision will get
	History   []domain.PrincipleVersion // newest first
	Adoptions []adoptionView
	Adopt     []adoptChoice
}

// adoptionView is one member organization's adoption of one version.
type adoptionView struct {
	Organization string
	Version      int
	Current      bool
}

// adoptChoice is a membership the viewer represents, for the current version.
type adoptChoice struct {
	MembershipID string
	Organization string
	Adopted      bool // this membership already adopted the current version
}

// loadPrinciples gathers the page's data through the use cases, which authorize.
func (h *Handler) loadPrinciples(r *http.Request, loc *i18n.Localizer) (*principlesView, error) {
	ctx, user, id := r.Context(), httpx.User(r.Context()), r.PathValue("id")
	c, perm, err := h.app.Coalition(ctx, user, id)
	if err != nil {
		return nil, err
	}
	principles, adoptions, err := h.app.Principles(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	mine, err := h.app.MyMemberships(ctx, user, c.ID)
	if err != nil {
		return nil, err
	}
	names, err := h.membershipNames(r, c.ID)
	if err != nil {
		return nil, err
	}
	view := &principlesView{Coalition: c, CanManage: perm.Can(app.ManagePrinciples)}
	for _, pr := range principles {
		view.Principles = append(view.Principles, newPrincipleView(loc, pr, adoptions, names, mine))
	}
	return view, nil
}

func newPrincipleView(loc *i18n.Localizer, pr domain.Principle, adoptions []domain.Adoption, names map[string]string, mine []domain.Membership) principleView {
	v := principleView{ID: pr.ID, Current: pr.Current, Next: pr.Current.Version + 1, History: slices.Clone(pr.Versions)}
	slices.Reverse(v.History)
	version := map[string]int{} // version id → number, for this principle's versions
	for _, pv := range pr.Versions {
		version[pv.ID] = pv.Version
	}
	adoptedCurrent := map[string]bool{}
	for _, a := range adoptions {
		n, ok := version[a.PrincipleVersionID]
		if !ok {
			continue
		}
		name := names[a.MembershipID]
		if name == "" {
			name = loc.T("principle.unknown_member")
		}
		v.Adoptions = append(v.Adoptions, adoptionView{Organization: name, Version: n, Current: n == pr.Current.Version})
		if a.PrincipleVersionID == pr.Current.ID {
			adoptedCurrent[a.MembershipID] = true
		}
	}
	slices.SortStableFunc(v.Adoptions, func(a, b adoptionView) int {
		return cmp.Or(cmp.Compare(a.Organization, b.Organization), cmp.Compare(a.Version, b.Version))
	})
	for _, m := range mine {
		if !m.Counts() || m.Organization == nil {
			continue
		}
		v.Adopt = append(v.Adopt, adoptChoice{MembershipID: m.ID, Organization: m.Organization.Name, Adopted: adoptedCurrent[m.ID]})
	}
	return v
}

// membershipNames maps every membership of the coalition to its organization's name,
// reading the roster page by page.
func (h *Handler) membershipNames(r *http.Request, coalitionID string) (map[string]string, error) {
	names := map[string]string{}
	cursor := ""
	for {
		page, err := h.app.Members(r.Context(), httpx.User(r.Context()), coalitionID, cursor, 200)
		if err != nil {
			return nil, err
		}
		for _, m := range page.Items {
			if m.Organization != nil {
				names[m.ID] = m.Organization.Name
			}
		}
		if page.NextCursor == "" {
			return names, nil
		}
		cursor = page.NextCursor
	}
}
