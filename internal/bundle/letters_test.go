package bundle

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestNew_KeepsConfirmedAndWithdrawnSignatures: pending signatures stay behind (their
// link cannot travel); the rest keep their contacts, ordered by id.
func TestNew_KeepsConfirmedAndWithdrawnSignatures(t *testing.T) {
	b := sampleBundle()
	if len(b.SignOnLetters) != 2 || b.SignOnLetters[0].ID != "let-1" || len(b.SignOnLetters[0].Signatures) != 0 {
		t.Fatalf("letters = %+v", b.SignOnLetters)
	}
	sigs := b.SignOnLetters[1].Signatures
	if len(sigs) != 3 || sigs[0].ID != "sig-1" || sigs[1].ID != "sig-2" || sigs[2].ID != "sig-3" || sigs[2].ContactEmail != "lee@example.org" {
		t.Errorf("signatures = %+v", sigs)
	}
	c := b.Contents().LetterContents
	if len(c.Signatures) != 3 || c.Signatures[0].DedupeKey != "org:org-c" || c.Signatures[2].DedupeKey != "name:ridersunited|duluth" {
		t.Errorf("signatures back = %+v", c.Signatures)
	}
}

func TestParse_ChecksLetters(t *testing.T) {
	// Sorted: let-1 (draft), let-2 (open; signatures sig-1 member, sig-2 withdrawn, sig-3).
	doc := sampleDoc(t)
	at(doc, "sign_on_letters", 0)["status"] = "published"                       // unknown enum
	at(doc, "sign_on_letters", 1, "signatures", 0)["organization_id"] = "org-z" // dangling
	at(doc, "sign_on_letters", 1, "signatures", 2)["organization_name"] = "youth voice"
	at(doc, "sign_on_letters", 1, "signatures", 2)["city"] = "St Paul"   // the same signer as sig-2
	at(doc, "sign_on_letters", 1, "signatures", 1)["status"] = "pending" // does not travel
	at(doc, "sign_on_letters", 1)["title"] = " "                         // required
	problems := Validate(marshal(t, doc))
	for path, want := range map[string]string{
		"/sign_on_letters/0/status":                       "must be one of",
		"/sign_on_letters/1/signatures/0/organization_id": `No organization in this bundle has the id "org-z"`,
		"/sign_on_letters/1/signatures/2":                 "/sign_on_letters/1/signatures/1 is the same signer",
		"/sign_on_letters/1/signatures/1/status":          "must be one of",
		"/sign_on_letters/1/title":                        "required",
	} {
		if got := problemAt(problems, path); !strings.Contains(got, want) {
			t.Errorf("problem at %s = %q, want it to mention %q (all: %v)", path, got, want, problems)
		}
	}
	// A draft with a signature is refused too.
	doc = sampleDoc(t)
	at(doc, "sign_on_letters", 0)["signatures"] = []any{at(doc, "sign_on_letters", 1, "signatures", 2)}
	at(doc, "sign_on_letters", 0, "signatures", 0)["id"] = json.RawMessage(`"sig-9"`)
	problems = Validate(marshal(t, doc))
	if got := problemAt(problems, "/sign_on_letters/0/signatures/0/status"); !strings.Contains(got, "A draft letter has no signatures") {
		t.Errorf("draft with a signature: %v", problems)
	}
}
