package app

import (
	"context"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/store"
)

// LetterText is what a coordinator or facilitator writes: a title and the statement.
type LetterText struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// LetterRecord is a letter with its signatures as the viewer may see them: confirmed ones
// for everyone in the coalition; pending ones and contacts only for those who manage
// letters.
type LetterRecord struct {
	Letter     *domain.SignOnLetter `json:"letter"`
	Signatures []domain.Signature   `json:"signatures"`
	CanManage  bool                 `json:"-"`
	// Mine are the member organizations the viewer represents, with whether each signed.
	Mine []MySignature `json:"-"`
}

// MySignature is one of the viewer's organizations and its signature, if any.
type MySignature struct {
	OrganizationID, Name string
	Signature            *domain.Signature
}

func letterFields(l *domain.SignOnLetter) map[string]any {
	return map[string]any{"title": l.Title, "body": l.Body, "status": l.Status}
}

// Letters lists a coalition's sign-on letters, newest first. Drafts are shown only to
// those who manage letters.
func (a *App) Letters(ctx context.Context, actor Actor, coalitionID string) ([]domain.SignOnLetter, error) {
	var out []domain.SignOnLetter
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		all, err := tx.ListLetters(ctx, p.Coalition.ID)
		out = []domain.SignOnLetter{}
		for _, l := range all {
			if l.Status != domain.LetterDraft || p.Can(ManageLetters) {
				out = append(out, l)
			}
		}
		return err
	})
	return out, err
}

// Letter returns a letter of the coalition with the signatures the viewer may see.
func (a *App) Letter(ctx context.Context, actor Actor, coalitionID, id string) (*LetterRecord, error) {
	var out *LetterRecord
	err := a.read(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ViewCoalition)
		if err != nil {
			return err
		}
		rec := &LetterRecord{CanManage: p.Can(ManageLetters)}
		if rec.Letter, err = tx.FindLetter(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		if rec.Letter.Status == domain.LetterDraft && !rec.CanManage {
			return domain.NotFound("Sign-on letter")
		}
		statuses := []string{domain.SignatureConfirmed}
		if rec.CanManage {
			statuses = append(statuses, domain.SignaturePending)
		}
		if rec.Signatures, err = tx.ListSignatures(ctx, id, statuses...); err != nil {
			return err
		}
		if !rec.CanManage {
			for i := range rec.Signatures {
				rec.Signatures[i].ContactName, rec.Signatures[i].ContactEmail = "", ""
			}
		}
		rec.Mine, err = mySignatures(ctx, tx, actor, p.Coalition.ID, rec.Signatures)
		out = rec
		return err
	})
	return out, err
}

// mySignatures lists the current member organizations actor represents, each with its
// confirmed signature among signatures, if any (a member's signature is confirmed at
// once, and a withdrawn one is not listed).
func mySignatures(ctx context.Context, tx *store.Tx, actor Actor, coalitionID string, signatures []domain.Signature) ([]MySignature, error) {
	orgs, err := tx.ListOrganizationsOfUser(ctx, actor.ID)
	if err != nil {
		return nil, err
	}
	out := []MySignature{}
	for _, o := range orgs {
		m, err := tx.FindMembershipOfOrganization(ctx, coalitionID, o.ID)
		if domain.ErrorCode(err) == domain.ENOTFOUND || (err == nil && m.Status != domain.StatusActive) {
			continue
		} else if err != nil {
			return nil, err
		}
		mine := MySignature{OrganizationID: o.ID, Name: o.Name}
		for i := range signatures {
			if signatures[i].OrganizationID == o.ID {
				mine.Signature = &signatures[i]
			}
		}
		out = append(out, mine)
	}
	return out, nil
}

