package bundle

import (
	"bytes"
	"testing"
)

// FuzzImportBundle feeds arbitrary bytes to the import's parser. Parse must never panic;
// it returns a bundle or problems, never both or neither; and a bundle it accepts
// encodes to a document it accepts again, unchanged (normalization is idempotent).
func FuzzImportBundle(f *testing.F) {
	valid := mustEncode(f, sampleBundle())
	f.Add(valid)
	f.Add([]byte(`{}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"format":"braid.bundle","version":1}`))
	f.Add([]byte(`{"format":"braid.bundle","version":2}`))
	f.Add(bytes.Replace(valid, []byte(`"member"`), []byte(`"boss"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"org-a"`), []byte(`"org-z"`), 2))
	f.Add(bytes.Replace(valid, []byte(`"2024-`), []byte(`"0001-`), 3))
	f.Add(bytes.Replace(valid, []byte(`"version": 2`), []byte(`"version": 7`), 1))
	f.Add(bytes.Replace(valid, []byte(`"version": 2`), []byte(`"version": 1`), 1))
	// Each kind of work record, broken: a dangling workstream, a negative weight, an
	// unknown status, an attendance at no meeting, a repeated id, an impossible date.
	f.Add(bytes.Replace(valid, []byte(`"workstream_id": "ws-2"`), []byte(`"workstream_id": "ws-9"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"weight": 2.5`), []byte(`"weight": -2.5`), 1))
	f.Add(bytes.Replace(valid, []byte(`"status": "done"`), []byte(`"status": "finished"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"meeting_id": "mt-1"`), []byte(`"meeting_id": "mt-3"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"id": "seat-2"`), []byte(`"id": "seat-1"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"2024-05-31"`), []byte(`"2024-02-31"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"people": 12`), []byte(`"people": 0`), 1))
	// And each kind of voice record: a closed proposal made a draft, a voter twice, an
	// unknown enum, an outcome naming no option, a stepping back of another organization.
	f.Add(bytes.Replace(valid, []byte(`"status": "closed"`), []byte(`"status": "draft"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"voter_id": "voter-2"`), []byte(`"voter_id": "voter-1"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"stances_by": "organization"`), []byte(`"stances_by": "committee"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"winner": "opt-b"`), []byte(`"winner": "opt-z"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"organization_id": "org-a",`+"\n"+`      "scope"`), []byte(`"organization_id": "org-c",`+"\n"+`      "scope"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"queue_order": "first_come"`), []byte(`"queue_order": 7`), 1))
	// And the power map, asks and offers and skill needs.
	f.Add(bytes.Replace(valid, []byte(`"stance": -1`), []byte(`"stance": -3`), 1))
	f.Add(bytes.Replace(valid, []byte(`"state": "fulfilled"`), []byte(`"state": "open"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"from_organization_id": "org-a"`), []byte(`"from_organization_id": "org-q"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"legal research"`), []byte(`"translation"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"needed_by": "2024-05-10"`), []byte(`"needed_by": "2024-05-32"`), 1))
	// And relationships: with itself, a removal out of bounds, a declaration twice.
	f.Add(bytes.Replace(valid, []byte(`"other_organization_id": "org-c"`), []byte(`"other_organization_id": "org-a"`), 1))
	f.Add(bytes.Replace(valid, []byte(`"depth": 0`), []byte(`"depth": -1`), 1))
	f.Add(bytes.Replace(valid, []byte(`"id": "rl-2"`), []byte(`"id": "rl-1"`), 1))
	f.Add(append(bytes.Clone(valid), '{', '}'))
	f.Fuzz(func(t *testing.T, raw []byte) {
		b, problems := Parse(raw)
		if (b == nil) == (len(problems) == 0) {
			t.Fatalf("Parse returned bundle %v with %d problems", b != nil, len(problems))
		}
		for _, p := range problems {
			if p.Message == "" {
				t.Fatalf("problem without a message at %q", p.Path)
			}
		}
		if b == nil {
			return
		}
		_ = b.Contents()
		out, err := Encode(b)
		if err != nil {
			t.Fatalf("Encode of an accepted bundle: %v", err)
		}
		b2, problems := Parse(out)
		if problems != nil {
			t.Fatalf("re-encoded bundle refused: %v\n%s", problems, out)
		}
		if again, _ := Encode(b2); !bytes.Equal(out, again) {
			t.Fatalf("re-encoding changed the bundle:\n%s\n%s", out, again)
		}
	})
}
