-- Issue 8 (load): the queue summary counts open steps by step for crossings at the gate on every
-- GET /api/crossings/queue and after every change; with this index it reads only the open steps'
-- index entries instead of every step ever recorded.
CREATE INDEX ix_crossing_step_state_step ON crossing_step (state, step, crossing_id);
