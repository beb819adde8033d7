package web

import (
	"bytes"
	"encoding/json"
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

// auditChanges turns an entry's JSON changes into lines sorted by field.
func auditChanges(loc *i18n.Localizer, raw json.RawMessage) []auditChange {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]auditChange, 0, len(keys))
	for _, k := range keys {
		// Record ids (invitation_id, ...) mean nothing to a reader; the API keeps them.
		if strings.HasSuffix(k, "_id") {
			continue
		}
		c := auditChange{Field: auditFieldName(loc, k)}
		var pair map[string]json.RawMessage
		if json.Unmarshal(fields[k], &pair) == nil && len(pair) == 2 && pair["from"] != nil && pair["to"] != nil {
			c.Changed, c.From, c.To = true, auditValue(loc, k, pair["from"]), auditValue(loc, k, pair["to"])
		} else {
			c.To = auditValue(loc, k, fields[k])
		}
		out = append(out, c)
	}
	return out
}

func auditFieldName(loc *i18n.Localizer, field string) string {
	return translatedOr(loc, "audit.field."+field, strings.ReplaceAll(field, "_", " "))
}

// auditVocabulary names the message families of fields whose values are vocabulary.
var auditVocabulary = map[string]string{"role": "common.role.", "status": "common.status.", "phase": "common.phase.",
	"budget_band": "common.budget.", "bipoc_led": "common.bipoc.", "kind": "common.kind.", "level": "common.skill."}

// auditValue renders one recorded value of field briefly: vocabulary in the reader's
// language, text cut at 280 characters, lists joined with commas, yes/no for booleans,
// objects as "name: value" pairs, "" for nothing.
func auditValue(loc *i18n.Localizer, field string, raw json.RawMessage) string {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return ""
	}
	return auditText(loc, field, v)
}

func auditText(loc *i18n.Localizer, field string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if prefix, ok := auditVocabulary[field]; ok {
			return translatedOr(loc, prefix+x, x)
		}
		if utf8.RuneCountInString(x) > 280 {
			return string([]rune(x)[:280]) + "…"
		}
		return x
	case bool:
		if x {
			return loc.T("common.yes")
		}
		return loc.T("common.no")
	case json.Number:
		return x.String()
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			parts = append(parts, auditText(loc, field, e))
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, auditFieldName(loc, k)+": "+auditText(loc, k, x[k]))
		}
		return "(" + strings.Join(parts, "; ") + ")"
	}
	return ""
}
