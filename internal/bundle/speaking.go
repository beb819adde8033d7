package bundle

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/braid-org/braid/internal/domain"
)

// SpeakingTurn is one finished turn in a meeting's speaking queue: which organization
// spoke, when and for how long, which the speaking_time dimension counts. Who spoke is an
// account and stays behind; so do queues still open and hands still raised.
type SpeakingTurn struct {
	ID             string    `json:"id"`
	MeetingID      string    `json:"meeting_id"`
	OrganizationID string    `json:"organization_id"`
	StartedAt      time.Time `json:"started_at"`
	EndedAt        time.Time `json:"ended_at"`
	Seconds        int       `json:"seconds"`
}

// SpeakingContents is the finished speaking turns as domain values, by meeting (see Contents).
type SpeakingContents struct {
	SpeakingTurns map[string][]domain.SpeakingTurn
}

func (b *Bundle) addSpeaking(c SpeakingContents) {
	for meeting, turns := range c.SpeakingTurns {
		for _, t := range turns {
			if t.EndedAt == nil {
				continue
			}
			b.SpeakingTurns = append(b.SpeakingTurns, SpeakingTurn{ID: t.ID, MeetingID: meeting, OrganizationID: t.OrganizationID,
				StartedAt: canonicalTime(t.StartedAt), EndedAt: canonicalTime(*t.EndedAt), Seconds: t.Seconds})
		}
	}
}

func (b *Bundle) sortSpeaking() {
	b.SpeakingTurns = orEmpty(b.SpeakingTurns)
	slices.SortFunc(b.SpeakingTurns, func(x, y SpeakingTurn) int { return cmp.Compare(x.ID, y.ID) })
}

func (b *Bundle) speaking() SpeakingContents {
	c := SpeakingContents{SpeakingTurns: map[string][]domain.SpeakingTurn{}}
	for _, t := range b.SpeakingTurns {
		ended := t.EndedAt
		c.SpeakingTurns[t.MeetingID] = append(c.SpeakingTurns[t.MeetingID], domain.SpeakingTurn{ID: t.ID, OrganizationID: t.OrganizationID,
			StartedAt: t.StartedAt, EndedAt: &ended, Seconds: t.Seconds})
	}
	return c
}

func checkSpeaking(b *Bundle, ix *index, r *report) {
	ids := map[string]int{}
	for i := range b.SpeakingTurns {
		t := &b.SpeakingTurns[i]
		path := fmt.Sprintf("/speaking_turns/%d", i)
		r.reference(ix.meetings, t.MeetingID, path+"/meeting_id", "meeting")
		if t.OrganizationID != "" {
			r.reference(ix.orgs, t.OrganizationID, path+"/organization_id", "organization")
		}
		if t.Seconds < 0 {
			r.addUnlessCovered(path+"/seconds", "A turn lasts 0 seconds or more.")
		}
		r.unique(ids, t.ID, i, path, "/speaking_turns")
		r.times(path, map[string]*timeField{"started_at": {t: &t.StartedAt}, "ended_at": {t: &t.EndedAt}})
	}
}
