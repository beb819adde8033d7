package app

import (
	"context"
	"strings"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// WorkstreamText is the name and description of a workstream.
type WorkstreamText struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Seat is an organization's place in a workstream, optionally naming one of its people.
type Seat struct {
	OrganizationID string `json:"organization_id"`
	PersonID       string `json:"person_id"`
	Role           string `json:"role"`
}

// Workstreams returns a coalition's workstreams with their seats.
func (a *App) Workstreams(ctx context.Context, actor Actor, coalitionID string) ([]domain.Workstream, error) {
	var out []domain.Workstream
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListWorkstreams(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// Workstream returns one workstream of a coalition with its seats.
func (a *App) Workstream(ctx context.Context, actor Actor, coalitionID, id string) (*domain.Workstream, error) {
	var w *domain.Workstream
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		w, err = tx.FindWorkstream(ctx, p.Coalition.ID, id)
		return err
	})
	return w, err
}

// CreateWorkstream defines a workstream (ECONFLICT for a name the coalition already uses).
func (a *App) CreateWorkstream(ctx context.Context, actor Actor, coalitionID string, text WorkstreamText) (*domain.Workstream, error) {
	w := domain.Workstream{Name: text.Name, Description: text.Description, Members: []domain.WorkstreamMember{}}
	if err := w.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageWorkstreams)
		if err != nil {
			return err
		}
		w.CoalitionID = p.Coalition.ID
		if err := tx.CreateWorkstream(ctx, &w); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "workstream.create", "workstream", w.ID, map[string]any{"name": w.Name, "description": w.Description})
	})
	return &w, err
}

// UpdateWorkstream renames or redescribes a workstream still at expectVersion.
func (a *App) UpdateWorkstream(ctx context.Context, actor Actor, coalitionID, id string, text WorkstreamText, expectVersion int) (*domain.Workstream, error) {
	w := domain.Workstream{ID: id, Name: text.Name, Description: text.Description}
	if err := w.Validate(); err != nil {
		return nil, err
	}
	var out *domain.Workstream
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageWorkstreams)
		if err != nil {
			return err
		}
		before, err := tx.FindWorkstream(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		w.CoalitionID = p.Coalition.ID
		if err := tx.UpdateWorkstream(ctx, &w, expectVersion); err != nil {
			return err
		}
		if out, err = tx.FindWorkstream(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "workstream.update", "workstream", id, diff(
			map[string]any{"name": before.Name, "description": before.Description},
			map[string]any{"name": w.Name, "description": w.Description}))
	})
	return out, err
}

// AddSeat gives a member organization (optionally one of its people) a role in a
// workstream. The organization must be a current member of the coalition and the person
// affiliated with it; the same seat twice is ECONFLICT.
func (a *App) AddSeat(ctx context.Context, actor Actor, coalitionID, workstreamID string, s Seat) (*domain.WorkstreamMember, error) {
	s.OrganizationID, s.PersonID = strings.TrimSpace(s.OrganizationID), strings.TrimSpace(s.PersonID)
	if !domain.OneOf(s.Role, domain.WorkstreamRoles) {
		return nil, fieldError("role", "Choose lead, co_lead or member.")
	}
	var m domain.WorkstreamMember
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageWorkstreams)
		if err != nil {
			return err
		}
		w, err := tx.FindWorkstream(ctx, p.Coalition.ID, workstreamID)
		if err != nil {
			return err
		}
		if err := checkMemberOrg(ctx, tx, p.Coalition.ID, "organization_id", s.OrganizationID); err != nil {
			return err
		}
		if err := checkPerson(ctx, tx, "person_id", s.PersonID, s.OrganizationID); err != nil {
			return err
		}
		m = domain.WorkstreamMember{WorkstreamID: w.ID, OrganizationID: s.OrganizationID, PersonID: s.PersonID, Role: s.Role}
		if err := tx.AddWorkstreamMember(ctx, &m); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "workstream.seat_add", "workstream", w.ID,
			map[string]any{"organization_id": m.OrganizationID, "person_id": m.PersonID, "role": m.Role})
	})
	return &m, err
}

// RemoveSeat removes a seat from a workstream.
func (a *App) RemoveSeat(ctx context.Context, actor Actor, coalitionID, workstreamID, seatID string) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageWorkstreams)
		if err != nil {
			return err
		}
		w, err := tx.FindWorkstream(ctx, p.Coalition.ID, workstreamID)
		if err != nil {
			return err
		}
		var seat *domain.WorkstreamMember
		for i := range w.Members {
			if w.Members[i].ID == seatID {
				seat = &w.Members[i]
			}
		}
		if seat == nil {
			return domain.NotFound("Workstream member")
		}
		if err := tx.RemoveWorkstreamMember(ctx, w.ID, seatID); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "workstream.seat_remove", "workstream", w.ID,
			map[string]any{"organization_id": seat.OrganizationID, "person_id": seat.PersonID, "role": seat.Role})
	})
}

// fieldError is an EINVALID error about one field.
func fieldError(field, message string) error {
	return &domain.Error{Code: domain.EINVALID, Message: "Some fields need attention.", Fields: []domain.FieldError{{Field: field, Message: message}}}
}

// checkMemberOrg returns a field error unless orgID is a current (not left) member of
// the coalition.
func checkMemberOrg(ctx context.Context, tx *store.Tx, coalitionID, field, orgID string) error {
	if orgID == "" {
		return fieldError(field, "Choose a member organization.")
	}
	m, err := tx.FindMembershipOfOrganization(ctx, coalitionID, orgID)
	if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && !m.Counts()) {
		return fieldError(field, "This organization is not a member of the coalition.")
	}
	return err
}

// checkPerson returns a field error unless personID is "" or affiliated with orgID.
func checkPerson(ctx context.Context, tx *store.Tx, field, personID, orgID string) error {
	if personID == "" {
		return nil
	}
	ok, err := tx.IsAffiliated(ctx, personID, orgID)
	if err != nil {
		return err
	}
	if !ok {
		return fieldError(field, "This person is not affiliated with the organization.")
	}
	return nil
}

// CoalitionPeople returns the people affiliated with the coalition's member
// organizations, one row per affiliation, for choosing who holds a seat or attended.
func (a *App) CoalitionPeople(ctx context.Context, actor Actor, coalitionID string) ([]store.PersonWithAffiliation, error) {
	var out []store.PersonWithAffiliation
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		out, err = tx.ListPeopleOfCoalition(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}
