package app

import (
	"cmp"
	"context"
	"slices"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// PublicLetter is an open or closed letter as anyone with its link sees it: the text,
// the confirmed signers (never their contacts), and the signers counted by city and by
// issue area.
type PublicLetter struct {
	ID            string         `json:"id"`
	Title         string         `json:"title"`
	Body          string         `json:"body"`
	Status        string         `json:"status"`
	CoalitionName string         `json:"coalition_name"`
	CoalitionSlug string         `json:"coalition_slug"`
	Signers       []PublicSigner `json:"signers"`
	ByCity        []SignerCount  `json:"by_city"`
	ByIssueArea   []SignerCount  `json:"by_issue_area"`
}

// PublicSigner is one confirmed signature as published.
type PublicSigner struct {
	OrganizationName string `json:"organization_name"`
	City             string `json:"city"`
	IssueArea        string `json:"issue_area"`
	SignedOn         string `json:"signed_on"` // YYYY-MM-DD
	Member           bool   `json:"member"`    // a member organization of the coalition
}

// SignerCount is how many signers share a city or an issue area ("" when not given).
type SignerCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// PublicLetter returns a letter that is open or closed (ENOTFOUND for drafts and unknown
// ids). It needs no account: the letter is meant to be shared.
func (a *App) PublicLetter(ctx context.Context, id string) (*PublicLetter, error) {
	var out *PublicLetter
	err := a.read(ctx, func(tx *store.Tx) error {
		l, err := tx.FindPublishedLetter(ctx, id)
		if err != nil {
			return err
		}
		c, err := tx.FindCoalition(ctx, l.CoalitionID)
		if err != nil {
			return err
		}
		sigs, err := tx.ListSignatures(ctx, l.ID, domain.SignatureConfirmed)
		if err != nil {
			return err
		}
		out = &PublicLetter{ID: l.ID, Title: l.Title, Body: l.Body, Status: l.Status, CoalitionName: c.Name, Signers: []PublicSigner{}}
		if c.Public {
			out.CoalitionSlug = c.Slug
		}
		for _, g := range sigs {
			day := g.CreatedAt
			if g.ConfirmedAt != nil {
				day = *g.ConfirmedAt
			}
			out.Signers = append(out.Signers, PublicSigner{OrganizationName: g.OrganizationName, City: g.City, IssueArea: g.IssueArea,
				SignedOn: day.UTC().Format(domain.DateLayout), Member: g.OrganizationID != ""})
		}
		out.ByCity = countSigners(out.Signers, func(s PublicSigner) string { return s.City })
		out.ByIssueArea = countSigners(out.Signers, func(s PublicSigner) string { return s.IssueArea })
		return nil
	})
	return out, err
}

// countSigners counts signers by a field, most first, then alphabetically.
func countSigners(signers []PublicSigner, field func(PublicSigner) string) []SignerCount {
	n := map[string]int{}
	for _, s := range signers {
		n[field(s)]++
	}
	out := make([]SignerCount, 0, len(n))
	for v, c := range n {
		out = append(out, SignerCount{Value: v, Count: c})
	}
	slices.SortFunc(out, func(x, y SignerCount) int {
		if x.Count != y.Count {
			return y.Count - x.Count
		}
		return cmp.Compare(x.Value, y.Value)
	})
	return out
}

// SignFromOutside records a signature submitted on a letter's public page, pending until
// its contact follows the emailed link. origin is the public address the links in the
// email start with ("https://braid.example.org"). A signer already confirmed is told so
// (ECONFLICT); a pending or withdrawn one with the same name and city is merged: its
// details are replaced and a new link is sent.
func (a *App) SignFromOutside(ctx context.Context, letterID string, in domain.Signature, origin string) (*domain.Signature, error) {
	g := &domain.Signature{OrganizationName: in.OrganizationName, City: in.City, IssueArea: in.IssueArea,
		ContactName: in.ContactName, ContactEmail: in.ContactEmail, Status: domain.SignaturePending}
	if err := g.ValidateOutside(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		l, err := tx.FindPublishedLetter(ctx, letterID)
		if err != nil {
			return err
		}
		if l.Status != domain.LetterOpen {
			return domain.Errorf(domain.ECONFLICT, "This letter is closed to new signatures.")
		}
		g.LetterID = l.ID
		if prev, err := tx.FindSignatureByKey(ctx, l.ID, g.DedupeKey); err == nil && prev.Status == domain.SignatureConfirmed {
			return domain.Errorf(domain.ECONFLICT, "%s in %s has already signed this letter.", prev.OrganizationName, prev.City)
		}
		token, hash := newSecret("sig_")
		if err := tx.SaveSignature(ctx, g, hash); err != nil {
			return err
		}
		c, err := tx.FindCoalition(ctx, l.CoalitionID)
		if err != nil {
			return err
		}
		link := origin + "/signatures/"
		return tx.QueueMail(ctx, signatureMail(l, c.Name, g, link+"confirm?token="+token, link+"withdraw?token="+token))
	})
	if err != nil {
		return nil, err
	}
	g.ContactName, g.ContactEmail = "", ""
	return g, nil
}

