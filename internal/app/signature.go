package app

import (
	"context"
	"fmt"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// SignAsMember signs an open letter for a member organization the actor represents (an
// admin may sign for any). The signature is confirmed at once: the representative is
// signed in. A second signature from the same organization is refused (ECONFLICT); one
// withdrawn earlier is signed again in place.
func (a *App) SignAsMember(ctx context.Context, actor Actor, coalitionID, letterID, organizationID string) (*domain.Signature, error) {
	var out *domain.Signature
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		l, err := tx.FindLetter(ctx, p.Coalition.ID, letterID)
		if err != nil || (l.Status == domain.LetterDraft && !p.Can(ManageLetters)) {
			return orNotFound(err, "Sign-on letter")
		}
		if l.Status != domain.LetterOpen {
			return domain.Errorf(domain.ECONFLICT, "This letter is not open for signatures.")
		}
		m, err := tx.FindMembershipOfOrganization(ctx, p.Coalition.ID, organizationID)
		if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && m.Status != domain.StatusActive) {
			return fieldError("organization_id", "This organization is not a current member of the coalition.")
		} else if err != nil {
			return err
		}
		if ok, err := canActForOrganization(ctx, tx, actor, organizationID); err != nil || !ok {
			return orForbidden(err, "Only a representative of this organization can sign for it.")
		}
		org, err := tx.FindOrganization(ctx, organizationID)
		if err != nil {
			return err
		}
		key := domain.MemberSignerKey(organizationID)
		if prev, err := tx.FindSignatureByKey(ctx, letterID, key); err == nil && prev.Status != domain.SignatureWithdrawn {
			return domain.Errorf(domain.ECONFLICT, "%s has already signed this letter.", org.Name)
		}
		now := tx.Now
		g := &domain.Signature{LetterID: letterID, OrganizationID: organizationID, OrganizationName: org.Name, City: firstOr(org.Geographies, ""),
			IssueArea: firstOr(org.IssueAreas, ""), ContactName: actor.Name, ContactEmail: actor.Email, Status: domain.SignatureConfirmed,
			SignedBy: actor.ID, ConfirmedAt: &now, DedupeKey: key}
		if err := tx.SaveSignature(ctx, g, ""); err != nil {
			return err
		}
		out = g
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "letter.sign", "letter", letterID, map[string]any{"organization": org.Name})
	})
	return out, err
}

// WithdrawSignature withdraws a signature of a coalition's letter: by a representative of
// the organization that signed, or by those who manage letters (to remove one made in
// someone else's name).
func (a *App) WithdrawSignature(ctx context.Context, actor Actor, coalitionID, letterID, signatureID string) error {
	return a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		if _, err := tx.FindLetter(ctx, p.Coalition.ID, letterID); err != nil {
			return err
		}
		g, err := tx.FindSignature(ctx, letterID, signatureID)
		if err != nil || g.Status == domain.SignatureWithdrawn {
			return orNotFound(err, "Signature")
		}
		if !p.Can(ManageLetters) {
			ok := false
			if g.OrganizationID != "" {
				if ok, err = canActForOrganization(ctx, tx, actor, g.OrganizationID); err != nil {
					return err
				}
			}
			if !ok {
				return domain.Errorf(domain.EFORBIDDEN, "Only the organization that signed, or the letter's organizers, can withdraw this signature.")
			}
		}
		if err := tx.SetSignatureStatus(ctx, g.ID, domain.SignatureWithdrawn); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "letter.withdraw", "letter", letterID, map[string]any{"organization": g.OrganizationName})
	})
}

// orNotFound returns err, or a not-found error for what when err is nil (the record
// exists but the actor may not see it, which must not be revealed).
func orNotFound(err error, what string) error {
	if err != nil {
		return err
	}
	return domain.NotFound(what)
}

// orForbidden returns err, or a forbidden error with message when err is nil.
func orForbidden(err error, message string) error {
	if err != nil {
		return err
	}
	return domain.Errorf(domain.EFORBIDDEN, "%s", message)
}

func firstOr(list []string, def string) string {
	if len(list) > 0 {
		return list[0]
	}
	return def
}

// signatureMail is the email that asks a signer from outside the coalition to confirm.
func signatureMail(l *domain.SignOnLetter, coalition string, g *domain.Signature, confirmURL, withdrawURL string) *domain.OutboxMessage {
	body := fmt.Sprintf(`Hello %s,

Someone (we hope you) asked to add %s (%s) to the signers of "%s", a letter of %s.

To confirm the signature, open this link and press "Confirm":
%s

If you did not ask for this, ignore this email: nothing is published without confirmation.
To withdraw the signature later, open:
%s
`, g.ContactName, g.OrganizationName, g.City, l.Title, coalition, confirmURL, withdrawURL)
	return &domain.OutboxMessage{To: g.ContactEmail, Subject: "Confirm your signature: " + l.Title, Body: body}
}
