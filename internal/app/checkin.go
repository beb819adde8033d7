package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/health"
	"github.com/braid-org/braid/internal/store"
)

// CheckInStatus is a check-in as one person sees it in the list.
type CheckInStatus struct {
	domain.CheckIn
	HasAnswered bool `json:"has_answered"`
}

// CheckIns returns a coalition's check-ins, oldest first, with whether the actor answered.
func (a *App) CheckIns(ctx context.Context, actor Actor, coalitionID string) ([]CheckInStatus, Permission, error) {
	var out []CheckInStatus
	var perm Permission
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		if perm, err = authorize(ctx, tx, actor, coalitionID, ViewCoalition); err != nil {
			return err
		}
		cs, err := tx.ListCheckIns(ctx, perm.Coalition.ID)
		if err != nil {
			return err
		}
		for _, c := range cs {
			done, err := tx.HasAnswered(ctx, c.ID, actor.ID)
			if err != nil {
				return err
			}
			out = append(out, CheckInStatus{CheckIn: c, HasAnswered: done})
		}
		return nil
	})
	return out, perm, err
}

// OpenCheckIn opens a check-in with the current instrument.
func (a *App) OpenCheckIn(ctx context.Context, actor Actor, coalitionID, title string) (*domain.CheckIn, error) {
	c := domain.CheckIn{Title: title, Instrument: health.InstrumentVersion}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageCheckIns)
		if err != nil {
			return err
		}
		c.CoalitionID, c.OpenedBy = p.Coalition.ID, actor.ID
		if err := tx.CreateCheckIn(ctx, &c); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "checkin.open", "checkin", c.ID, map[string]any{"title": c.Title, "instrument": c.Instrument})
	})
	return &c, err
}

// CloseCheckIn stops a check-in taking answers; its results can then be shown.
func (a *App) CloseCheckIn(ctx context.Context, actor Actor, coalitionID, id string) (*domain.CheckIn, error) {
	var c *domain.CheckIn
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageCheckIns)
		if err != nil {
			return err
		}
		if c, err = tx.FindCheckIn(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		if !c.Open() {
			return domain.Errorf(domain.ECONFLICT, "This check-in is already closed.")
		}
		if err := tx.CloseCheckIn(ctx, c); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "checkin.close", "checkin", c.ID, map[string]any{"respondents": c.Respondents})
	})
	return c, err
}

// CheckInForm is what a person needs to answer a check-in.
type CheckInForm struct {
	CheckIn     domain.CheckIn `json:"check_in"`
	HasAnswered bool           `json:"has_answered"`
	// AnswerFor lists the member organizations the person represents here; with more
	// than one, the person says which one they answer for (its groups go with the answer).
	AnswerFor []domain.Membership `json:"answer_for"`
	// CanAnswer is false for someone with no role in the coalition (an administrator).
	CanAnswer bool `json:"can_answer"`
}

// CheckIn returns a check-in and the actor's situation towards it.
func (a *App) CheckIn(ctx context.Context, actor Actor, coalitionID, id string) (*CheckInForm, error) {
	var f CheckInForm
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		c, err := tx.FindCheckIn(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		f.CheckIn, f.CanAnswer = *c, p.Role != "admin"
		if f.HasAnswered, err = tx.HasAnswered(ctx, c.ID, actor.ID); err != nil {
			return err
		}
		f.AnswerFor, err = representedMembers(ctx, tx, actor, p.Coalition.ID)
		return err
	})
	return &f, err
}

// Answer is one person's answer to a check-in: a rating from 1 to 5 per statement rated
// (others are "not sure"), and the membership answered for when the person represents
// several member organizations.
type Answer struct {
	MembershipID string         `json:"membership_id"`
	Ratings      map[string]int `json:"ratings"`
}

// AnswerCheckIn stores an answer unlinked from the person (see store.RecordAnswer); only
// "has answered" is kept about them. A second answer is ECONFLICT; ratings outside 1–5
// or of unknown statements are EINVALID; a closed check-in is ECONFLICT. Answering is
// deliberately not written to the audit log, which would attach a time to "has answered".
func (a *App) AnswerCheckIn(ctx context.Context, actor Actor, coalitionID, id string, ans Answer) error {
	if err := checkRatings(ans.Ratings); err != nil {
		return err
	}
	return a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if p.Role == "admin" {
			return domain.Errorf(domain.EFORBIDDEN, "Only people taking part in the coalition answer its check-ins.")
		}
		c, err := tx.FindCheckIn(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		if !c.Open() {
			return domain.Errorf(domain.ECONFLICT, "This check-in is closed.")
		}
		r := domain.CheckInResponse{Ratings: ans.Ratings, BipocLed: domain.NotSaid, MostImpacted: domain.NotSaid}
		if err := answerGroups(ctx, tx, actor, p.Coalition.ID, ans.MembershipID, &r); err != nil {
			return err
		}
		return tx.RecordAnswer(ctx, c.ID, actor.ID, &r)
	})
}

func checkRatings(ratings map[string]int) error {
	problems := health.CheckRatings(ratings)
	if len(problems) == 0 {
		return nil
	}
	e := &domain.Error{Code: domain.EINVALID, Message: "Some ratings cannot be accepted."}
	for _, p := range problems {
		switch p.Reason {
		case "range":
			e.Fields = append(e.Fields, domain.FieldError{Field: "ratings." + p.Statement, Message: "Choose a rating from 1 to 5."})
		case "unknown":
			e.Fields = append(e.Fields, domain.FieldError{Field: "ratings." + p.Statement, Message: "This is not a statement of the check-in."})
		default:
			e.Message = "Rate at least one statement."
			e.Fields = append(e.Fields, domain.FieldError{Field: "ratings", Message: "Rate at least one statement."})
		}
	}
	return e
}

// answerGroups fills the groups of the organization the actor answers for: the one
// named, the only one they represent, or none (groups "not_said").
func answerGroups(ctx context.Context, tx *store.Tx, actor Actor, coalitionID, membershipID string, r *domain.CheckInResponse) error {
	ms, err := representedMembers(ctx, tx, actor, coalitionID)
	if err != nil {
		return err
	}
	var m *domain.Membership
	for i := range ms {
		if ms[i].ID == membershipID || (membershipID == "" && len(ms) == 1) {
			m = &ms[i]
		}
	}
	if m == nil && (membershipID != "" || len(ms) > 1) {
		return &domain.Error{Code: domain.EINVALID, Message: "Say which member organization you answer for.",
			Fields: []domain.FieldError{{Field: "membership_id", Message: "Choose one of the organizations you represent here."}}}
	}
	if m != nil {
		r.BipocLed, r.MostImpacted = m.Organization.BipocLed, "no"
		if m.MostImpacted {
			r.MostImpacted = "yes"
		}
	}
	return nil
}

// representedMembers returns the current memberships of organizations the actor represents.
func representedMembers(ctx context.Context, tx *store.Tx, actor Actor, coalitionID string) ([]domain.Membership, error) {
	orgs, err := tx.ListOrganizationsOfUser(ctx, actor.ID)
	if err != nil {
		return nil, err
	}
	out := []domain.Membership{}
	for _, o := range orgs {
		m, err := tx.FindMembershipOfOrganization(ctx, coalitionID, o.ID)
		if domain.ErrorCode(err) == domain.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if m.Counts() {
			org := o
			m.Organization = &org
			out = append(out, *m)
		}
	}
	return out, nil
}
