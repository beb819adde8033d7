package bundle

import (
	"fmt"
	"time"

	"github.com/braid-org/braid/internal/domain"
	"github.com/braid-org/braid/internal/ledger"
)

// checkMoney checks funds and their ledgers (each entry valid, the chain intact from
// genesis to the fund's head, by the same canonical form and verification as the
// deployment's own), contributions and allocation rounds.
func checkMoney(b *Bundle, ix *index, r *report) {
	funds := map[string]int{}
	entryIDs := map[string]int{}
	for i := range b.Funds {
		f := &b.Funds[i]
		path := fmt.Sprintf("/funds/%d", i)
		df := domain.Fund{Name: f.Name, HolderName: f.HolderName, HolderOrganizationID: f.HolderOrganizationID, Funder: f.Funder, Restrictions: f.Restrictions}
		r.domainErrors(path, df.Validate())
		f.Name, f.HolderName, f.Funder, f.Restrictions = df.Name, df.HolderName, df.Funder, df.Restrictions
		if !ledger.IsCurrency(f.Currency) {
			r.addUnlessCovered(path+"/currency", "Use an ISO 4217 currency code such as USD.")
		}
		if f.HolderOrganizationID != "" {
			r.reference(ix.orgs, f.HolderOrganizationID, path+"/holder_organization_id", "organization")
		}
		r.unique(funds, f.ID, i, path, "/funds")
		r.checkTime(path+"/created_at", f.CreatedAt)
		entries := make([]ledger.Entry, len(f.Entries))
		for j, e := range f.Entries {
			r.unique(entryIDs, e.ID, 0, fmt.Sprintf("%s/entries/%d", path, j), "Another ledger entry")
			entries[j] = ledger.Entry{ID: e.ID, FundID: f.ID, Seq: e.Seq, Kind: e.Kind, Amount: e.Amount, Currency: e.Currency,
				OrganizationID: e.OrganizationID, Corrects: e.Corrects, Memo: e.Memo, ApprovedBy: e.ApprovedBy, At: e.At,
				PrevHash: e.PrevHash, Hash: e.Hash}
			if err := ledger.Validate(entries[j]); err != nil {
				r.addUnlessCovered(fmt.Sprintf("%s/entries/%d", path, j), err.Error())
			}
		}
		for _, br := range ledger.Verify(entries) {
			r.addUnlessCovered(fmt.Sprintf("%s/entries/%d/hash", path, br.Seq-1), "The ledger's chain is broken here: "+br.Detail)
		}
		if seq, head := ledger.Head(entries); seq != f.HeadSeq || head != f.HeadHash {
			r.addUnlessCovered(path+"/head_hash", "The fund's head does not match the last entry of its ledger.")
		}
	}
	checkContributions(b, ix, r)
	checkRounds(b, ix, r, funds)
}

func checkContributions(b *Bundle, ix *index, r *report) {
	ids := map[string]int{}
	for i := range b.Contributions {
		c := &b.Contributions[i]
		path := fmt.Sprintf("/contributions/%d", i)
		if !domain.OneOf(c.Kind, domain.ContributionKinds) {
			r.addUnlessCovered(path+"/kind", "Choose one of the kinds of contribution.")
		}
		if c.Minutes <= 0 || c.Minutes > 24*60 {
			r.addUnlessCovered(path+"/minutes", "A day's contribution is between 1 minute and 24 hours.")
		}
		if !validDay(c.Day) {
			r.addUnlessCovered(path+"/day", "Write the day as YYYY-MM-DD.")
		}
		r.reference(ix.orgs, c.OrganizationID, path+"/organization_id", "organization")
		if c.PersonID != "" {
			r.reference(ix.people, c.PersonID, path+"/person_id", "person")
		}
		r.unique(ids, c.ID, i, path, "/contributions")
		r.times(path, map[string]*timeField{"created_at": {t: &c.CreatedAt}, "confirmed_at": {p: &c.ConfirmedAt}})
	}
}

func checkRounds(b *Bundle, ix *index, r *report, funds map[string]int) {
	ids := map[string]int{}
	for i := range b.AllocationRounds {
		x := &b.AllocationRounds[i]
		path := fmt.Sprintf("/allocation_rounds/%d", i)
		r.reference(funds, x.FundID, path+"/fund_id", "fund")
		if x.Status != domain.RoundOpen && x.Status != domain.RoundApproved && x.Status != domain.RoundDeclined {
			r.addUnlessCovered(path+"/status", "Choose open, approved or declined.")
		}
		if x.ProposalID != "" && !proposalInBundle(b, x.ProposalID) {
			r.addUnlessCovered(path+"/proposal_id", fmt.Sprintf("No proposal in this bundle has the id %q.", x.ProposalID))
		}
		for j, m := range x.Members {
			r.reference(ix.orgs, m, fmt.Sprintf("%s/members/%d", path, j), "organization")
		}
		r.unique(ids, x.ID, i, path, "/allocation_rounds")
		r.times(path, map[string]*timeField{"opened_at": {t: &x.OpenedAt}, "approved_at": {p: &x.ApprovedAt}})
	}
}

func validDay(s string) bool {
	_, err := time.Parse(domain.DateLayout, s)
	return err == nil
}

func proposalInBundle(b *Bundle, id string) bool {
	for _, p := range b.Proposals {
		if p.ID == id {
			return true
		}
	}
	return false
}
