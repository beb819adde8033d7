package domain

import (
	"strconv"
	"strings"
	"time"
)

// Fund is money a coalition holds or expects: a grant, pooled dues, an event's
// donations. It is held by a named organization (often a fiscal sponsor) in one
// currency; every movement of its money is a LedgerEntry.
type Fund struct {
	ID                   string    `json:"id"`
	CoalitionID          string    `json:"coalition_id"`
	Name                 string    `json:"name"`
	HolderOrganizationID string    `json:"holder_organization_id,omitempty"`
	HolderName           string    `json:"holder_name"`
	Funder               string    `json:"funder"`
	Restrictions         string    `json:"restrictions"`
	Currency             string    `json:"currency"`
	HeadSeq              int64     `json:"head_seq" doc:"Sequence number of the last entry; 0 when the ledger is empty."`
	HeadHash             string    `json:"head_hash" doc:"Hash of the last entry, as stored with the fund at every append."`
	CreatedBy            string    `json:"created_by"`
	CreatedAt            time.Time `json:"created_at"`
}

// Validate checks a fund's text fields. The currency is checked by the app against
// the ledger's list of ISO 4217 codes.
func (f *Fund) Validate() error {
	var v Validation
	f.Name = strings.TrimSpace(f.Name)
	f.HolderName = strings.TrimSpace(f.HolderName)
	f.Funder = strings.TrimSpace(f.Funder)
	f.Restrictions = strings.TrimSpace(f.Restrictions)
	f.Currency = strings.TrimSpace(f.Currency)
	CheckText(&v, "name", f.Name, 1, MaxName)
	if f.HolderOrganizationID == "" {
		CheckText(&v, "holder_name", f.HolderName, 1, MaxName)
	}
	CheckText(&v, "funder", f.Funder, 0, MaxName)
	CheckText(&v, "restrictions", f.Restrictions, 0, MaxText)
	return v.Err()
}

// LedgerEntry is one movement of a fund's money, as stored. Entries are never edited
// or deleted: a mistake is corrected by a reversing entry (kind correction) naming the
// entry it corrects.
type LedgerEntry struct {
	ID             string    `json:"id"`
	FundID         string    `json:"fund_id"`
	Seq            int64     `json:"seq"`
	Kind           string    `json:"kind" enum:"received,allocated,paid_out,fee,correction"`
	Amount         int64     `json:"amount" doc:"In minor units (cents); a correction carries the corrected amount negated."`
	Currency       string    `json:"currency"`
	OrganizationID string    `json:"organization_id"`
	Corrects       string    `json:"corrects"`
	Memo           string    `json:"memo"`
	ApprovedBy     []string  `json:"approved_by" doc:"Ids of the people who approved the movement."`
	At             time.Time `json:"at"`
	PrevHash       string    `json:"prev_hash"`
	Hash           string    `json:"hash"`
	RecordedBy     string    `json:"recorded_by"`
	RoundID        string    `json:"round_id"`
}

// Contribution kinds.
var ContributionKinds = []string{"organizing", "lobbying", "legal_analysis", "facilitation", "communications",
	"research", "translation_interpretation", "hosting_food", "childcare", "other"}

// Contribution is work a member organization gave the coalition. Time is kept in whole
// minutes so that sums of hours are exact.
type Contribution struct {
	ID             string     `json:"id"`
	CoalitionID    string     `json:"coalition_id"`
	OrganizationID string     `json:"organization_id"`
	PersonID       string     `json:"person_id,omitempty"`
	Day            string     `json:"date" doc:"YYYY-MM-DD"`
	Minutes        int64      `json:"minutes"`
	Kind           string     `json:"kind"`
	Description    string     `json:"description"`
	LinkType       string     `json:"link_type,omitempty"`
	LinkID         string     `json:"link_id,omitempty"`
	ConfirmedBy    string     `json:"confirmed_by,omitempty"`
	ConfirmedAt    *time.Time `json:"confirmed_at,omitempty"`
	CreatedBy      string     `json:"created_by"`
	CreatedAt      time.Time  `json:"created_at"`
}

// Confirmed reports whether a coordinator or the organization's representative
// confirmed the contribution; only confirmed hours count in rounds and reports.
func (c Contribution) Confirmed() bool { return c.ConfirmedAt != nil }

// Allocation round statuses.
const (
	RoundOpen     = "open"
	RoundApproved = "approved"
	// RoundDeclined is a round its proposal did not pass (or passed when the fund could
	// no longer cover it): nothing was written to the ledger.
	RoundDeclined = "declined"
)

