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

// NewRelationship is one organization's account of its relationship with another member.
type NewRelationship struct {
	OrganizationID      string `json:"organization_id" maxLength:"64" doc:"An organization you represent."`
	OtherOrganizationID string `json:"other_organization_id" maxLength:"64" doc:"Another member organization of the coalition."`
	RelationshipChange
}

// RelationshipChange is what the recording side says of the relationship.
type RelationshipChange struct {
	Kind  string `json:"kind" enum:"worked_together,shared_staff_or_members,mentoring,funding,formal_agreement,other"`
	Depth int    `json:"depth" minimum:"1" maximum:"5" doc:"1: know of each other … 5: deep trust, act together without asking."`
	Since string `json:"since,omitempty" maxLength:"10" doc:"Since when, YYYY-MM-DD."`
	Note  string `json:"note,omitempty" maxLength:"20000"`
}

// Confirmation is the other side's account of a relationship recorded about it.
type Confirmation struct {
	Depth int `json:"depth,omitempty" minimum:"0" maximum:"5" doc:"Your own depth; 0 or absent: the same as theirs."`
}

// RelationshipList is every declaration among a coalition's member organizations and the
// ties they make, both sides' accounts merged (depth is their mean).
type RelationshipList struct {
	Relationships []domain.Relationship `json:"relationships"`
	Ties          []app.Tie             `json:"ties"`
}

type relationshipOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.Relationship
}

type createdRelationship struct {
	ETag     string `header:"ETag"`
	Location string `header:"Location"`
	Body     *domain.Relationship
}

// RelationshipPath names one declaration in a coalition.
type RelationshipPath struct {
	CoalitionPath
	RelationshipID string `path:"relationship_id" maxLength:"64"`
}

func (x *API) registerRelationships() {
	const tag = "Relationships"
	huma.Register(x.huma, operation("list-relationships", http.MethodGet, "/coalitions/{id}/relationships",
		"List the relationships among the coalition's member organizations", tag, signedIn, http.StatusNotFound), x.listRelationships)
	huma.Register(x.huma, operation("record-relationship", http.MethodPost, "/coalitions/{id}/relationships",
		"Record an organization's relationship with another member", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.recordRelationship)
	huma.Register(x.huma, operation("update-relationship", http.MethodPut, "/coalitions/{id}/relationships/{relationship_id}",
		"Change an organization's account of a relationship", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateRelationship)
	huma.Register(x.huma, operation("delete-relationship", http.MethodDelete, "/coalitions/{id}/relationships/{relationship_id}",
		"Withdraw an organization's account of a relationship", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.deleteRelationship)
	huma.Register(x.huma, operation("confirm-relationship", http.MethodPost, "/coalitions/{id}/relationships/{relationship_id}/confirm",
		"Give the other side's account of a relationship (confirm it, perhaps with another depth)", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.confirmRelationship)
}

func (x *API) listRelationships(ctx context.Context, in *CoalitionPath) (*struct{ Body RelationshipList }, error) {
	decls, err := x.app.Relationships(ctx, httpx.User(ctx), in.ID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{ Body RelationshipList }{RelationshipList{Relationships: orEmpty(decls), Ties: orEmpty(app.MergeTies(decls))}}, nil
}

func (x *API) recordRelationship(ctx context.Context, in *struct {
	CoalitionPath
	Body NewRelationship
}) (*createdRelationship, error) {
	b := in.Body
	r, err := x.app.RecordRelationship(ctx, httpx.User(ctx), in.ID, domain.Relationship{OrganizationID: b.OrganizationID,
		OtherOrganizationID: b.OtherOrganizationID, Kind: b.Kind, Depth: b.Depth, Since: b.Since, Note: b.Note})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &createdRelationship{ETag: etag(r.Version), Body: r,
		Location: Prefix + "/coalitions/" + url.PathEscape(in.ID) + "/relationships/" + url.PathEscape(r.ID)}, nil
}

func (x *API) updateRelationship(ctx context.Context, in *struct {
	RelationshipPath
	Precondition
	Body RelationshipChange
}) (*relationshipOutput, error) {
	version, err := in.version()
	if err != nil {
		return nil, err
	}
	b := in.Body
	r, err := x.app.UpdateRelationship(ctx, httpx.User(ctx), in.ID, in.RelationshipID,
		app.RelationshipChange{Kind: b.Kind, Depth: b.Depth, Since: b.Since, Note: b.Note}, version)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &relationshipOutput{ETag: etag(r.Version), Body: r}, nil
}

func (x *API) deleteRelationship(ctx context.Context, in *RelationshipPath) (*struct{}, error) {
	if err := x.app.DeleteRelationship(ctx, httpx.User(ctx), in.ID, in.RelationshipID); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}

func (x *API) confirmRelationship(ctx context.Context, in *struct {
	RelationshipPath
	Body Confirmation
}) (*createdRelationship, error) {
	r, err := x.app.ConfirmRelationship(ctx, httpx.User(ctx), in.ID, in.RelationshipID, in.Body.Depth)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &createdRelationship{ETag: etag(r.Version), Body: r,
		Location: Prefix + "/coalitions/" + url.PathEscape(in.ID) + "/relationships/" + url.PathEscape(r.ID)}, nil
}
