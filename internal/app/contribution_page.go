package app

import (
	"context"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// ContributionPage is the contributions page's data: the contributions that match a
// query, the names of the organizations, people and accounts they name, and what the
// page offers the person looking at it: the members to filter by, the organizations
// they may log and confirm contributions for, the people of those organizations, and
// the tasks, meetings and wins a contribution may be linked to.
type ContributionPage struct {
	Contributions []domain.Contribution `json:"contributions"`
	Names         map[string]string     `json:"names"`
	// Members are the coalition's current members, by name.
	Members []domain.Membership `json:"members"`
	// Contributors are the ids of the organizations the actor may log and confirm
	// contributions for: every member for a coordinator, else those it represents.
	Contributors []string `json:"contributors"`
	// CanImport is true for those who may import contributions from CSV.
	CanImport bool                          `json:"can_import"`
	People    []store.PersonWithAffiliation `json:"people"`
	Links     []ContributionLink            `json:"links"`
}

// ContributionLink is a record of the coalition a contribution may point to.
type ContributionLink struct {
	Type  string `json:"type"` // task, meeting or win
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
}

// maxLinkChoices bounds each kind of record offered as a link, newest first.
const maxLinkChoices = 200

// ContributionPage gathers the contributions page in one read.
func (a *App) ContributionPage(ctx context.Context, actor Actor, coalitionID string, q ContributionQuery) (*ContributionPage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	var out ContributionPage
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out.CanImport = p.Can(ManageFunds)
		if err := contributorChoices(ctx, tx, actor, p, &out); err != nil {
			return err
		}
		if out.Links, err = linkChoices(ctx, tx, p.Coalition.ID); err != nil {
			return err
		}
		out.Contributions, err = tx.ListContributions(ctx, p.Coalition.ID, q.filter(), maxListedContributions)
		if err != nil {
			return err
		}
		out.Names, err = contributionNames(ctx, tx, p.Coalition.ID, out.Contributions)
		return err
	})
	return &out, err
}

// contributionNames maps the organizations, people and confirming accounts of
// contributions to their names.
func contributionNames(ctx context.Context, tx *store.Tx, coalitionID string, cs []domain.Contribution) (map[string]string, error) {
	names, err := entryNames(ctx, tx, coalitionID, nil)
	if err != nil {
		return nil, err
	}
	people, err := tx.ListPeopleOfCoalition(ctx, coalitionID)
	if err != nil {
		return nil, err
	}
	for _, p := range people {
		names[p.Person.ID] = p.Name
	}
	for _, c := range cs {
		if _, ok := names[c.ConfirmedBy]; ok || c.ConfirmedBy == "" {
			continue
		}
		if u, err := tx.FindUser(ctx, c.ConfirmedBy); err == nil {
			names[c.ConfirmedBy] = u.Name
		}
	}
	return names, nil
}

// contributorChoices fills the members, the organizations actor may log for, and
// their people.
func contributorChoices(ctx context.Context, tx *store.Tx, actor Actor, p Permission, out *ContributionPage) error {
	ms, err := tx.ListMemberships(ctx, p.Coalition.ID, "", 0)
	if err != nil {
		return err
	}
	coordinates := p.Role == domain.AccessCoordinator || p.Role == "admin"
	for _, m := range ms {
		if !m.Counts() {
			continue
		}
		out.Members = append(out.Members, m)
		if coordinates {
			out.Contributors = append(out.Contributors, m.OrganizationID)
		} else if ok, err := canActForOrganization(ctx, tx, actor, m.OrganizationID); err != nil {
			return err
		} else if ok {
			out.Contributors = append(out.Contributors, m.OrganizationID)
		}
	}
	people, err := tx.ListPeopleOfCoalition(ctx, p.Coalition.ID)
	if err != nil {
		return err
	}
	for _, pa := range people {
		if slices.Contains(out.Contributors, pa.OrganizationID) {
			out.People = append(out.People, pa)
		}
	}
	return nil
}

// linkChoices lists the coalition's tasks, meetings and wins, newest first.
func linkChoices(ctx context.Context, tx *store.Tx, coalitionID string) ([]ContributionLink, error) {
	var out []ContributionLink
	tasks, err := tx.ListTasks(ctx, coalitionID, store.TaskFilter{})
	if err != nil {
		return nil, err
	}
	var part []ContributionLink
	for _, t := range tasks {
		part = append(part, ContributionLink{Type: "task", ID: t.ID, Title: t.Title, Date: t.DueOn})
	}
	out = append(out, newestFirst(part)...)
	meetings, err := tx.ListMeetings(ctx, coalitionID, nil, nil)
	if err != nil {
		return nil, err
	}
	part = nil
	for _, m := range meetings {
		part = append(part, ContributionLink{Type: "meeting", ID: m.ID, Title: m.Title, Date: m.StartsAt.Format(time.DateOnly)})
	}
	out = append(out, newestFirst(part)...)
	wins, err := tx.ListWins(ctx, coalitionID, false)
	if err != nil {
		return nil, err
	}
	part = nil
	for _, w := range wins {
		part = append(part, ContributionLink{Type: "win", ID: w.ID, Title: w.Title, Date: w.Date})
	}
	return append(out, newestFirst(part)...), nil
}

// newestFirst sorts links by date, newest first (undated last), and keeps the first
// maxLinkChoices.
func newestFirst(links []ContributionLink) []ContributionLink {
	slices.SortStableFunc(links, func(a, b ContributionLink) int {
		switch {
		case a.Date == b.Date:
			return 0
		case a.Date == "":
			return 1
		case b.Date == "":
			return -1
		case a.Date > b.Date:
			return -1
		}
		return 1
	})
	return links[:min(len(links), maxLinkChoices)]
}
