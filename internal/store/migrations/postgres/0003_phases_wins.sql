-- Phases and wins: a coalition's phase history with the retrospective of each move, and
-- the wins it achieved with credit to the organizations that made them happen. Days are
-- YYYY-MM-DD text; timestamps as in 0001.

CREATE TABLE phase_changes (
    id            TEXT PRIMARY KEY,
    coalition_id  TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    from_phase    TEXT NOT NULL,
    to_phase      TEXT NOT NULL,
    changed_on    TEXT NOT NULL,
    learned       TEXT NOT NULL,
    carry_forward TEXT NOT NULL,
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
);
CREATE INDEX phase_changes_coalition ON phase_changes(coalition_id, changed_on, created_at);

CREATE TABLE wins (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    won_on       TEXT NOT NULL,
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    size         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    public       BOOLEAN NOT NULL DEFAULT FALSE,
    created_by   TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    -- The same title on the same day is a second submit of one win, not a second win.
    UNIQUE (coalition_id, won_on, title)
);
CREATE INDEX wins_coalition ON wins(coalition_id, won_on);

CREATE TABLE win_credits (
    win_id          TEXT NOT NULL REFERENCES wins(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    position        INTEGER NOT NULL,
    contribution    TEXT NOT NULL DEFAULT '',
    weight          DOUBLE PRECISION NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (win_id, organization_id)
);
CREATE INDEX win_credits_organization ON win_credits(organization_id);
