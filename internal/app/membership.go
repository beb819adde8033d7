package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// Members returns a page of a coalition's memberships with their organizations.
func (a *App) Members(ctx context.Context, actor Actor, coalitionID, cursor string, limit int) (domain.Page[domain.Membership], error) {
	var page domain.Page[domain.Membership]
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if cursor != "" {
			if _, err := tx.FindMembership(ctx, p.Coalition.ID, cursor); err != nil {
				return &domain.Error{Code: domain.EINVALID, Message: "The cursor is not valid.", Fields: []domain.FieldError{{Field: "cursor", Message: "Unknown cursor."}}}
			}
		}
		limit = clampLimit(limit)
		items, err := tx.ListMemberships(ctx, p.Coalition.ID, cursor, limit+1)
		page = makePage(items, limit, func(m domain.Membership) string { return m.ID })
		return err
	})
	return page, err
}

// Membership returns one membership of a coalition.
func (a *App) Membership(ctx context.Context, actor Actor, coalitionID, id string) (*domain.Membership, error) {
	var m *domain.Membership
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if m, err = tx.FindMembership(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		m.Organization, err = tx.FindOrganization(ctx, m.OrganizationID)
		return err
	})
	return m, err
}

// MembershipChange is what a coordinator may change about a membership.
type MembershipChange struct {
	Role         string `json:"role"`
	MostImpacted bool   `json:"most_impacted"`
	Status       string `json:"status"`
	StatusReason string `json:"status_reason"`
}

// UpdateMembership changes role, the most-impacted flag or status, if the membership is
// still at expectVersion.
func (a *App) UpdateMembership(ctx context.Context, actor Actor, coalitionID, id string, ch MembershipChange, expectVersion int) (*domain.Membership, error) {
	var m *domain.Membership
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageMembers)
		if err != nil {
			return err
		}
		if m, err = tx.FindMembership(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		before := membershipFields(m)
		if ch.Status == "" {
			ch.Status = m.Status
		}
		m.Role, m.MostImpacted, m.Status, m.StatusReason = ch.Role, ch.MostImpacted, ch.Status, ch.StatusReason
		if m.Status == domain.StatusLeft && m.LeftAt == nil {
			now := tx.Now
			m.LeftAt = &now
		} else if m.Status != domain.StatusLeft {
			m.LeftAt = nil
		}
		if err := m.Validate(); err != nil {
			return err
		}
		if err := tx.UpdateMembership(ctx, m, expectVersion); err != nil {
			return err
		}
		m.Organization, err = tx.FindOrganization(ctx, m.OrganizationID)
		if err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "membership.update", "membership", m.ID, diff(before, membershipFields(m)))
	})
	return m, err
}

func membershipFields(m *domain.Membership) map[string]any {
	return map[string]any{"role": m.Role, "most_impacted": m.MostImpacted, "status": m.Status, "status_reason": m.StatusReason}
}

