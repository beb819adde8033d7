-- Stepping back (issue 4): a member organization steps back from the coalition or from
-- its role for a while, with a reason category and a note, visible to the coalition.
CREATE TABLE stepping_backs (
    id              TEXT PRIMARY KEY,
    coalition_id    TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    membership_id   TEXT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL,
    scope           TEXT NOT NULL,
    reason          TEXT NOT NULL,
    note            TEXT NOT NULL DEFAULT '',
    starts_at       TEXT NOT NULL,
    until_at        TEXT,
    ended_at        TEXT,
    created_by      TEXT NOT NULL DEFAULT '',
    ended_by        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stepping_backs_coalition ON stepping_backs(coalition_id, starts_at);
