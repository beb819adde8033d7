package network

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by every error about bad input, so that callers can map it to
// their "invalid" error code with errors.Is.
var ErrInvalid = errors.New("network: invalid input")

// Problems an *InputError names. Each is also matched by errors.Is.
var (
	ErrEmptyID               = errors.New("organization without an ID")
	ErrDuplicateOrganization = errors.New("organization listed twice")
	ErrBipocLed              = errors.New("unknown bipoc_led value")
	ErrSelfTie               = errors.New("tie to oneself")
	ErrDepth                 = errors.New("depth outside 1–5")
	ErrUnknownOrganization   = errors.New("tie names an unknown organization")
	ErrDuplicateTie          = errors.New("duplicate tie")
)

// InputError says what is wrong with one organization or one tie of the input.
type InputError struct {
	Problem error   // One of the Err* problems above.
	Index   int     // Index of the offending organization or tie in its slice.
	ID      string  // The organization concerned (for a tie, the unknown one or A).
	Other   string  // For a tie, its other end.
	Depth   float64 // For ErrDepth, the depth given.
	First   int     // For a duplicate, the index of the first occurrence.
}

// Error describes the problem in a sentence naming the organizations involved.
func (e *InputError) Error() string {
	var what string
	switch e.Problem {
	case ErrEmptyID:
		what = fmt.Sprintf("organization %d has no ID", e.Index)
	case ErrDuplicateOrganization:
		what = fmt.Sprintf("organization %q is listed twice (at %d and %d)", e.ID, e.First, e.Index)
	case ErrBipocLed:
		what = fmt.Sprintf("organization %q has bipoc_led %q; want yes, no or not_said", e.ID, e.Other)
	case ErrSelfTie:
		what = fmt.Sprintf("tie %d joins organization %q to itself", e.Index, e.ID)
	case ErrDepth:
		what = fmt.Sprintf("tie %d between %q and %q has depth %v; want 1 to 5", e.Index, e.ID, e.Other, e.Depth)
	case ErrUnknownOrganization:
		what = fmt.Sprintf("tie %d names unknown organization %q", e.Index, e.ID)
	case ErrDuplicateTie:
		what = fmt.Sprintf("tie %d between %q and %q repeats tie %d; merge both sides into one tie", e.Index, e.ID, e.Other, e.First)
	default:
		what = fmt.Sprintf("item %d: %v", e.Index, e.Problem)
	}
	return "network: " + what
}

// Unwrap lets errors.Is match both ErrInvalid and the problem.
func (e *InputError) Unwrap() []error { return []error{ErrInvalid, e.Problem} }
