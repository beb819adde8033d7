package bundle

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// compiledSchemas holds the schema of each version Parse reads, by version.
var compiledSchemas = sync.OnceValue(func() map[int]*jsonschema.Schema {
	return map[int]*jsonschema.Schema{1: compileSchema(SchemaV1URL, SchemaV1JSON), Version: compileSchema(SchemaURL, SchemaJSON)}
})

func compileSchema(url string, raw []byte) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		panic("bundle: embedded schema: " + err.Error())
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(url, doc); err != nil {
		panic("bundle: embedded schema: " + err.Error())
	}
	return c.MustCompile(url)
}

// validateSchema adds a problem for every value the schema of version refuses.
func (r *report) validateSchema(doc any, version int) {
	err := compiledSchemas()[version].Validate(doc)
	if ve, ok := err.(*jsonschema.ValidationError); ok {
		r.schemaError(ve)
	} else if err != nil {
		r.add("", err.Error())
	}
}

// schemaError adds the leaf errors of a schema validation, one problem per value.
func (r *report) schemaError(e *jsonschema.ValidationError) {
	if len(e.Causes) > 0 {
		for _, c := range e.Causes {
			r.schemaError(c)
		}
		return
	}
	path := pointer(e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			r.add(path+"/"+escape(p), "This field is not part of the bundle format.")
		}
	case *kind.Required:
		for _, p := range k.Missing {
			r.add(path+"/"+escape(p), "This field is required.")
		}
	default:
		r.add(path, schemaMessage(e.ErrorKind))
	}
}

var printer = message.NewPrinter(language.English)

// patternMessages explains the schema's patterns in words.
var patternMessages = map[string]string{
	"^[A-Za-z0-9_-]{1,64}$":           "Use 1 to 64 letters, digits, '-' or '_'.",
	"^[a-z0-9]+(-[a-z0-9]+)*$":        "Use lowercase letters and digits separated by single '-'.",
	"^([A-Za-z0-9_-]{1,64})?$":        "Use 1 to 64 letters, digits, '-' or '_', or \"\" for none.",
	"^[0-9]{4}-[0-9]{2}-[0-9]{2}$":    "Give a date as YYYY-MM-DD.",
	"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$": "Give a date as YYYY-MM-DD, or \"\" for none.",
}

// schemaMessage says in a sentence what a schema keyword refused.
func schemaMessage(k jsonschema.ErrorKind) string {
	switch k := k.(type) {
	case *kind.Pattern:
		if msg, ok := patternMessages[k.Want]; ok {
			return msg
		}
	case *kind.Type:
		return fmt.Sprintf("Expected %s, found %s.", strings.Join(k.Want, " or "), k.Got)
	case *kind.MinLength:
		return "This field is required."
	case *kind.MaxLength:
		return fmt.Sprintf("This text is too long: %d characters, at most %d.", k.Got, k.Want)
	case *kind.MinItems:
		return fmt.Sprintf("Give at least %d.", k.Want)
	case *kind.MaxItems:
		return fmt.Sprintf("Too many entries: %d, at most %d.", k.Got, k.Want)
	case *kind.Minimum:
		return fmt.Sprintf("Use a number of at least %s.", k.Want.RatString())
	case *kind.ExclusiveMinimum:
		return fmt.Sprintf("Use a number above %s.", k.Want.RatString())
	case *kind.Maximum:
		return fmt.Sprintf("Use a number of at most %s.", k.Want.RatString())
	case *kind.Format:
		return fmt.Sprintf("Use a date and time like 2024-03-21T17:30:00Z (%v).", k.Err)
	}
	msg := k.LocalizedString(printer)
	if msg == "" {
		return "This value is not allowed here."
	}
	return strings.ToUpper(msg[:1]) + msg[1:] + "."
}

// prune removes the value at a JSON pointer from doc: an object member is deleted, an
// array element becomes null. Paths that do not exist are ignored.
func prune(doc any, path string) {
	if path == "" {
		return
	}
	tokens := strings.Split(path[1:], "/")
	parent := doc
	for i, tok := range tokens {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		last := i == len(tokens)-1
		switch v := parent.(type) {
		case map[string]any:
			if last {
				delete(v, tok)
				return
			}
			parent = v[tok]
		case []any:
			var n int
			if _, err := fmt.Sscanf(tok, "%d", &n); err != nil || n < 0 || n >= len(v) {
				return
			}
			if last {
				v[n] = nil
				return
			}
			parent = v[n]
		default:
			return
		}
	}
}

// pointer makes a JSON pointer of path tokens.
func pointer(tokens []string) string {
	var sb strings.Builder
	for _, t := range tokens {
		sb.WriteByte('/')
		sb.WriteString(escape(t))
	}
	return sb.String()
}

// escape escapes a JSON pointer token (RFC 6901).
func escape(token string) string {
	return strings.ReplaceAll(strings.ReplaceAll(token, "~", "~0"), "/", "~1")
}
