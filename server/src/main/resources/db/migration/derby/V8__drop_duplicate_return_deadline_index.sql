-- The overstay query (status, returned_at, return_deadline range) and the shift report use
-- ix_crossing_return_deadline_returned (return_deadline, returned_at), whose prefix is this index: every crossing
-- insert (and every change of a return deadline) paid for a B-tree nothing needs.
DROP INDEX ix_crossing_return_deadline;
