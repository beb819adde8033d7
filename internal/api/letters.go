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

// LetterPath names a sign-on letter of a coalition.
type LetterPath struct {
	CoalitionPath
	LetterID string `path:"letter_id" maxLength:"64" doc:"The sign-on letter's id."`
}

// NewLetter is the text of a sign-on letter.
type NewLetter struct {
	Title string `json:"title" minLength:"1" maxLength:"200" doc:"The letter's title."`
	Body  string `json:"body" minLength:"1" maxLength:"20000" doc:"The statement, in Markdown."`
}

// LetterList is a coalition's sign-on letters, newest first.
type LetterList struct {
	SignOnLetters []domain.SignOnLetter `json:"sign_on_letters"`
}

// LetterWithSignatures is a letter with the signatures the caller may see: confirmed
// ones for everyone in the coalition, pending ones and contacts for organizers.
type LetterWithSignatures struct {
	Letter     *domain.SignOnLetter `json:"letter"`
	Signatures []domain.Signature   `json:"signatures"`
}

type letterOutput struct {
	ETag string `header:"ETag" doc:"The version, for If-Match."`
	Body *domain.SignOnLetter
}

// MemberSignature signs a letter for a member organization the caller represents.
type MemberSignature struct {
	OrganizationID string `json:"organization_id" minLength:"1" maxLength:"64" doc:"The member organization signing."`
}

// OutsideSignature is a signature from the public page of a letter.
type OutsideSignature struct {
	OrganizationName string `json:"organization_name" minLength:"1" maxLength:"200"`
	City             string `json:"city" minLength:"1" maxLength:"200"`
	IssueArea        string `json:"issue_area,omitempty" maxLength:"200"`
	ContactName      string `json:"contact_name" minLength:"1" maxLength:"200" doc:"Kept private: only the coalition's organizers see it."`
	ContactEmail     string `json:"contact_email" minLength:"3" maxLength:"254" doc:"Kept private; the link that confirms the signature is sent here."`
}

// SignatureToken is the token of an emailed confirmation or withdrawal link.
type SignatureToken struct {
	Token string `json:"token" minLength:"1" maxLength:"200" doc:"The token in the emailed link."`
}

