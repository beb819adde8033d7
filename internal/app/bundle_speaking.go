package app

import (
	"github.com/braid-org/braid/internal/bundle"
)

// speakingIDs adds the ids of the bundle's speaking turns to ids.
func speakingIDs(b *bundle.Bundle, ids recordIDs) {
	for i, t := range b.SpeakingTurns {
		ids.add("speaking_turns", t.ID, "/speaking_turns/%d/id", i)
	}
}
