-- Sign-on letters: position statements that organizations sign, inside the coalition and
-- by a public link; and the outbox of emails (confirmation links) the delivery loop sends.

CREATE TABLE sign_on_letters (
    id            TEXT PRIMARY KEY,
    coalition_id  TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    created_by    TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    opened_at     TEXT,
    closed_at     TEXT
);
CREATE INDEX sign_on_letters_coalition ON sign_on_letters(coalition_id, created_at);

-- One row per signer of a letter: dedupe_key folds the organization's name and city (or
-- names a member organization), so a second submission merges into the first. The
-- confirmation token is stored hashed; contact fields are private to the coalition.
CREATE TABLE signatures (
    id                 TEXT PRIMARY KEY,
    letter_id          TEXT NOT NULL REFERENCES sign_on_letters(id) ON DELETE CASCADE,
    organization_id    TEXT REFERENCES organizations(id),
    organization_name  TEXT NOT NULL,
    city               TEXT NOT NULL DEFAULT '',
    issue_area         TEXT NOT NULL DEFAULT '',
    contact_name       TEXT NOT NULL DEFAULT '',
    contact_email      TEXT NOT NULL DEFAULT '',
    dedupe_key         TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'withdrawn')),
    token_hash         TEXT NOT NULL DEFAULT '',
    signed_by          TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    confirmed_at       TEXT,
    withdrawn_at       TEXT,
    UNIQUE (letter_id, dedupe_key)
);
CREATE INDEX signatures_token ON signatures(token_hash);

CREATE TABLE mail_outbox (
    id          TEXT PRIMARY KEY,
    to_address  TEXT NOT NULL,
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    sent_at     TEXT,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_outbox_unsent ON mail_outbox(sent_at, created_at);