// AllocationRound splits an amount of a fund among member organizations by a method.
type AllocationRound struct {
	ID          string      `json:"id"`
	CoalitionID string      `json:"coalition_id"`
	FundID      string      `json:"fund_id"`
	Title       string      `json:"title"`
	Amount      int64       `json:"amount" doc:"In minor units (cents)."`
	Currency    string      `json:"currency"`
	Method      string      `json:"method" enum:"equal,proportional,equity_formula,peer"`
	Params      RoundParams `json:"params"`
	Members     []string    `json:"members" doc:"Organization ids of the members in the round."`
	Status      string      `json:"status" enum:"open,approved"`
	Decision    string      `json:"decision" doc:"How the round is decided: steering (a coordinator or a steering member's representative approves) or proposal (the coalition decides it with a proposal, and the round is approved when it passes)."`
	ProposalID  string      `json:"proposal_id,omitempty" doc:"The proposal that decides the round, for decision proposal."`
	OpenedBy    string      `json:"opened_by"`
	OpenedAt    time.Time   `json:"opened_at"`
	ApprovedBy  string      `json:"approved_by,omitempty"`
	ApprovedAt  *time.Time  `json:"approved_at,omitempty"`
	// Result is the amount per member written to the ledger on approval.
	Result []RoundAmount `json:"result"`
}

// RoundParams are the parameters of a round's method.
type RoundParams struct {
	Min                int64   `json:"min" doc:"Minimum per member in cents; 0 for none."`
	Max                int64   `json:"max" doc:"Maximum per member in cents; 0 for none."`
	From               string  `json:"from,omitempty" doc:"First day of the period whose confirmed hours count (YYYY-MM-DD)."`
	To                 string  `json:"to,omitempty" doc:"Last day of the period whose confirmed hours count (YYYY-MM-DD)."`
	Base               int64   `json:"base" doc:"Equity formula: base share per member, in cents."`
	EqualPercent       float64 `json:"equal_percent" doc:"Equity formula: percentage of the rest split equally."`
	BipocLedWeight     float64 `json:"bipoc_led_weight" doc:"Equity formula: multiplier for BIPOC-led members."`
	MostImpactedWeight float64 `json:"most_impacted_weight" doc:"Equity formula: multiplier for most impacted members."`
	SmallBudgetWeight  float64 `json:"small_budget_weight" doc:"Equity formula: multiplier for the two smallest budget bands."`
}

// RoundAmount is one member's amount in an approved round.
type RoundAmount struct {
	OrganizationID string `json:"organization_id"`
	Amount         int64  `json:"amount"`
}

// PeerPoints are the points one member organization gives the others in a peer round.
type PeerPoints struct {
	Giver  string           `json:"giver_organization_id"`
	Points map[string]int64 `json:"points"`
}

// minorDigits lists the ISO 4217 currencies whose minor unit is not the cent.
var minorDigits = map[string]int{
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
	"RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
}

// MinorDigits returns how many decimal places the currency's minor unit has (2 for most).
func MinorDigits(currency string) int {
	if d, ok := minorDigits[currency]; ok {
		return d
	}
	return 2
}

// ParseAmount reads an amount typed in major units ("1234.5", "1,234.50") as minor
// units of currency. It refuses a negative amount, more decimal places than the
// currency has (a fraction of a cent), and amounts too large to hold.
func ParseAmount(s, currency string) (int64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	digits := MinorDigits(currency)
	bad := func(msg string) (int64, error) { return 0, Errorf(EINVALID, "%s", msg) }
	if s == "" {
		return bad("Enter an amount.")
	}
	if strings.HasPrefix(s, "-") {
		return bad("The amount cannot be negative.")
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > digits {
		return bad("The amount has more decimal places than " + currency + " has: no fractions of a cent.")
	}
	frac += strings.Repeat("0", digits-len(frac))
	if whole == "" {
		whole = "0"
	}
	if strings.ContainsAny(whole+frac, "+-eE ") {
		return bad("Enter the amount as digits, for example 1250.00.")
	}
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || n < 0 || len(whole) > 15 {
		return bad("Enter the amount as digits, for example 1250.00.")
	}
	return n, nil
}

// FormatAmount writes minor units as major units with the currency's decimal places
// and thousands separators: 123456 USD is "1,234.56".
func FormatAmount(amount int64, currency string) string {
	neg := amount < 0
	u := uint64(amount)
	if neg {
		u = uint64(-amount)
	}
	digits := MinorDigits(currency)
	s := strconv.FormatUint(u, 10)
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	whole, frac := s[:len(s)-digits], s[len(s)-digits:]
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if digits > 0 {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// FormatMinutes writes minutes as hours with two decimals: 90 is "1.50".
func FormatMinutes(minutes int64) string {
	h := minutes / 60
	rest := (minutes % 60) * 100 / 60 // Truncated to the hundredth for display only.
	return strconv.FormatInt(h, 10) + "." + leftPad(strconv.FormatInt(rest, 10))
}

func leftPad(s string) string {
	if len(s) < 2 {
		return "0" + s
	}
	return s
}
