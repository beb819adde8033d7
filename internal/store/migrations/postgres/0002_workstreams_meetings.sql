-- Clarity, part A: workstreams and their roles, tasks, commitments per membership,
-- meetings and events (agenda, attendance, turnout, decisions, action items) and the
-- per-user secret iCalendar feed. Dates without a time are 'YYYY-MM-DD' text; instants
-- use the fixed-width UTC form of 0001.

CREATE TABLE workstreams (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (coalition_id, name)
);

-- A seat in a workstream: an organization, optionally one of its people ('' = none).
CREATE TABLE workstream_members (
    id              TEXT PRIMARY KEY,
    workstream_id   TEXT NOT NULL REFERENCES workstreams(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    person_id       TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    UNIQUE (workstream_id, organization_id, person_id)
);
CREATE INDEX workstream_members_org ON workstream_members(organization_id);

CREATE TABLE meetings (
    id             TEXT PRIMARY KEY,
    coalition_id   TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL,
    starts_at      TEXT NOT NULL,
    ends_at        TEXT NOT NULL,
    time_zone      TEXT NOT NULL DEFAULT 'UTC',
    place          TEXT NOT NULL DEFAULT '',
    link           TEXT NOT NULL DEFAULT '',
    languages      TEXT NOT NULL DEFAULT '[]',
    interpretation TEXT NOT NULL DEFAULT '',
    access_notes   TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    created_by     TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX meetings_coalition ON meetings(coalition_id, starts_at);

CREATE TABLE agenda_items (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL,
    presenter  TEXT NOT NULL DEFAULT '',
    minutes    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE decisions (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX decisions_meeting ON decisions(meeting_id);

-- One person of an organization (or the organization, person_id '') at a meeting.
CREATE TABLE attendance (
    id              TEXT PRIMARY KEY,
    meeting_id      TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    person_id       TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL,
    UNIQUE (meeting_id, organization_id, person_id)
);
CREATE INDEX attendance_org ON attendance(organization_id);

-- How many people a member organization turned out to an event.
CREATE TABLE turnout (
    meeting_id      TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organizations(id),
    people          INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, organization_id)
);

CREATE TABLE tasks (
    id               TEXT PRIMARY KEY,
    coalition_id     TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    workstream_id    TEXT NOT NULL REFERENCES workstreams(id),
    title            TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    owner_org_id     TEXT NOT NULL REFERENCES organizations(id),
    owner_person_id  TEXT NOT NULL DEFAULT '',
    due_on           TEXT,
    status           TEXT NOT NULL,
    meeting_id       TEXT REFERENCES meetings(id) ON DELETE SET NULL,
    done_at          TEXT,
    created_by       TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX tasks_coalition ON tasks(coalition_id, status);
CREATE INDEX tasks_owner ON tasks(owner_org_id);

CREATE TABLE action_items (
    id            TEXT PRIMARY KEY,
    meeting_id    TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    workstream_id TEXT REFERENCES workstreams(id),
    owner_org_id  TEXT REFERENCES organizations(id),
    due_on        TEXT,
    task_id       TEXT UNIQUE REFERENCES tasks(id) ON DELETE SET NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX action_items_meeting ON action_items(meeting_id);

CREATE TABLE commitments (
    id            TEXT PRIMARY KEY,
    membership_id TEXT NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    agreed_on     TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX commitments_membership ON commitments(membership_id);

-- Whether a commitment was kept in one period ('YYYY-MM-DD' first and last day).
CREATE TABLE commitment_records (
    id            TEXT PRIMARY KEY,
    commitment_id TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL,
    kept          BOOLEAN NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    recorded_by   TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL,
    UNIQUE (commitment_id, period_start)
);

-- A person's secret calendar address for one coalition; only its hash is kept.
CREATE TABLE calendar_feeds (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    UNIQUE (coalition_id, user_id)
);
