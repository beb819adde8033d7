package bundle

import (
	"cmp"
	"maps"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// Coalition health records (issue 7) travel only when a coordinator asks for them at
// export: closed check-ins with their anonymous responses (never who answered: that list
// stays behind, and a response's id is random, so nothing in the bundle links an answer to
// a person), and tensions with their organization parties, principles and history (who
// raised or facilitated a tension, wrote an entry, or is a party as a person is an
// account, and stays behind). Open check-ins stay behind: without the list of who
// answered, they would take a second answer.

// CheckIn is a closed health check-in with its responses.
type CheckIn struct {
	ID         string            `json:"id"`
	Title      string            `json:"title"`
	Instrument int               `json:"instrument"`
	OpenedAt   time.Time         `json:"opened_at"`
	ClosedAt   time.Time         `json:"closed_at"`
	Responses  []CheckInResponse `json:"responses"`
}

// CheckInResponse is one anonymous response: a rating per statement and the answering
// organization's groups ("yes", "no" or "" for each).
type CheckInResponse struct {
	ID           string         `json:"id"`
	Ratings      map[string]int `json:"ratings"`
	BipocLed     string         `json:"bipoc_led"`
	MostImpacted string         `json:"most_impacted"`
}

// Tension is a named tension with its process.
type Tension struct {
	ID           string         `json:"id"`
	Title        string         `json:"title"`
	Description  string         `json:"description"`
	Kind         string         `json:"kind"`
	State        string         `json:"state"`
	Visibility   string         `json:"visibility"`
	FollowUpOn   string         `json:"follow_up_on"` // YYYY-MM-DD or ""
	CreatedAt    time.Time      `json:"created_at"`
	UpdatedAt    time.Time      `json:"updated_at"`
	Parties      []TensionParty `json:"parties"`
	PrincipleIDs []string       `json:"principle_ids"`
	Entries      []TensionEntry `json:"entries"`
}

// TensionParty is an organization or person party to a tension.
type TensionParty struct {
	Type          string `json:"type"`
	ID            string `json:"id"`
	AgreedToWiden bool   `json:"agreed_to_widen"`
}

// TensionEntry is a dated line of a tension's history.
type TensionEntry struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"`
	Body      string    `json:"body"`
	FromState string    `json:"from_state"`
	ToState   string    `json:"to_state"`
	CreatedAt time.Time `json:"created_at"`
}

// HealthContents is the health records as domain values (see Contents); empty unless a
// coordinator asked for them.
type HealthContents struct {
	CheckIns  []domain.CheckIn
	Responses map[string][]domain.CheckInResponse // by check-in id
	Tensions  []domain.Tension                    // each with Parties, PrincipleIDs and Entries
}

func (b *Bundle) addHealth(c HealthContents) {
	for _, ci := range c.CheckIns {
		if ci.ClosedAt == nil {
			continue
		}
		out := CheckIn{ID: ci.ID, Title: ci.Title, Instrument: ci.Instrument, OpenedAt: canonicalTime(ci.OpenedAt), ClosedAt: canonicalTime(*ci.ClosedAt)}
		for _, r := range c.Responses[ci.ID] {
			out.Responses = append(out.Responses, CheckInResponse{ID: r.ID, Ratings: maps.Clone(r.Ratings), BipocLed: r.BipocLed, MostImpacted: r.MostImpacted})
		}
		b.CheckIns = append(b.CheckIns, out)
	}
	for _, t := range c.Tensions {
		out := Tension{ID: t.ID, Title: t.Title, Description: t.Description, Kind: t.Kind, State: t.State, Visibility: t.Visibility,
			FollowUpOn: formatDay(t.FollowUpOn), CreatedAt: canonicalTime(t.CreatedAt), UpdatedAt: canonicalTime(t.UpdatedAt),
			PrincipleIDs: slices.Clone(t.PrincipleIDs)}
		for _, p := range t.Parties {
			if p.Type == domain.PartyOrganization {
				out.Parties = append(out.Parties, TensionParty{p.Type, p.ID, p.AgreedToWiden})
			}
		}
		for _, e := range t.Entries {
			out.Entries = append(out.Entries, TensionEntry{e.ID, e.Kind, e.Body, e.FromState, e.ToState, canonicalTime(e.CreatedAt)})
		}
		b.Tensions = append(b.Tensions, out)
	}
}

func (b *Bundle) sortHealth() {
	b.CheckIns, b.Tensions = orEmpty(b.CheckIns), orEmpty(b.Tensions)
	slices.SortFunc(b.CheckIns, func(x, y CheckIn) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.CheckIns {
		c := &b.CheckIns[i]
		c.Responses = orEmpty(c.Responses)
		slices.SortFunc(c.Responses, func(x, y CheckInResponse) int { return cmp.Compare(x.ID, y.ID) })
	}
	slices.SortFunc(b.Tensions, func(x, y Tension) int { return cmp.Compare(x.ID, y.ID) })
	for i := range b.Tensions {
		t := &b.Tensions[i]
		t.Parties, t.PrincipleIDs, t.Entries = orEmpty(t.Parties), orEmpty(t.PrincipleIDs), orEmpty(t.Entries)
		slices.SortFunc(t.Parties, func(x, y TensionParty) int { return cmp.Or(cmp.Compare(x.Type, y.Type), cmp.Compare(x.ID, y.ID)) })
		slices.Sort(t.PrincipleIDs)
		slices.SortFunc(t.Entries, func(x, y TensionEntry) int { return cmp.Compare(x.ID, y.ID) })
	}
}

// health returns the bundle's health records as domain values; accounts are empty.
func (b *Bundle) health() HealthContents {
	c := HealthContents{Responses: map[string][]domain.CheckInResponse{}}
	for _, ci := range b.CheckIns {
		closed := ci.ClosedAt
		c.CheckIns = append(c.CheckIns, domain.CheckIn{ID: ci.ID, CoalitionID: b.Coalition.ID, Title: ci.Title, Instrument: ci.Instrument,
			OpenedAt: ci.OpenedAt, ClosedAt: &closed, Respondents: len(ci.Responses)})
		for _, r := range ci.Responses {
			c.Responses[ci.ID] = append(c.Responses[ci.ID], domain.CheckInResponse{ID: r.ID, Ratings: maps.Clone(r.Ratings),
				BipocLed: r.BipocLed, MostImpacted: r.MostImpacted})
		}
	}
	for _, t := range b.Tensions {
		dt := domain.Tension{ID: t.ID, CoalitionID: b.Coalition.ID, Title: t.Title, Description: t.Description, Kind: t.Kind, State: t.State,
			Visibility: t.Visibility, FollowUpOn: parseDay(t.FollowUpOn), CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt, Version: 1,
			PrincipleIDs: slices.Clone(t.PrincipleIDs), Parties: []domain.TensionParty{}}
		for _, p := range t.Parties {
			dt.Parties = append(dt.Parties, domain.TensionParty{Type: p.Type, ID: p.ID, AgreedToWiden: p.AgreedToWiden})
		}
		for _, e := range t.Entries {
			dt.Entries = append(dt.Entries, domain.TensionEntry{ID: e.ID, TensionID: t.ID, Kind: e.Kind, Body: e.Body, FromState: e.FromState,
				ToState: e.ToState, CreatedAt: e.CreatedAt})
		}
		c.Tensions = append(c.Tensions, dt)
	}
	return c
}
