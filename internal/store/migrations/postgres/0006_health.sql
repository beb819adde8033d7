-- Coalition health: periodic check-ins (anonymous answers) and tensions.
--
-- Check-in anonymity. "Has answered" (checkin_respondents) and the answers
-- (checkin_answers) share no column but the check-in: answers carry a random response id
-- (crypto/rand, no time in it), no person, no timestamp and no sequence. PostgreSQL shows
-- every row's xmin (writing transaction) and ctid (physical place), so each new answer
-- rewrites every answer row of its check-in in response-id order, in the transaction that
-- records "has answered" (see store/checkin.go): all answer rows then carry the same xmin,
-- and their physical order follows the random ids, not the order people answered in.

CREATE TABLE checkins (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    title        TEXT NOT NULL,
    instrument   INTEGER NOT NULL,
    opened_by    TEXT NOT NULL DEFAULT '',
    opened_at    TEXT NOT NULL,
    closed_at    TEXT
);
CREATE INDEX checkins_coalition ON checkins(coalition_id, opened_at);

CREATE TABLE checkin_respondents (
    checkin_id TEXT NOT NULL REFERENCES checkins(id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (checkin_id, user_id)
);

CREATE TABLE checkin_answers (
    checkin_id    TEXT NOT NULL REFERENCES checkins(id) ON DELETE CASCADE,
    response_id   TEXT NOT NULL,
    statement     TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    bipoc_led     TEXT NOT NULL,
    most_impacted TEXT NOT NULL,
    PRIMARY KEY (checkin_id, response_id, statement)
);

-- Tensions: visible to their parties, the person who raised them and the coalition's
-- facilitators, unless a facilitator widened them with every party's agreement.
CREATE TABLE tensions (
    id             TEXT PRIMARY KEY,
    coalition_id   TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL,
    kind           TEXT NOT NULL,
    state          TEXT NOT NULL,
    visibility     TEXT NOT NULL,
    facilitator_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    follow_up_on   TEXT,
    raised_by      TEXT NOT NULL REFERENCES users(id),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tensions_coalition ON tensions(coalition_id, created_at);

-- A party is an organization or a person (user); agreed_to_widen records that the party
-- agrees to show the tension to the whole coalition.
CREATE TABLE tension_parties (
    tension_id      TEXT NOT NULL REFERENCES tensions(id) ON DELETE CASCADE,
    party_type      TEXT NOT NULL CHECK (party_type IN ('organization', 'person')),
    party_id        TEXT NOT NULL,
    agreed_to_widen BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tension_id, party_type, party_id)
);
CREATE INDEX tension_parties_party ON tension_parties(party_type, party_id);

CREATE TABLE tension_principles (
    tension_id   TEXT NOT NULL REFERENCES tensions(id) ON DELETE CASCADE,
    principle_id TEXT NOT NULL REFERENCES principles(id) ON DELETE CASCADE,
    PRIMARY KEY (tension_id, principle_id)
);

-- The dated history of a tension: notes, agreements made, and state changes (with the
-- reason when a change goes backwards).
CREATE TABLE tension_entries (
    id         TEXT PRIMARY KEY,
    tension_id TEXT NOT NULL REFERENCES tensions(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    from_state TEXT NOT NULL DEFAULT '',
    to_state   TEXT NOT NULL DEFAULT '',
    author_id  TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX tension_entries_tension ON tension_entries(tension_id, created_at);
