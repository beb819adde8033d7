package allocate

import "fmt"

// InputError reports one invalid input. Field names the offending field the way the
// JSON API spells it ("pool", "members[2].hours", "points[org-a]", "max"), so the app
// can turn the error into a field error of an RFC 9457 problem document.
type InputError struct {
	Field   string
	Message string
}

func (e *InputError) Error() string { return "allocate: " + e.Field + ": " + e.Message }

// inputErr builds an *InputError with a formatted message.
func inputErr(field, format string, args ...any) *InputError {
	return &InputError{Field: field, Message: fmt.Sprintf(format, args...)}
}
