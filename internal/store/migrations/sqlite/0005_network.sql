-- Issue 6: relationships between organizations (each side's own declaration, with
-- its history so that the ecosystem can be shown as it was on a date) and the power
-- map of a coalition's campaigns (targets, dated assessments, members' access).

CREATE TABLE relationships (
    id                    TEXT PRIMARY KEY,
    organization_id       TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    other_organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    kind                  TEXT NOT NULL,
    depth                 INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 5),
    since                 TEXT NOT NULL DEFAULT '',
    note                  TEXT NOT NULL DEFAULT '',
    recorded_by           TEXT NOT NULL DEFAULT '',
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    CHECK (organization_id <> other_organization_id),
    UNIQUE (organization_id, other_organization_id)
);
CREATE INDEX relationships_other ON relationships(other_organization_id);

-- One row per change of a declaration; depth 0 marks its removal.
CREATE TABLE relationship_history (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    relationship_id       TEXT NOT NULL,
    organization_id       TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    other_organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    kind                  TEXT NOT NULL,
    depth                 INTEGER NOT NULL CHECK (depth BETWEEN 0 AND 5),
    at                    TEXT NOT NULL
);
CREATE INDEX relationship_history_rel ON relationship_history(relationship_id, at);
CREATE INDEX relationship_history_at ON relationship_history(at);

CREATE TABLE targets (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    campaign     TEXT NOT NULL DEFAULT '',
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX targets_coalition ON targets(coalition_id, campaign, name);

CREATE TABLE target_assessments (
    id          TEXT PRIMARY KEY,
    target_id   TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    influence   INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    stance      INTEGER NOT NULL CHECK (stance BETWEEN -2 AND 2),
    assessed_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX target_assessments_target ON target_assessments(target_id, assessed_on);

CREATE TABLE target_access (
    target_id       TEXT NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    strength        INTEGER NOT NULL CHECK (strength BETWEEN 1 AND 5),
    note            TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (target_id, organization_id)
);
CREATE INDEX target_access_org ON target_access(organization_id);
