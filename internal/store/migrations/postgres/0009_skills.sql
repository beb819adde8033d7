-- The skills matrix: the deployment's additions to the shared skill vocabulary, and the
-- skills each coalition needs. Workstreams will state their own needs; until then the
-- coalition states them for the whole of its work.

CREATE TABLE skill_terms (
    name       TEXT PRIMARY KEY,
    added_by   TEXT NOT NULL DEFAULT '',
    added_at   TEXT NOT NULL
);

CREATE TABLE coalition_skill_needs (
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    skill        TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (coalition_id, skill)
);
