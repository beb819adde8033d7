package bundle

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// report collects the problems of one document. A value with a schema problem is not
// reported again by the domain checks, so each mistake shows once.
type report struct {
	problems []Problem
	seen     map[Problem]bool
	// paths holds every path with a problem; parents every proper ancestor of one.
	paths, parents map[string]bool
}

func newReport() *report {
	return &report{seen: map[Problem]bool{}, paths: map[string]bool{}, parents: map[string]bool{}}
}

func (r *report) empty() bool { return len(r.problems) == 0 }

// add records a problem, once.
func (r *report) add(path, message string) {
	p := Problem{path, message}
	if r.seen[p] {
		return
	}
	r.seen[p] = true
	r.problems = append(r.problems, p)
	r.paths[path] = true
	for i := strings.LastIndexByte(path, '/'); i >= 0; i = strings.LastIndexByte(path, '/') {
		path = path[:i]
		r.parents[path] = true
	}
}

// addf records a problem with a formatted message.
func (r *report) addf(path, format string, args ...any) { r.add(path, fmt.Sprintf(format, args...)) }

// covered reports whether path, a value inside it or a value containing it already has
// a problem.
func (r *report) covered(path string) bool {
	if r.paths[path] || r.parents[path] {
		return true
	}
	for i := strings.LastIndexByte(path, '/'); i >= 0; i = strings.LastIndexByte(path, '/') {
		path = path[:i]
		if r.paths[path] {
			return true
		}
	}
	return false
}

// addUnlessCovered records a problem unless the value already has one.
func (r *report) addUnlessCovered(path, message string) {
	if !r.covered(path) {
		r.add(path, message)
	}
}

// list returns the problems sorted by path (array indexes compared as numbers),
// at most maxProblems of them and then a note of how many more there are.
func (r *report) list() []Problem {
	out := slices.Clone(r.problems)
	slices.SortStableFunc(out, func(a, b Problem) int { return comparePointers(a.Path, b.Path) })
	if len(out) > maxProblems {
		more := len(out) - maxProblems
		out = append(out[:maxProblems], Problem{"", fmt.Sprintf("%d more problems are not shown.", more)})
	}
	return out
}

// comparePointers orders JSON pointers token by token, numeric tokens as numbers.
func comparePointers(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i] == tb[i] {
			continue
		}
		na, errA := strconv.Atoi(ta[i])
		nb, errB := strconv.Atoi(tb[i])
		if errA == nil && errB == nil {
			return cmp.Compare(na, nb)
		}
		return cmp.Compare(ta[i], tb[i])
	}
	return cmp.Compare(len(ta), len(tb))
}
