package api

import (
	"context"
	"net/http"
	"net/url"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/httpx"
	"github.com/danielgtaylor/huma/v2"
)

// NewInvitation is the body that invites an organization: an existing one by id, or a new
// one by name.
type NewInvitation struct {
	OrganizationName string         `json:"organization_name,omitempty" maxLength:"200"`
	OrganizationID   string         `json:"organization_id,omitempty" maxLength:"64"`
	Email            string         `json:"email,omitempty" maxLength:"254" doc:"Where the coordinator will send the link (Braid does not send it)."`
	Role             membershipRole `json:"role,omitempty" doc:"Defaults to member."`
	MostImpacted     bool           `json:"most_impacted,omitempty"`
}

// CreatedInvitation is a new invitation with its single-use token, shown only now.
type CreatedInvitation struct {
	domain.Invitation
	AcceptURL string `json:"accept_url" doc:"The path of the invitation page to share, /invitations/{token}."`
}

// InvitationList is a coalition's invitations (without their tokens).
type InvitationList struct {
	Items []domain.Invitation `json:"items"`
}

// AccountFields create an account for a person who accepts without being signed in.
type AccountFields struct {
	Name     string `json:"name" maxLength:"200"`
	Email    string `json:"email" maxLength:"254"`
	Password string `json:"password" maxLength:"1000" doc:"At least 10 characters."`
}

// Acceptance is the body that accepts an invitation.
type Acceptance struct {
	Account          *AccountFields `json:"account,omitempty" doc:"Required when not signed in."`
	OrganizationID   string         `json:"organization_id,omitempty" maxLength:"64" doc:"An organization you represent, to join with it."`
	OrganizationName string         `json:"organization_name,omitempty" maxLength:"200" doc:"The name of a new organization; defaults to the invited name."`
}

// AcceptedInvitation is the membership an acceptance created and the account it used.
type AcceptedInvitation struct {
	Membership *domain.Membership `json:"membership"`
	User       *domain.User       `json:"user"`
}

// accountFields locates the account's fields, which the use case names without a prefix.
var accountFields = at{"name": "body.account.name", "email": "body.account.email", "password": "body.account.password"}

func (x *API) registerInvitations() {
	huma.Register(x.huma, operation("create-invitation", http.MethodPost, "/coalitions/{id}/invitations", "Invite an organization", "Invitations", signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.createInvitation)
	huma.Register(x.huma, operation("list-invitations", http.MethodGet, "/coalitions/{id}/invitations", "List a coalition's invitations", "Invitations", signedIn,
		http.StatusForbidden, http.StatusNotFound), x.listInvitations)
	huma.Register(x.huma, operation("accept-invitation", http.MethodPost, "/invitations/{token}/accept", "Accept an invitation, signed in or with a new account", "Invitations", signedInOrNot,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.acceptInvitation)
}

func (x *API) createInvitation(ctx context.Context, in *struct {
	CoalitionPath
	Body NewInvitation
}) (*struct{ Body CreatedInvitation }, error) {
	b := in.Body
	inv, err := x.app.Invite(ctx, httpx.User(ctx), in.ID, domain.Invitation{OrganizationName: b.OrganizationName, OrganizationID: b.OrganizationID,
		Email: b.Email, Role: string(b.Role), MostImpacted: b.MostImpacted})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body CreatedInvitation }{CreatedInvitation{Invitation: *inv, AcceptURL: "/invitations/" + url.PathEscape(inv.Token)}}, nil
}

func (x *API) listInvitations(ctx context.Context, in *CoalitionPath) (*struct{ Body InvitationList }, error) {
	list, err := x.app.Invitations(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body InvitationList }{InvitationList{orEmpty(list)}}, nil
}

func (x *API) acceptInvitation(ctx context.Context, in *struct {
	Token string `path:"token" maxLength:"128"`
	Body  Acceptance
}) (*struct{ Body AcceptedInvitation }, error) {
	acc := app.Acceptance{OrganizationID: in.Body.OrganizationID, OrganizationName: in.Body.OrganizationName}
	if a := in.Body.Account; a != nil {
		acc.Account = app.NewAccount{Name: a.Name, Email: a.Email, Password: a.Password}
	}
	m, u, err := x.app.AcceptInvitation(ctx, httpx.User(ctx), in.Token, acc)
	if err != nil {
		return nil, x.fail(ctx, err, accountFields)
	}
	return &struct{ Body AcceptedInvitation }{AcceptedInvitation{Membership: m, User: u}}, nil
}
