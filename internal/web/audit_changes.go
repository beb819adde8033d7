package web

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/braid-org/braid/internal/web/i18n"
)

// auditChange is one line of an entry: "field: from → to" for a change, "field: value"
// for a value recorded when something was created.
type auditChange struct {
	Field    string
	From, To string
	Changed  bool
}

// translatedOr returns the message for key, or fallback when the catalog has none (the
// log keeps actions that later code may no longer name).
func translatedOr(loc *i18n.Localizer, key, fallback string) string {
	if s := loc.T(key); s != key {
		return s
	}
	return fallback
}

// auditVocabulary names the message families of fields whose values are vocabulary:
// membership roles and statuses, phases, budget bands, BIPOC-led answers, kinds of
// organization, skill levels, and the profile fields an organization shows publicly.
var auditVocabulary = map[string]string{"role": "common.role.", "status": "common.status.", "phase": "common.phase.",
	"budget_band": "common.budget.", "bipoc_led": "common.bipoc.", "kind": "common.kind.", "level": "common.skill.",
	"fields": "public.field."}

// auditActionVocabulary overrides auditVocabulary for the actions whose fields share a
// name with another's: an access role is not a membership role.
var auditActionVocabulary = map[string]map[string]string{"access.update": {"role": "access.role."},
	"win.create": {"kind": "win.kind.", "size": "win.size."}, "win.update": {"kind": "win.kind.", "size": "win.size."},
	"win.delete": {"kind": "win.kind.", "size": "win.size."}}

// auditText renders an entry's recorded values in the reader's language.
type auditText struct {
	loc   *i18n.Localizer
	vocab map[string]string
}

// auditChanges turns an entry's JSON changes into lines sorted by field. A value that
// is an object (the public profile settings) becomes one line per part, and of a change
// only the parts that changed, so that each line reads on its own on a narrow screen.
func auditChanges(loc *i18n.Localizer, action string, raw json.RawMessage) []auditChange {
	var fields map[string]any
	if decodeJSON(raw, &fields) != nil {
		return nil
	}
	a := auditText{loc: loc, vocab: auditVocabulary}
	if over, ok := auditActionVocabulary[action]; ok {
		a.vocab = maps.Clone(auditVocabulary)
		maps.Copy(a.vocab, over)
	}
	out := []auditChange{}
	for _, k := range sortedKeys(fields) {
		// Record ids (invitation_id, ...) mean nothing to a reader; the API keeps them.
		if strings.HasSuffix(k, "_id") {
			continue
		}
		v := fields[k]
		if pair, ok := v.(map[string]any); ok && len(pair) == 2 && hasKeys(pair, "from", "to") {
			out = append(out, a.lines(k, pair["from"], pair["to"], true)...)
		} else {
			out = append(out, a.lines(k, nil, v, false)...)
		}
	}
	return out
}

// lines renders one field: a line, or a line per part of an object.
func (a auditText) lines(field string, from, to any, changed bool) []auditChange {
	fromObj, fok := from.(map[string]any)
	toObj, tok := to.(map[string]any)
	if !fok && !tok {
		return []auditChange{{Field: a.fieldName(field), From: a.value(field, from), To: a.value(field, to), Changed: changed}}
	}
	parts := slices.Concat(slices.Collect(maps.Keys(fromObj)), slices.Collect(maps.Keys(toObj)))
	slices.Sort(parts)
	var out []auditChange
	for _, k := range slices.Compact(parts) {
		if changed && reflect.DeepEqual(fromObj[k], toObj[k]) {
			continue
		}
		out = append(out, a.lines(k, fromObj[k], toObj[k], changed)...)
	}
	return out
}

func (a auditText) fieldName(field string) string {
	return translatedOr(a.loc, "audit.field."+field, strings.ReplaceAll(field, "_", " "))
}

// value renders one recorded value of field briefly: vocabulary in the reader's
// language, text cut at 280 characters, lists joined with commas, a skill as "Door
// knocking (can teach)", yes/no for booleans, other objects as "name: value" pairs, ""
// for nothing.
func (a auditText) value(field string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if prefix, ok := a.vocab[field]; ok {
			return translatedOr(a.loc, prefix+x, x)
		}
		if utf8.RuneCountInString(x) > 280 {
			return string([]rune(x)[:280]) + "…"
		}
		return x
	case bool:
		if x {
			return a.loc.T("common.yes")
		}
		return a.loc.T("common.no")
	case json.Number:
		return x.String()
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, a.value(field, e))
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		if name, ok := x["name"].(string); ok && hasKeys(x, "level") && len(x) == 2 {
			return a.loc.T("org.skill_with_level", "Skill", name, "Level", a.value("level", x["level"]))
		}
		parts := make([]string, 0, len(x))
		for _, k := range sortedKeys(x) {
			parts = append(parts, a.fieldName(k)+": "+a.value(k, x[k]))
		}
		return strings.Join(parts, "; ")
	}
	return ""
}

// decodeJSON decodes raw keeping numbers as written.
func decodeJSON(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	return dec.Decode(v)
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

func hasKeys(m map[string]any, keys ...string) bool {
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	return true
}