// Invite creates a single-use invitation link for an organization to join the coalition.
// The returned invitation carries its token once; only its hash is stored.
func (a *App) Invite(ctx context.Context, actor Actor, coalitionID string, inv domain.Invitation) (*domain.Invitation, error) {
	var v domain.Validation
	domain.CheckText(&v, "organization_name", inv.OrganizationName, 0, domain.MaxName)
	domain.CheckText(&v, "email", inv.Email, 0, 254)
	if inv.OrganizationName == "" && inv.OrganizationID == "" {
		v.Add("organization_name", "Name the organization you are inviting.")
	}
	if inv.Role == "" {
		inv.Role = domain.RoleMember
	}
	if !domain.OneOf(inv.Role, domain.MembershipRoles) {
		v.Add("role", "Choose anchor, steering, member, supporter or observer.")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	token, hash := newSecret("inv_")
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageMembers)
		if err != nil {
			return err
		}
		if inv.OrganizationID != "" {
			org, err := tx.FindOrganization(ctx, inv.OrganizationID)
			if err != nil {
				return &domain.Error{Code: domain.EINVALID, Message: "That organization does not exist.", Fields: []domain.FieldError{{Field: "organization_id", Message: "Unknown organization."}}}
			}
			if _, err := tx.FindMembershipOfOrganization(ctx, p.Coalition.ID, org.ID); err == nil {
				return &domain.Error{Code: domain.ECONFLICT, Message: org.Name + " is already a member.", Fields: []domain.FieldError{{Field: "organization_id", Message: "Already a member."}}}
			}
			inv.OrganizationName = org.Name
		}
		inv.CoalitionID = p.Coalition.ID
		inv.CreatedBy = actor.ID
		inv.ExpiresAt = tx.Now.Add(a.InvitationTTL)
		if err := tx.CreateInvitation(ctx, &inv, hash); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "invitation.create", "invitation", inv.ID,
			map[string]any{"organization_name": inv.OrganizationName, "role": inv.Role, "most_impacted": inv.MostImpacted, "email": inv.Email})
	})
	if err != nil {
		return nil, err
	}
	inv.Token = token
	return &inv, nil
}

// Invitations lists a coalition's invitations.
func (a *App) Invitations(ctx context.Context, actor Actor, coalitionID string) ([]domain.Invitation, error) {
	var out []domain.Invitation
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageMembers)
		if err != nil {
			return err
		}
		out, err = tx.ListInvitations(ctx, p.Coalition.ID)
		return err
	})
	return out, err
}

// InvitationInfo is what the invitation page shows before acceptance.
type InvitationInfo struct {
	Invitation *domain.Invitation
	Coalition  *domain.Coalition
}

// InvitationByToken returns an open invitation (ENOTFOUND for unknown or expired links,
// ECONFLICT for used ones).
func (a *App) InvitationByToken(ctx context.Context, token string) (*InvitationInfo, error) {
	var info InvitationInfo
	err := a.read(ctx, func(tx *store.Tx) error {
		inv, err := openInvitation(ctx, tx, token)
		if err != nil {
			return err
		}
		info.Invitation = inv
		info.Coalition, err = tx.FindCoalition(ctx, inv.CoalitionID)
		return err
	})
	return &info, err
}

func openInvitation(ctx context.Context, tx *store.Tx, token string) (*domain.Invitation, error) {
	inv, err := tx.FindInvitationByTokenHash(ctx, hashSecret(token))
	if err != nil {
		return nil, err
	}
	if inv.AcceptedAt != nil {
		return nil, domain.Errorf(domain.ECONFLICT, "This invitation has already been used.")
	}
	if tx.Now.After(inv.ExpiresAt) {
		return nil, domain.Errorf(domain.ENOTFOUND, "This invitation has expired; ask the coordinator for a new one.")
	}
	return inv, nil
}

// Acceptance is what a person gives when accepting an invitation. A signed-in person may
// leave Account empty. OrganizationID picks an organization the person already represents;
// otherwise a new organization is created with OrganizationName.
type Acceptance struct {
	Account          NewAccount `json:"account"`
	OrganizationID   string     `json:"organization_id"`
	OrganizationName string     `json:"organization_name"`
}

