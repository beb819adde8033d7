-- The live speaking queue of a meeting (issue 4). One queue per meeting; closing it ends
-- the current turn and clears the hands, reopening keeps its turns (so "has spoken in
-- this meeting" survives). A hand may carry a pinned position set by the facilitator,
-- which overrides the computed order (internal/speaking). Each turn records when it
-- started and ended and its length in seconds, which the speaking_time dimension sums.
CREATE TABLE speaking_queues (
    id           TEXT PRIMARY KEY,
    coalition_id TEXT NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
    meeting_id   TEXT NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
    status       TEXT NOT NULL,
    queue_order  TEXT NOT NULL,
    opened_by    TEXT NOT NULL DEFAULT '',
    opened_at    TEXT NOT NULL,
    closed_at    TEXT,
    version      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE speaking_hands (
    id              TEXT PRIMARY KEY,
    queue_id        TEXT NOT NULL REFERENCES speaking_queues(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL DEFAULT '',
    raised_at       TEXT NOT NULL,
    pinned_position INTEGER,
    pinned_at       TEXT,
    UNIQUE (queue_id, user_id)
);

CREATE TABLE speaking_turns (
    id              TEXT PRIMARY KEY,
    queue_id        TEXT NOT NULL REFERENCES speaking_queues(id) ON DELETE CASCADE,
    meeting_id      TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL,
    organization_id TEXT NOT NULL DEFAULT '',
    started_at      TEXT NOT NULL,
    ended_at        TEXT,
    seconds         INTEGER
);
CREATE INDEX speaking_turns_meeting ON speaking_turns(meeting_id, started_at);
CREATE INDEX speaking_turns_organization ON speaking_turns(organization_id);