func (x *API) registerLetters() {
	const tag = "Sign-on letters"
	base := "/coalitions/{id}/sign-on-letters"
	huma.Register(x.huma, operation("list-sign-on-letters", http.MethodGet, base, "List a coalition's sign-on letters", tag, signedIn,
		http.StatusNotFound), x.listLetters)
	huma.Register(x.huma, operation("create-sign-on-letter", http.MethodPost, base, "Draft a sign-on letter", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.createLetter)
	huma.Register(x.huma, operation("get-sign-on-letter", http.MethodGet, base+"/{letter_id}", "Get a sign-on letter with its signatures", tag, signedIn,
		http.StatusNotFound), x.getLetter)
	huma.Register(x.huma, operation("update-sign-on-letter", http.MethodPut, base+"/{letter_id}", "Change a draft letter's text", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusPreconditionRequired), x.updateLetter)
	huma.Register(x.huma, ok200(operation("open-sign-on-letter", http.MethodPost, base+"/{letter_id}/open", "Open a letter for signatures and publish it", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusPreconditionRequired)), x.openLetter)
	huma.Register(x.huma, ok200(operation("close-sign-on-letter", http.MethodPost, base+"/{letter_id}/close", "Close a letter to new signatures", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusPreconditionRequired)), x.closeLetter)
	huma.Register(x.huma, operation("sign-letter", http.MethodPost, base+"/{letter_id}/signatures", "Sign a letter for a member organization you represent", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound, http.StatusConflict), x.signLetter)
	huma.Register(x.huma, operation("withdraw-signature", http.MethodDelete, base+"/{letter_id}/signatures/{signature_id}", "Withdraw a signature", tag, signedIn,
		http.StatusForbidden, http.StatusNotFound), x.withdrawSignature)
	huma.Register(x.huma, operation("get-public-sign-on-letter", http.MethodGet, "/public/sign-on-letters/{letter_id}", "Get a published letter with its signers", tag, anyone,
		http.StatusNotFound), x.publicLetter)
	sign := operation("sign-letter-from-outside", http.MethodPost, "/public/sign-on-letters/{letter_id}/signatures",
		"Sign a letter as an organization outside the coalition; a link to confirm is emailed", tag, anyone, http.StatusNotFound, http.StatusConflict)
	sign.DefaultStatus = http.StatusAccepted
	huma.Register(x.huma, sign, x.signFromOutside)
	huma.Register(x.huma, ok200(operation("confirm-signature", http.MethodPost, "/public/signatures/confirm", "Confirm a signature with the emailed token", tag, anyone,
		http.StatusNotFound, http.StatusConflict)), x.confirmSignature)
	huma.Register(x.huma, ok200(operation("withdraw-signature-by-link", http.MethodPost, "/public/signatures/withdraw", "Withdraw a signature with the emailed token", tag, anyone,
		http.StatusNotFound)), x.withdrawSignatureByLink)
}

func (x *API) listLetters(ctx context.Context, in *CoalitionPath) (*struct{ Body LetterList }, error) {
	list, err := x.app.Letters(ctx, httpx.User(ctx), in.ID)
	return body(x, ctx, LetterList{SignOnLetters: orEmpty(list)}, err)
}

func (x *API) createLetter(ctx context.Context, in *struct {
	CoalitionPath
	Body NewLetter
}) (*struct {
	ETag     string `header:"ETag"`
	Location string `header:"Location"`
	Body     *domain.SignOnLetter
}, error) {
	l, err := x.app.CreateLetter(ctx, httpx.User(ctx), in.ID, app.LetterText{Title: in.Body.Title, Body: in.Body.Body})
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct {
		ETag     string `header:"ETag"`
		Location string `header:"Location"`
		Body     *domain.SignOnLetter
	}{etag(l.Version), Prefix + "/coalitions/" + url.PathEscape(l.CoalitionID) + "/sign-on-letters/" + url.PathEscape(l.ID), l}, nil
}

func (x *API) getLetter(ctx context.Context, in *LetterPath) (*struct {
	ETag string `header:"ETag"`
	Body LetterWithSignatures
}, error) {
	rec, err := x.app.Letter(ctx, httpx.User(ctx), in.ID, in.LetterID)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct {
		ETag string `header:"ETag"`
		Body LetterWithSignatures
	}{etag(rec.Letter.Version), LetterWithSignatures{Letter: rec.Letter, Signatures: orEmpty(rec.Signatures)}}, nil
}

func (x *API) updateLetter(ctx context.Context, in *struct {
	LetterPath
	Precondition
	Body NewLetter
}) (*letterOutput, error) {
	return x.letterChange(ctx, in.Precondition, func(v int) (*domain.SignOnLetter, error) {
		return x.app.UpdateLetter(ctx, httpx.User(ctx), in.ID, in.LetterID, app.LetterText{Title: in.Body.Title, Body: in.Body.Body}, v)
	})
}

func (x *API) openLetter(ctx context.Context, in *struct {
	LetterPath
	Precondition
}) (*letterOutput, error) {
	return x.letterChange(ctx, in.Precondition, func(v int) (*domain.SignOnLetter, error) {
		return x.app.OpenLetter(ctx, httpx.User(ctx), in.ID, in.LetterID, v)
	})
}

func (x *API) closeLetter(ctx context.Context, in *struct {
	LetterPath
	Precondition
}) (*letterOutput, error) {
	return x.letterChange(ctx, in.Precondition, func(v int) (*domain.SignOnLetter, error) {
		return x.app.CloseLetter(ctx, httpx.User(ctx), in.ID, in.LetterID, v)
	})
}

// letterChange runs a change that names the letter's version in If-Match.
func (x *API) letterChange(ctx context.Context, pre Precondition, change func(version int) (*domain.SignOnLetter, error)) (*letterOutput, error) {
	v, err := pre.version()
	if err != nil {
		return nil, err
	}
	l, err := change(v)
	if err != nil {
		return nil, x.fail(ctx, err)
	}
	return &letterOutput{ETag: etag(l.Version), Body: l}, nil
}

func (x *API) signLetter(ctx context.Context, in *struct {
	LetterPath
	Body MemberSignature
}) (*struct{ Body *domain.Signature }, error) {
	g, err := x.app.SignAsMember(ctx, httpx.User(ctx), in.ID, in.LetterID, in.Body.OrganizationID)
	return body(x, ctx, g, err)
}

func (x *API) withdrawSignature(ctx context.Context, in *struct {
	LetterPath
	SignatureID string `path:"signature_id" maxLength:"64"`
}) (*struct{}, error) {
	if err := x.app.WithdrawSignature(ctx, httpx.User(ctx), in.ID, in.LetterID, in.SignatureID); err != nil {
		return nil, x.fail(ctx, err)
	}
	return &struct{}{}, nil
}

func (x *API) publicLetter(ctx context.Context, in *struct {
	LetterID string `path:"letter_id" maxLength:"64"`
}) (*struct{ Body *app.PublicLetter }, error) {
	l, err := x.app.PublicLetter(ctx, in.LetterID)
	return body(x, ctx, l, err)
}

func (x *API) signFromOutside(ctx context.Context, in *struct {
	LetterID string `path:"letter_id" maxLength:"64"`
	Body     OutsideSignature
}) (*struct{ Body *domain.Signature }, error) {
	b := in.Body
	g, err := x.app.SignFromOutside(ctx, in.LetterID, domain.Signature{OrganizationName: b.OrganizationName, City: b.City, IssueArea: b.IssueArea,
		ContactName: b.ContactName, ContactEmail: b.ContactEmail}, httpx.Origin(ctx))
	return body(x, ctx, g, err)
}

func (x *API) confirmSignature(ctx context.Context, in *struct{ Body SignatureToken }) (*struct{ Body *domain.Signature }, error) {
	g, err := x.app.ConfirmSignature(ctx, in.Body.Token)
	return body(x, ctx, g, err)
}

func (x *API) withdrawSignatureByLink(ctx context.Context, in *struct{ Body SignatureToken }) (*struct{ Body *domain.Signature }, error) {
	g, err := x.app.WithdrawSignatureByLink(ctx, in.Body.Token)
	return body(x, ctx, g, err)
}
