package network

// CrossIssue counts the ties that join organizations with no issue area in common,
// the ties that cross silos. A tie with an end that names no issue area cannot be
// classified: it is counted apart and left out of the share, so that missing
// profiles do not pass for bridges.
type CrossIssue struct {
	Classified   int      `json:"classified"`   // Ties whose two ends each name at least one issue area.
	Cross        int      `json:"cross"`        // Classified ties whose ends share no issue area.
	Unclassified int      `json:"unclassified"` // Ties with an end naming no issue area.
	Share        *float64 `json:"share"`        // Cross / Classified; nil when no tie is classified.
}

// crossIssue counts the cross-issue ties of e.
func crossIssue(e *ecosystem) CrossIssue {
	var c CrossIssue
	for _, t := range e.ties {
		a, b := e.orgs[t.u].IssueAreas, e.orgs[t.v].IssueAreas
		switch {
		case len(a) == 0 || len(b) == 0:
			c.Unclassified++
		case !shareAny(a, b):
			c.Classified++
			c.Cross++
		default:
			c.Classified++
		}
	}
	if c.Classified > 0 {
		c.Share = ptr(float64(c.Cross) / float64(c.Classified))
	}
	return c
}

// shareAny reports whether the sorted lists a and b have an element in common.
func shareAny(a, b []string) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}
