package app_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/braid-org/braid/internal/app"
	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/mail"
)

// outbox collects delivered messages.
type outbox struct{ sent []mail.Message }

func (o *outbox) Send(_ context.Context, m mail.Message) error {
	o.sent = append(o.sent, m)
	return nil
}

var tokenInLink = regexp.MustCompile(`/signatures/confirm\?token=(sig_[A-Za-z0-9_-]+)`)

// TestLetters_Lifecycle walks a letter from draft to closed: only organizers see the
// draft, its text freezes when it opens, members sign for their own organizations once,
// an outside organization confirms by the emailed link, a second submission with the
// same name and city merges, and the public page counts signers by city and issue area.
func TestLetters_Lifecycle(t *testing.T) {
	each(t, func(t *testing.T, a *app.App) {
		w := newWinWorld(t, a)
		l, err := a.CreateLetter(ctx, w.coord, w.c.ID, app.LetterText{Title: "Fund the tenant hotline", Body: "We, the undersigned…"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = a.CreateLetter(ctx, w.rep, w.c.ID, app.LetterText{Title: "x", Body: "y"})
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.CreateLetter(ctx, w.coord, w.c.ID, app.LetterText{Title: " ", Body: "y"})
		wantCode(t, err, domain.EINVALID)
		// Members do not see drafts.
		_, err = a.Letter(ctx, w.rep, w.c.ID, l.ID)
		wantCode(t, err, domain.ENOTFOUND)
		if list, _ := a.Letters(ctx, w.rep, w.c.ID); len(list) != 0 {
			t.Errorf("member sees drafts: %+v", list)
		}
		_, err = a.PublicLetter(ctx, l.ID)
		wantCode(t, err, domain.ENOTFOUND)
		_, err = a.SignAsMember(ctx, w.rep, w.c.ID, l.ID, w.one.OrganizationID)
		wantCode(t, err, domain.ENOTFOUND)

		l, err = a.UpdateLetter(ctx, w.coord, w.c.ID, l.ID, app.LetterText{Title: "Fund the tenant hotline now", Body: "We, the undersigned, ask…"}, 1)
		if err != nil || l.Version != 2 {
			t.Fatalf("update: %+v, %v", l, err)
		}
		_, err = a.UpdateLetter(ctx, w.coord, w.c.ID, l.ID, app.LetterText{Title: "Stale", Body: "b"}, 1)
		wantCode(t, err, domain.EPRECONDITION)
		if l, err = a.OpenLetter(ctx, w.coord, w.c.ID, l.ID, 2); err != nil || l.Status != domain.LetterOpen {
			t.Fatalf("open: %+v, %v", l, err)
		}
		_, err = a.UpdateLetter(ctx, w.coord, w.c.ID, l.ID, app.LetterText{Title: "Changed after signing", Body: "b"}, 3)
		wantCode(t, err, domain.ECONFLICT)

		// A member signs for its own organization once; not for another one.
		g, err := a.SignAsMember(ctx, w.rep, w.c.ID, l.ID, w.one.OrganizationID)
		if err != nil || g.Status != domain.SignatureConfirmed || g.OrganizationName != "Org One" {
			t.Fatalf("member signature: %+v, %v", g, err)
		}
		_, err = a.SignAsMember(ctx, w.rep, w.c.ID, l.ID, w.one.OrganizationID)
		wantCode(t, err, domain.ECONFLICT)
		_, err = a.SignAsMember(ctx, w.rep, w.c.ID, l.ID, w.two.OrganizationID)
		wantCode(t, err, domain.EFORBIDDEN)
		_, err = a.SignAsMember(ctx, w.rep, w.c.ID, l.ID, w.strangerOrg)
		wantCode(t, err, domain.EINVALID)
		_, err = a.SignAsMember(ctx, w.strangerUser, w.c.ID, l.ID, w.strangerOrg)
		wantCode(t, err, domain.ENOTFOUND)

		// An organization outside the coalition signs; nothing shows until it confirms.
		youth := domain.Signature{OrganizationName: "Youth Voice, Inc.", City: "St. Paul", IssueArea: "housing", ContactName: "Ana", ContactEmail: "Ana@Example.org"}
		if _, err := a.SignFromOutside(ctx, l.ID, youth, "https://braid.example.org"); err != nil {
			t.Fatal(err)
		}
		bad := youth
		bad.ContactEmail = "not an address"
		_, err = a.SignFromOutside(ctx, l.ID, bad, "https://braid.example.org")
		wantCode(t, err, domain.EINVALID)
		_, err = a.SignFromOutside(ctx, "nope", youth, "https://braid.example.org")
		wantCode(t, err, domain.ENOTFOUND)
		pub, err := a.PublicLetter(ctx, l.ID)
		if err != nil || len(pub.Signers) != 1 {
			t.Fatalf("public before confirmation: %+v, %v", pub, err)
		}
		// The same organization again (other spelling): merged, and a new link is sent.
		again := youth
		again.OrganizationName, again.City, again.ContactName = "youth voice inc", "St Paul", "Ana Lopez"
		if _, err := a.SignFromOutside(ctx, l.ID, again, "https://braid.example.org"); err != nil {
			t.Fatal(err)
		}
		box := &outbox{}
		if n, err := a.DeliverMail(ctx, box, 10); err != nil || n != 2 {
			t.Fatalf("delivered %d, %v", n, err)
		}
		if box.sent[0].To != "ana@example.org" || !strings.Contains(box.sent[1].Body, "Hello Ana Lopez") {
			t.Errorf("mail: %+v", box.sent)
		}
		first := tokenInLink.FindStringSubmatch(box.sent[0].Body)
		last := tokenInLink.FindStringSubmatch(box.sent[1].Body)
		if first == nil || last == nil || !strings.Contains(box.sent[1].Body, "https://braid.example.org/signatures/withdraw?token=") {
			t.Fatalf("no links in %q", box.sent[1].Body)
		}
		// The first link was replaced by the second.
		_, err = a.ConfirmSignature(ctx, first[1])
		wantCode(t, err, domain.ENOTFOUND)
		if g, err := a.ConfirmSignature(ctx, last[1]); err != nil || g.Status != domain.SignatureConfirmed {
			t.Fatalf("confirm: %+v, %v", g, err)
		}
		if _, err := a.ConfirmSignature(ctx, last[1]); err != nil {
			t.Errorf("confirming twice: %v", err)
		}
		_, err = a.SignFromOutside(ctx, l.ID, youth, "https://braid.example.org")
		wantCode(t, err, domain.ECONFLICT)
		if n, _ := a.DeliverMail(ctx, box, 10); n != 0 {
			t.Errorf("sent %d more; the outbox should be empty", n)
		}

		// Public page: two signers; contacts never shown; counts by city and issue area.
		pub, err = a.PublicLetter(ctx, l.ID)
		if err != nil || len(pub.Signers) != 2 {
			t.Fatalf("public: %+v, %v", pub, err)
		}
		if pub.Signers[1].OrganizationName != "youth voice inc" || pub.Signers[1].City != "St Paul" || pub.Signers[0].Member != true {
			t.Errorf("signers = %+v", pub.Signers)
		}
		if len(pub.ByIssueArea) != 2 || pub.ByIssueArea[0] != (app.SignerCount{Value: "", Count: 1}) || pub.ByIssueArea[1] != (app.SignerCount{Value: "housing", Count: 1}) {
			t.Errorf("by issue area = %+v", pub.ByIssueArea)
		}

		// Members see confirmed signatures without contacts; organizers see contacts.
		rec, err := a.Letter(ctx, w.rep, w.c.ID, l.ID)
		if err != nil || len(rec.Signatures) != 2 || rec.Signatures[1].ContactEmail != "" || rec.Mine[0].Signature == nil {
			t.Fatalf("member view: %+v, %v", rec, err)
		}
		rec, _ = a.Letter(ctx, w.coord, w.c.ID, l.ID)
		if rec.Signatures[1].ContactEmail != "ana@example.org" {
			t.Errorf("organizer view lacks the contact: %+v", rec.Signatures[1])
		}

		// Withdrawals: by link, by the member itself; the link cannot bring it back.
		if _, err := a.WithdrawSignatureByLink(ctx, last[1]); err != nil {
			t.Fatal(err)
		}
		_, err = a.ConfirmSignature(ctx, last[1])
		wantCode(t, err, domain.ECONFLICT)
		wantCode(t, a.WithdrawSignature(ctx, w.strangerUser, w.c.ID, l.ID, g.ID), domain.ENOTFOUND)
		if err := a.WithdrawSignature(ctx, w.rep, w.c.ID, l.ID, g.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, a.WithdrawSignature(ctx, w.rep, w.c.ID, l.ID, g.ID), domain.ENOTFOUND)
		if pub, _ = a.PublicLetter(ctx, l.ID); len(pub.Signers) != 0 {
			t.Errorf("withdrawn signers still shown: %+v", pub.Signers)
		}
		// Signing again after withdrawing is allowed; closing stops new signatures.
		if _, err := a.SignAsMember(ctx, w.rep, w.c.ID, l.ID, w.one.OrganizationID); err != nil {
			t.Fatal(err)
		}
		if _, err := a.CloseLetter(ctx, w.coord, w.c.ID, l.ID, 3); err != nil {
			t.Fatal(err)
		}
		_, err = a.SignFromOutside(ctx, l.ID, youth, "https://braid.example.org")
		wantCode(t, err, domain.ECONFLICT)
		if pub, err = a.PublicLetter(ctx, l.ID); err != nil || pub.Status != domain.LetterClosed || len(pub.Signers) != 1 {
			t.Errorf("closed letter: %+v, %v", pub, err)
		}
	})
}