// CreateLetter drafts a sign-on letter.
func (a *App) CreateLetter(ctx context.Context, actor Actor, coalitionID string, in LetterText) (*domain.SignOnLetter, error) {
	l := &domain.SignOnLetter{Title: in.Title, Body: in.Body, Status: domain.LetterDraft}
	if err := l.Validate(); err != nil {
		return nil, err
	}
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageLetters)
		if err != nil {
			return err
		}
		l.CoalitionID, l.CreatedBy = p.Coalition.ID, actor.ID
		if err := tx.CreateLetter(ctx, l); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, "letter.create", "letter", l.ID, letterFields(l))
	})
	return l, err
}

// UpdateLetter changes a draft's text if it is still at expectVersion. Once a letter is
// open its text is what organizations signed, so it no longer changes (ECONFLICT).
func (a *App) UpdateLetter(ctx context.Context, actor Actor, coalitionID, id string, in LetterText, expectVersion int) (*domain.SignOnLetter, error) {
	change := domain.SignOnLetter{Title: in.Title, Body: in.Body}
	if err := change.Validate(); err != nil {
		return nil, err
	}
	return a.changeLetter(ctx, actor, coalitionID, id, expectVersion, "letter.update", func(l *domain.SignOnLetter) error {
		if l.Status != domain.LetterDraft {
			return domain.Errorf(domain.ECONFLICT, "Organizations have signed this text, so it can no longer change; close it and draft a new letter instead.")
		}
		l.Title, l.Body = change.Title, change.Body
		return nil
	})
}

// OpenLetter opens a draft (or reopens a closed letter) for signatures and shows it on
// its public page.
func (a *App) OpenLetter(ctx context.Context, actor Actor, coalitionID, id string, expectVersion int) (*domain.SignOnLetter, error) {
	return a.changeLetter(ctx, actor, coalitionID, id, expectVersion, "letter.open", func(l *domain.SignOnLetter) error {
		if l.Status == domain.LetterOpen {
			return domain.Errorf(domain.ECONFLICT, "This letter is already open for signatures.")
		}
		now := a.db.Now().UTC()
		l.Status, l.OpenedAt, l.ClosedAt = domain.LetterOpen, &now, nil
		return nil
	})
}

// CloseLetter stops new signatures; the letter and its signers stay on the public page.
func (a *App) CloseLetter(ctx context.Context, actor Actor, coalitionID, id string, expectVersion int) (*domain.SignOnLetter, error) {
	return a.changeLetter(ctx, actor, coalitionID, id, expectVersion, "letter.close", func(l *domain.SignOnLetter) error {
		if l.Status != domain.LetterOpen {
			return domain.Errorf(domain.ECONFLICT, "Only an open letter can be closed.")
		}
		now := a.db.Now().UTC()
		l.Status, l.ClosedAt = domain.LetterClosed, &now
		return nil
	})
}

// changeLetter applies change to a letter of the coalition under ManageLetters and saves
// it if it is still at expectVersion, with an audit entry.
func (a *App) changeLetter(ctx context.Context, actor Actor, coalitionID, id string, expectVersion int, action string,
	change func(*domain.SignOnLetter) error) (*domain.SignOnLetter, error) {
	var out *domain.SignOnLetter
	err := a.write(ctx, func(tx *store.Tx) error {
		p, err := authorize(ctx, tx, actor, coalitionID, ManageLetters)
		if err != nil {
			return err
		}
		l, err := tx.FindLetter(ctx, p.Coalition.ID, id)
		if err != nil {
			return err
		}
		if l.Version != expectVersion {
			return domain.Errorf(domain.EPRECONDITION, "Someone else changed this letter; reload to see their change.")
		}
		before := letterFields(l)
		if err := change(l); err != nil {
			return err
		}
		if err := tx.UpdateLetter(ctx, l, expectVersion); err != nil {
			return err
		}
		if out, err = tx.FindLetter(ctx, p.Coalition.ID, id); err != nil {
			return err
		}
		return tx.Audit(ctx, p.Coalition.ID, actor.ID, action, "letter", id, diff(before, letterFields(l)))
	})
	return out, err
}
