package bundle

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaJSON is the JSON Schema (draft 2020-12) of a bundle of the current version.
//
//go:embed schema/bundle-v2.schema.json
var SchemaJSON []byte

// SchemaV1JSON is the JSON Schema of a version 1 bundle, which Parse still reads.
//
//go:embed schema/bundle-v1.schema.json
var SchemaV1JSON []byte

// SchemaURL and SchemaV1URL are the schemas' $id.
const (
	SchemaURL   = "https://github.com/braid-org/braid/internal/bundle/schema/bundle-v2.schema.json"
	SchemaV1URL = "https://github.com/braid-org/braid/internal/bundle/schema/bundle-v1.schema.json"
)

// Problem is one thing wrong with a bundle. Path is a JSON pointer (RFC 6901) to the
// offending value, such as /memberships/3/role; "" is the whole document.
type Problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// maxProblems bounds the problems reported for one document, so that a large broken
// file gives a readable answer.
const maxProblems = 100

// Validate returns every problem with raw as a bundle, nil when it has none.
// It checks the schema, then references between records, duplicate ids and the
// domain's validation of every record.
func Validate(raw []byte) []Problem {
	_, problems := Parse(raw)
	return problems
}

// Parse decodes and validates raw. It returns the bundle, normalized as the domain
// normalizes its records (trimmed text, de-duplicated labels, UTC times), when there is
// no problem, and otherwise nil and the problems sorted by path (array indexes as
// numbers). It refuses documents larger than MaxBundleBytes, unknown fields and
// anything after the document. The bundle keeps the order of the document's arrays, so
// a path such as /memberships/3 names the same record in the bundle. A version 1
// document is checked against the version 1 schema and returned as a bundle of the
// current version whose newer lists are empty.
func Parse(raw []byte) (*Bundle, []Problem) {
	if len(raw) > MaxBundleBytes {
		return nil, []Problem{{"", fmt.Sprintf("The bundle is larger than %d MiB.", MaxBundleBytes>>20)}}
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, []Problem{{"", "This is not a JSON document: " + err.Error()}}
	}
	version, p := checkHeader(doc)
	if p != nil {
		return nil, []Problem{*p}
	}
	r := newReport()
	r.validateSchema(doc, version)
	if r.paths[""] {
		return nil, r.list()
	}
	if !r.empty() {
		// Drop the values the schema refused, so that the rest can still be decoded and
		// its references checked: one pass lists as many problems as it can.
		for path := range r.paths {
			prune(doc, path)
		}
		if raw, err = json.Marshal(doc); err != nil {
			return nil, r.list()
		}
	}
	b, err := decodeStrict(raw)
	if err != nil {
		r.add("", "The bundle does not match the format: "+err.Error())
		return nil, r.list()
	}
	check(b, r)
	if !r.empty() {
		return nil, r.list()
	}
	b.upgrade()
	return b, nil
}

// upgrade makes a bundle of an older version one of the current version: the lists
// it could not hold are empty.
func (b *Bundle) upgrade() {
	b.Version = Version
	b.Workstreams, b.Tasks, b.Meetings = orEmpty(b.Workstreams), orEmpty(b.Tasks), orEmpty(b.Meetings)
	b.Attendance, b.Commitments = orEmpty(b.Attendance), orEmpty(b.Commitments)
	b.PhaseChanges, b.Wins = orEmpty(b.PhaseChanges), orEmpty(b.Wins)
	b.Proposals, b.SteppingBacks = orEmpty(b.Proposals), orEmpty(b.SteppingBacks)
	b.Targets, b.AsksOffers, b.SkillNeeds = orEmpty(b.Targets), orEmpty(b.AsksOffers), orEmpty(b.SkillNeeds)
	b.Relationships, b.RelationshipHistory = orEmpty(b.Relationships), orEmpty(b.RelationshipHistory)
	b.SignOnLetters, b.CheckIns, b.Tensions = orEmpty(b.SignOnLetters), orEmpty(b.CheckIns), orEmpty(b.Tensions)
	b.Funds, b.Contributions, b.AllocationRounds = orEmpty(b.Funds), orEmpty(b.Contributions), orEmpty(b.AllocationRounds)
	b.SpeakingTurns = orEmpty(b.SpeakingTurns)
}

// checkHeader refuses a document that is not a bundle, or a bundle of a version this
// Braid does not read, with one problem instead of a schema error for every field. It
// returns the version to check the document against: the current one when the
// document does not say (the schema then reports the missing field).
func checkHeader(doc any) (int, *Problem) {
	obj, ok := doc.(map[string]any)
	if !ok {
		return 0, &Problem{"", "A bundle is a JSON object."}
	}
	if f, ok := obj["format"].(string); ok && f != Format {
		return 0, &Problem{"/format", fmt.Sprintf("This is not a Braid bundle (format %q).", f)}
	}
	if v, ok := obj["version"].(json.Number); ok {
		n, ok := new(big.Rat).SetString(string(v))
		for version := 1; ok && version <= Version; version++ {
			if n.Cmp(big.NewRat(int64(version), 1)) == 0 {
				return version, nil
			}
		}
		return 0, &Problem{"/version", fmt.Sprintf("This bundle is version %s; this Braid reads versions 1 to %d.", v, Version)}
	}
	return Version, nil
}

// decodeStrict decodes raw into a Bundle, refusing unknown fields and trailing data.
func decodeStrict(raw []byte) (*Bundle, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var b Bundle
	if err := dec.Decode(&b); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the bundle")
	}
	return &b, nil
}
