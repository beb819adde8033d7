package app

import (
	"context"
	"strings"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// ContributionInput is work a member organization logs.
type ContributionInput struct {
	OrganizationID string `json:"organization_id"`
	PersonID       string `json:"person_id"`
	Day            string `json:"date"`
	Minutes        int64  `json:"minutes"`
	Kind           string `json:"kind"`
	Description    string `json:"description"`
	LinkType       string `json:"link_type"`
	LinkID         string `json:"link_id"`
}

// contributionLinkTypes are the records a contribution may point to: a task, meeting or
// win of the same coalition (checkLink).
var contributionLinkTypes = []string{"", "task", "meeting", "win"}

// validate checks a contribution's fields on their own.
func (in *ContributionInput) validate(now time.Time) error {
	var v domain.Validation
	in.Description = strings.TrimSpace(in.Description)
	in.Day = strings.TrimSpace(in.Day)
	in.LinkType, in.LinkID = strings.TrimSpace(in.LinkType), strings.TrimSpace(in.LinkID)
	day, err := time.Parse(time.DateOnly, in.Day)
	switch {
	case err != nil:
		v.Add("date", "Enter the date as YYYY-MM-DD.")
	case day.After(now.AddDate(0, 0, 1)):
		v.Add("date", "A contribution cannot be in the future.")
	}
	if in.Minutes <= 0 || in.Minutes > 24*60*366 {
		v.Add("minutes", "Enter the time given, more than 0.")
	}
	if !domain.OneOf(in.Kind, domain.ContributionKinds) {
		v.Add("kind", "Choose one of the listed kinds of contribution.")
	}
	domain.CheckText(&v, "description", in.Description, 0, domain.MaxShort)
	if !domain.OneOf(in.LinkType, contributionLinkTypes) || (in.LinkType == "") != (in.LinkID == "") {
		v.Add("link_id", "A link names a task, meeting or win, and its id.")
	}
	return v.Err()
}

// LogContribution records a contribution. The actor must represent the organization,
// or be a coordinator. It starts unconfirmed; only confirmed time counts in rounds and
// in the equity report.
func (a *App) LogContribution(ctx context.Context, actor Actor, coalitionID string, in ContributionInput) (*domain.Contribution, error) {
	if err := in.validate(time.Now()); err != nil {
		return nil, err
	}
	var c domain.Contribution
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if err := checkContributor(ctx, tx, actor, p, in.OrganizationID); err != nil {
			return err
		}
		if err := checkPerson(ctx, tx, "person_id", in.PersonID, in.OrganizationID); err != nil {
			return err
		}
		if err := checkLink(ctx, tx, p.Coalition.ID, in.LinkType, in.LinkID); err != nil {
			return err
		}
		c = domain.Contribution{CoalitionID: p.Coalition.ID, OrganizationID: in.OrganizationID, PersonID: in.PersonID, Day: in.Day,
			Minutes: in.Minutes, Kind: in.Kind, Description: in.Description, LinkType: in.LinkType, LinkID: in.LinkID, CreatedBy: actor.ID}
		if err := tx.CreateContribution(ctx, &c); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "contribution.create", "contribution", c.ID, map[string]any{
			"organization_id": c.OrganizationID, "date": c.Day, "minutes": c.Minutes, "kind": c.Kind})
	})
	return &c, err
}

// checkLink returns a field error unless the link is empty or names a task, meeting
// or win of the coalition; another coalition's record reads as one that does not exist.
func checkLink(ctx context.Context, tx *store.Tx, coalitionID, linkType, linkID string) error {
	var err error
	switch linkType {
	case "":
		return nil
	case "task":
		_, err = tx.FindTask(ctx, coalitionID, linkID)
	case "meeting":
		_, err = tx.FindMeeting(ctx, coalitionID, linkID)
	case "win":
		_, err = tx.FindWin(ctx, coalitionID, linkID)
	default:
		return fieldError("link_id", "A link names a task, meeting or win, and its id.")
	}
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return fieldError("link_id", "There is no such "+linkType+" in this coalition.")
	}
	return err
}

// checkContributor requires the organization to be a current member, and the actor to
// represent it or to coordinate the coalition.
func checkContributor(ctx context.Context, tx *store.Tx, actor Actor, p Permission, orgID string) error {
	m, err := tx.FindMembershipOfOrganization(ctx, p.Coalition.ID, orgID)
	if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && !m.Counts()) {
		return moneyFieldError("organization_id", "Choose a member organization of the coalition.")
	} else if err != nil {
		return err
	}
	if p.Role == domain.AccessCoordinator || p.Role == "admin" {
		return nil
	}
	if ok, err := canActForOrganization(ctx, tx, actor, orgID); err != nil {
		return err
	} else if !ok {
		return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives and coordinators can log or confirm its contributions.")
	}
	return nil
}

// ConfirmContribution confirms a contribution: a coordinator or a representative of the
// contributing organization may. Confirming twice is ECONFLICT.
func (a *App) ConfirmContribution(ctx context.Context, actor Actor, coalitionID, contributionID string) (*domain.Contribution, error) {
	var c *domain.Contribution
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if c, err = tx.FindContribution(ctx, p.Coalition.ID, contributionID); err != nil {
			return err
		}
		if err := checkContributor(ctx, tx, actor, p, c.OrganizationID); err != nil {
			return err
		}
		if err := tx.ConfirmContribution(ctx, c, actor.ID); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "contribution.confirm", "contribution", c.ID, map[string]any{
			"organization_id": c.OrganizationID, "minutes": c.Minutes})
	})
	return c, err
}

// ContributionQuery narrows the list of contributions: an organization, a period of
// days (YYYY-MM-DD, inclusive) and whether confirmed ("yes", "no" or "" for both).
// LinkType and LinkID keep the contributions linked to one task, meeting or win: who
// contributed to it.
type ContributionQuery struct {
	OrganizationID string `json:"organization_id"`
	From           string `json:"from"`
	To             string `json:"to"`
	Confirmed      string `json:"confirmed"`
	LinkType       string `json:"link_type"`
	LinkID         string `json:"link_id"`
}

// Validate checks the query's dates and confirmed flag.
func (q ContributionQuery) Validate() error {
	var v domain.Validation
	for _, d := range []struct{ field, day string }{{"from", q.From}, {"to", q.To}} {
		if _, err := time.Parse(time.DateOnly, d.day); d.day != "" && err != nil {
			v.Add(d.field, "Enter the date as YYYY-MM-DD.")
		}
	}
	if !domain.OneOf(q.Confirmed, []string{"", "yes", "no"}) {
		v.Add("confirmed", "Choose yes, no or leave it empty.")
	}
	if !domain.OneOf(q.LinkType, contributionLinkTypes) || (q.LinkType == "") != (q.LinkID == "") {
		v.Add("link_id", "A link names a task, meeting or win, and its id.")
	}
	return v.Err()
}

func (q ContributionQuery) filter() store.ContributionFilter {
	return store.ContributionFilter{OrganizationID: q.OrganizationID, From: q.From, To: q.To, Confirmed: q.Confirmed,
		LinkType: q.LinkType, LinkID: q.LinkID}
}

// maxListedContributions bounds one list of contributions.
const maxListedContributions = 500

// Contributions returns the coalition's latest contributions that match q (at most
// 500), newest first.
func (a *App) Contributions(ctx context.Context, actor Actor, coalitionID string, q ContributionQuery) ([]domain.Contribution, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	var out []domain.Contribution
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListContributions(ctx, p.Coalition.ID, q.filter(), maxListedContributions)
		return err
	})
	return out, err
}
