package decide

import "fmt"

// FieldError is the error Decide returns for invalid input. It names the offending
// field the way the JSON API spells it, with indexes into the Proposal's slices
// ("stances[3].reason", "stances[0].ranking[2]", "eligible[1]", "quorum"), so the
// application can turn it into a field error of its own "invalid" kind.
type FieldError struct {
	Field   string
	VoterID string // The voter whose stance is at fault, "" for other fields.
	Message string // An English sentence, safe to show a user.
}

func (e *FieldError) Error() string {
	if e.VoterID != "" {
		return fmt.Sprintf("decide: %s (voter %q): %s", e.Field, e.VoterID, e.Message)
	}
	return fmt.Sprintf("decide: %s: %s", e.Field, e.Message)
}

// fieldErr builds a *FieldError with a formatted message.
func fieldErr(field, voter, format string, args ...any) *FieldError {
	return &FieldError{Field: field, VoterID: voter, Message: fmt.Sprintf(format, args...)}
}
