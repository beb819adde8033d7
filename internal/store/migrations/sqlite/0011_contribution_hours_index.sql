-- Confirmed hours per member (issue 5): every allocation round sums each member's
-- confirmed minutes in a period, three times (open, preview, approve). With only
-- contributions_coalition_day the database read every row of the period from the table
-- to see whether it was confirmed and how long it was; at a million rows that took
-- about two seconds a sum on SQLite. This partial index holds only confirmed rows and
-- carries the minutes, so the sum is read from the index alone.
CREATE INDEX contributions_confirmed_minutes ON contributions(coalition_id, day, organization_id, minutes)
    WHERE confirmed_at IS NOT NULL;
