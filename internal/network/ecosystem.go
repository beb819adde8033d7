package network

import (
	"cmp"
	"slices"
	"strings"
)

// ecosystem is the validated input in canonical order: organizations by ID, each
// numbered by its index, and ties as index pairs u < v sorted by (u, v). Every
// figure is computed from this form, so the input order never changes a digit.
type ecosystem struct {
	orgs  []Organization // Sorted by ID; areas cleaned and sorted; BipocLed normalised.
	ties  []edge         // Sorted by (u, v).
	adj   [][]int        // adj[u] lists u's partners in increasing order.
	graph *orderedGraph
}

// edge is one tie between organizations u < v (indexes into ecosystem.orgs).
type edge struct {
	u, v  int
	depth float64
}

// newEcosystem validates the input and puts it in canonical order.
func newEcosystem(orgs []Organization, ties []Tie) (*ecosystem, error) {
	e := &ecosystem{orgs: make([]Organization, len(orgs))}
	seen := make(map[string]int, len(orgs))
	for i, o := range orgs {
		if err := checkOrganization(o, i, seen); err != nil {
			return nil, err
		}
		o.IssueAreas = cleanAreas(o.IssueAreas)
		if o.BipocLed == "" {
			o.BipocLed = BipocNotSaid
		}
		e.orgs[i] = o
	}
	slices.SortFunc(e.orgs, func(a, b Organization) int { return strings.Compare(a.ID, b.ID) })
	index := make(map[string]int, len(e.orgs))
	for i, o := range e.orgs {
		index[o.ID] = i
	}
	if err := e.addTies(ties, index); err != nil {
		return nil, err
	}
	e.graph = newOrderedGraph(e)
	return e, nil
}

// checkOrganization reports what is wrong with organization o at index i, if
// anything, and records its ID in seen.
func checkOrganization(o Organization, i int, seen map[string]int) error {
	if o.ID == "" {
		return &InputError{Problem: ErrEmptyID, Index: i}
	}
	if first, dup := seen[o.ID]; dup {
		return &InputError{Problem: ErrDuplicateOrganization, Index: i, ID: o.ID, First: first}
	}
	seen[o.ID] = i
	switch o.BipocLed {
	case "", BipocYes, BipocNo, BipocNotSaid:
		return nil
	}
	return &InputError{Problem: ErrBipocLed, Index: i, ID: o.ID, Other: o.BipocLed}
}

// addTies validates the ties, stores them in canonical order and builds adj.
func (e *ecosystem) addTies(ties []Tie, index map[string]int) error {
	e.ties = make([]edge, 0, len(ties))
	first := make(map[[2]int]int, len(ties))
	for i, t := range ties {
		u, v, err := checkTie(t, i, index)
		if err != nil {
			return err
		}
		if f, dup := first[[2]int{u, v}]; dup {
			return &InputError{Problem: ErrDuplicateTie, Index: i, ID: t.A, Other: t.B, First: f}
		}
		first[[2]int{u, v}] = i
		e.ties = append(e.ties, edge{u, v, t.Depth})
	}
	slices.SortFunc(e.ties, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.u, b.u), cmp.Compare(a.v, b.v))
	})
	e.adj = make([][]int, len(e.orgs))
	for _, t := range e.ties {
		e.adj[t.u] = append(e.adj[t.u], t.v)
		e.adj[t.v] = append(e.adj[t.v], t.u)
	}
	for _, a := range e.adj {
		slices.Sort(a)
	}
	return nil
}

// checkTie reports what is wrong with tie t at index i, if anything, and otherwise
// returns the indexes of its ends with u < v.
func checkTie(t Tie, i int, index map[string]int) (u, v int, err error) {
	u, okA := index[t.A]
	v, okB := index[t.B]
	switch {
	case !okA:
		return 0, 0, &InputError{Problem: ErrUnknownOrganization, Index: i, ID: t.A, Other: t.B}
	case !okB:
		return 0, 0, &InputError{Problem: ErrUnknownOrganization, Index: i, ID: t.B, Other: t.A}
	case u == v:
		return 0, 0, &InputError{Problem: ErrSelfTie, Index: i, ID: t.A, Other: t.B}
	case !(t.Depth >= MinDepth && t.Depth <= MaxDepth): // Also rejects NaN.
		return 0, 0, &InputError{Problem: ErrDepth, Index: i, ID: t.A, Other: t.B, Depth: t.Depth}
	}
	return min(u, v), max(u, v), nil
}

// cleanAreas returns the distinct non-empty areas in order.
func cleanAreas(areas []string) []string {
	out := make([]string, 0, len(areas))
	for _, a := range areas {
		if a != "" {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