// SignatureByToken returns the signature an emailed link names, and its letter's title,
// for the page that asks to confirm or withdraw (ENOTFOUND for an unknown token).
func (a *App) SignatureByToken(ctx context.Context, token string) (*domain.Signature, *PublicLetter, error) {
	var g *domain.Signature
	err := a.read(ctx, func(tx *store.Tx) error {
		var err error
		g, err = tx.FindSignatureByToken(ctx, hashSecret(token))
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	l, err := a.PublicLetter(ctx, g.LetterID)
	g.ContactName, g.ContactEmail = "", ""
	return g, l, err
}

// ConfirmSignature confirms the pending signature an emailed link names. Confirming twice
// is harmless; a withdrawn signature is not brought back by an old link (ECONFLICT).
func (a *App) ConfirmSignature(ctx context.Context, token string) (*domain.Signature, error) {
	return a.signatureByLink(ctx, token, func(tx *store.Tx, g *domain.Signature) error {
		switch g.Status {
		case domain.SignatureWithdrawn:
			return domain.Errorf(domain.ECONFLICT, "This signature was withdrawn; to sign again, use the form on the letter's page.")
		case domain.SignatureConfirmed:
			return nil
		}
		l, err := tx.FindPublishedLetter(ctx, g.LetterID)
		if err != nil {
			return err
		}
		if l.Status != domain.LetterOpen {
			return domain.Errorf(domain.ECONFLICT, "This letter closed before the signature was confirmed.")
		}
		g.Status = domain.SignatureConfirmed
		return tx.SetSignatureStatus(ctx, g.ID, domain.SignatureConfirmed)
	})
}

// WithdrawSignatureByLink withdraws the signature an emailed link names; withdrawing twice
// is harmless.
func (a *App) WithdrawSignatureByLink(ctx context.Context, token string) (*domain.Signature, error) {
	return a.signatureByLink(ctx, token, func(tx *store.Tx, g *domain.Signature) error {
		if g.Status == domain.SignatureWithdrawn {
			return nil
		}
		g.Status = domain.SignatureWithdrawn
		return tx.SetSignatureStatus(ctx, g.ID, domain.SignatureWithdrawn)
	})
}

func (a *App) signatureByLink(ctx context.Context, token string, change func(*store.Tx, *domain.Signature) error) (*domain.Signature, error) {
	var out *domain.Signature
	err := a.write(ctx, func(tx *store.Tx) error {
		g, err := tx.FindSignatureByToken(ctx, hashSecret(token))
		if err != nil {
			return err
		}
		if err := change(tx, g); err != nil {
			return err
		}
		if g, err = tx.FindSignature(ctx, g.LetterID, g.ID); err != nil {
			return err
		}
		g.ContactName, g.ContactEmail = "", ""
		out = g
		return nil
	})
	return out, err
}
