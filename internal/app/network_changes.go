package app

import (
	"context"
	"time"
)

// EcosystemChanges compares an ecosystem view now with the same view as it stood at the
// end of a past day: the figures then and now, the relationships gained and lost, and
// those whose depth changed. The organizations are today's members in both; only the
// relationships go back in time (from each declaration's history).
type EcosystemChanges struct {
	Since     time.Time
	Then, Now *Ecosystem
	Gained    []Tie       // in Now, not in Then
	Lost      []Tie       // in Then, not in Now
	Deepened  []TieChange // depth grew
	Weakened  []TieChange // depth fell
}

// TieChange is one tie's depth then and now.
type TieChange struct {
	Tie
	DepthThen float64
}

// EcosystemChanges computes the changes of a view since the end of the given day (UTC).
func (a *App) EcosystemChanges(ctx context.Context, actor Actor, scope EcosystemScope, since time.Time) (*EcosystemChanges, error) {
	asOf := since.UTC().Truncate(24 * time.Hour).Add(24*time.Hour - time.Microsecond)
	thenIn, err := a.ecosystemInput(ctx, actor, scope, asOf)
	if err != nil {
		return nil, err
	}
	nowIn, err := a.ecosystemInput(ctx, actor, scope, time.Time{})
	if err != nil {
		return nil, err
	}
	thenIn.derived = nil
	c := &EcosystemChanges{Since: since}
	if c.Then, err = a.computeEcosystem(thenIn); err != nil {
		return nil, err
	}
	if c.Now, err = a.computeEcosystem(nowIn); err != nil {
		return nil, err
	}
	before := map[[2]string]Tie{}
	for _, t := range c.Then.Ties {
		before[[2]string{t.A, t.B}] = t
	}
	for _, t := range c.Now.Ties {
		key := [2]string{t.A, t.B}
		old, ok := before[key]
		delete(before, key)
		switch {
		case !ok:
			c.Gained = append(c.Gained, t)
		case t.Depth > old.Depth:
			c.Deepened = append(c.Deepened, TieChange{Tie: t, DepthThen: old.Depth})
		case t.Depth < old.Depth:
			c.Weakened = append(c.Weakened, TieChange{Tie: t, DepthThen: old.Depth})
		}
	}
	for _, t := range c.Then.Ties { // keep Then's order
		if _, lost := before[[2]string{t.A, t.B}]; lost {
			c.Lost = append(c.Lost, t)
		}
	}
	return c, nil
}