// AcceptInvitation joins the invited organization to the coalition in one transaction:
// the account (when new), the organization (when new), the representative link, the
// membership, the member access role, and marking the invitation used. A second
// acceptance of the same link gets ECONFLICT and changes nothing.
func (a *App) AcceptInvitation(ctx context.Context, actor Actor, token string, acc Acceptance) (*domain.Membership, *domain.User, error) {
	var v domain.Validation
	if actor == nil {
		acc.Account.validate(&v)
	}
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	var m *domain.Membership
	user := actor
	err := a.write(ctx, func(tx *store.Tx) error {
		inv, err := openInvitation(ctx, tx, token)
		if err != nil {
			return err
		}
		var person *domain.Person
		if user == nil {
			if user, person, err = a.createAccount(ctx, tx, acc.Account, false); err != nil {
				return err
			}
		} else if person, err = tx.FindPersonByUser(ctx, user.ID); err != nil {
			return err
		}
		org, err := a.invitedOrganization(ctx, tx, user, inv, acc)
		if err != nil {
			return err
		}
		if err := tx.AddAffiliation(ctx, domain.Affiliation{PersonID: person.ID, OrganizationID: org.ID, Representative: true}); err != nil {
			return err
		}
		m = &domain.Membership{CoalitionID: inv.CoalitionID, OrganizationID: org.ID, Role: inv.Role, MostImpacted: inv.MostImpacted, Status: domain.StatusActive}
		if err := tx.CreateMembership(ctx, m); err != nil {
			if domain.ErrorCode(err) == domain.ECONFLICT {
				return domain.Errorf(domain.ECONFLICT, "%s is already a member of this coalition.", org.Name)
			}
			return err
		}
		m.Organization = org
		if err := tx.MarkInvitationAccepted(ctx, inv.ID, m.ID); err != nil {
			return err
		}
		if role, err := tx.FindAccess(ctx, inv.CoalitionID, user.ID); err != nil {
			return err
		} else if role == "" {
			if err := tx.SetAccess(ctx, domain.CoalitionAccess{CoalitionID: inv.CoalitionID, UserID: user.ID, Role: domain.AccessMember}); err != nil {
				return err
			}
		}
		return tx.Audit(ctx, inv.CoalitionID, user.ID, "membership.create", "membership", m.ID,
			map[string]any{"organization": org.Name, "role": m.Role, "most_impacted": m.MostImpacted, "invitation_id": inv.ID})
	})
	if err != nil {
		return nil, nil, err
	}
	return m, user, nil
}

// invitedOrganization finds or creates the organization that accepts an invitation.
func (a *App) invitedOrganization(ctx context.Context, tx *store.Tx, user *domain.User, inv *domain.Invitation, acc Acceptance) (*domain.Organization, error) {
	orgID := inv.OrganizationID
	if orgID == "" {
		orgID = acc.OrganizationID
	}
	if orgID != "" {
		ok, err := tx.IsRepresentative(ctx, user.ID, orgID)
		if err != nil {
			return nil, err
		}
		if !ok && !user.Admin {
			return nil, &domain.Error{Code: domain.EFORBIDDEN, Message: "Only a representative of the invited organization can accept for it.",
				Fields: []domain.FieldError{{Field: "organization_id", Message: "You do not represent this organization."}}}
		}
		return tx.FindOrganization(ctx, orgID)
	}
	name := acc.OrganizationName
	if name == "" {
		name = inv.OrganizationName
	}
	// Nothing of a new organization is public until its representatives choose: many
	// members are small groups for whom being named publicly is a decision, not a default.
	org := &domain.Organization{Name: name}
	org.Normalize()
	if err := org.Validate(); err != nil {
		// The acceptance form asks for the organization's name as organization_name,
		// beside the person's own name.
		fields := domain.ErrorFields(err)
		for i := range fields {
			if fields[i].Field == "name" {
				fields[i].Field = "organization_name"
			}
		}
		return nil, &domain.Error{Code: domain.EINVALID, Message: domain.ErrorMessage(err), Fields: fields}
	}
	if err := tx.CreateOrganization(ctx, org); err != nil {
		return nil, err
	}
	return org, tx.Audit(ctx, inv.CoalitionID, user.ID, "organization.create", "organization", org.ID, map[string]any{"name": org.Name})
}

// MemberCount counts a coalition's memberships that have not left.
func (a *App) MemberCount(ctx context.Context, actor Actor, coalitionID string) (int, error) {
	var n int
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		n, err = tx.CountMemberships(ctx, p.Coalition.ID)
		return err
	})
	return n, err
}
