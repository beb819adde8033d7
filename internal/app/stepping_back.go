package app

import (
	"context"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// SteppingBackInput is what a representative fills in to step back.
type SteppingBackInput struct {
	// OrganizationID is the member organization stepping back; empty means the only one
	// the actor represents in the coalition.
	OrganizationID string
	Scope          string
	WorkstreamID   string // for the workstream scope: one the organization holds a seat in
	Reason         string
	Note           string
	Until          *time.Time
}

// SteppingBacks lists a coalition's stepping backs, newest first, with organization
// names. Every member of the coalition sees them: stepping back is visible, not hidden.
func (a *App) SteppingBacks(ctx context.Context, actor Actor, coalitionID string) ([]domain.SteppingBack, error) {
	var out []domain.SteppingBack
	err := a.read(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if out, err = tx.ListSteppingBacks(ctx, perm.Coalition.ID); err != nil {
			return err
		}
		for i := range out {
			if o, err := tx.FindOrganization(ctx, out[i].OrganizationID); err == nil {
				out[i].Organization = o.Name
			}
			if id := out[i].WorkstreamID; id != "" {
				if w, err := tx.FindWorkstream(ctx, perm.Coalition.ID, id); err == nil {
					out[i].Workstream = w.Name
				}
			}
		}
		return nil
	})
	return out, err
}

// StepBack records that a member organization steps back. Only its representatives (and
// admins) may; an organization already stepping back from the same thing is ECONFLICT.
func (a *App) StepBack(ctx context.Context, actor Actor, coalitionID string, in SteppingBackInput) (*domain.SteppingBack, error) {
	var s *domain.SteppingBack
	err := a.write(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		org, err := speakingFor(ctx, tx, actor, perm.Coalition.ID, in.OrganizationID)
		if err != nil {
			return err
		}
		if org == "" {
			return domain.Errorf(domain.EFORBIDDEN, "Only a member organization's representatives can step back for it; choose the organization.")
		}
		m, err := tx.FindMembershipOfOrganization(ctx, perm.Coalition.ID, org)
		if err != nil {
			return err
		}
		s = &domain.SteppingBack{CoalitionID: perm.Coalition.ID, MembershipID: m.ID, OrganizationID: org, Scope: in.Scope,
			WorkstreamID: in.WorkstreamID, Reason: in.Reason, Note: in.Note, Until: in.Until, CreatedBy: actor.ID}
		if err := s.Validate(tx.Now); err != nil {
			return err
		}
		if err := holdsSeat(ctx, tx, perm.Coalition.ID, s.WorkstreamID, org); err != nil {
			return err
		}
		current, err := tx.ListSteppingBacks(ctx, perm.Coalition.ID)
		if err != nil {
			return err
		}
		for _, c := range current {
			if c.OrganizationID == org && c.Scope == s.Scope && c.WorkstreamID == s.WorkstreamID && c.Active(tx.Now) {
				return domain.Errorf(domain.ECONFLICT, "This organization is already stepping back from this.")
			}
		}
		if err := tx.CreateSteppingBack(ctx, s); err != nil {
			return err
		}
		return tx.Audit(ctx, s.CoalitionID, actor.ID, "stepping_back.start", "membership", m.ID,
			map[string]any{"scope": s.Scope, "reason": s.Reason, "note": s.Note, "until": s.Until})
	})
	return s, err
}

// ComeBack ends a stepping back: the organization's representatives, coordinators and
// admins may record the return.
func (a *App) ComeBack(ctx context.Context, actor Actor, coalitionID, id string) (*domain.SteppingBack, error) {
	var s *domain.SteppingBack
	err := a.write(ctx, func(tx *store.Tx) error {
		perm, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if s, err = tx.FindSteppingBack(ctx, perm.Coalition.ID, id); err != nil {
			return err
		}
		if !perm.Can(ManageMembers) {
			if ok, err := canActForOrganization(ctx, tx, actor, s.OrganizationID); err != nil {
				return err
			} else if !ok {
				return domain.Errorf(domain.EFORBIDDEN, "Only the organization's representatives or a coordinator can record its return.")
			}
		}
		if err := tx.EndSteppingBack(ctx, perm.Coalition.ID, id, actor.ID); err != nil {
			return err
		}
		s.EndedAt = &tx.Now
		return tx.Audit(ctx, s.CoalitionID, actor.ID, "stepping_back.end", "membership", s.MembershipID, map[string]any{"scope": s.Scope})
	})
	return s, err
}

// holdsSeat checks, for a stepping back from a workstream, that the workstream is the
// coalition's and the organization holds a seat in it ("" needs no check).
func holdsSeat(ctx context.Context, tx *store.Tx, coalitionID, workstreamID, orgID string) error {
	if workstreamID == "" {
		return nil
	}
	w, err := tx.FindWorkstream(ctx, coalitionID, workstreamID)
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return fieldError("workstream_id", "Choose a workstream of this coalition.")
	} else if err != nil {
		return err
	}
	for _, seat := range w.Members {
		if seat.OrganizationID == orgID {
			return nil
		}
	}
	return fieldError("workstream_id", "This organization has no seat in that workstream.")
}
