-- Stepping back from one workstream (issue 4): the workstream an organization steps back
-- from, for stepping backs whose scope is 'workstream'.
ALTER TABLE stepping_backs ADD COLUMN workstream_id TEXT REFERENCES workstreams(id) ON DELETE CASCADE;
