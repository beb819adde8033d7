-- Allocation rounds decided by the coalition's decision rule (issue 5): the proposal
-- that decides the round, '' for rounds a steering member approves.
ALTER TABLE allocation_rounds ADD COLUMN proposal_id TEXT NOT NULL DEFAULT '';
