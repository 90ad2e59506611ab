-- Hand check of V10 and OpenSteps' statement on PostgreSQL (docs/benchmarks.md, lazysteps). Run on a database
-- that has the postgresql migrations V1-V9 applied, from the repository root: psql -d DB -f server/tools/pg_check_v10.sql
SET session_replication_role = replica;  -- no FK to declaration for this check
INSERT INTO crossing (id, declaration_id, status, tractor_plate, perishable, expected_arrival, priority, updated_at, version) VALUES
 (1, 1, 'IN_PROGRESS', '12C-11111', false, now(), false, now(), 0),
 (2, 2, 'HELD', '12C-22222', false, now(), false, now(), 0),
 (3, 3, 'DECLARED', '12C-33333', false, now(), false, now(), 0),
 (4, 4, 'READY_TO_RELEASE', '12C-44444', false, now(), false, now(), 0);
-- old shape: eight rows a crossing; crossing 1 passed DECLARATION, 2 held at BORDER_GUARD, a released hold kept
INSERT INTO crossing_step (id, crossing_id, step, state, officer, station_code, decided_at, reason) VALUES
 (10, 1, 'DECLARATION', 'PASSED', 'customs', 'S1', now(), null),
 (11, 1, 'TRANSPORT', 'PENDING', null, null, null, null),
 (12, 2, 'DECLARATION', 'PASSED', 'customs', 'S1', now(), null),
 (13, 2, 'TRANSPORT', 'HELD', 'guard', 'S2', now(), 'papers'),
 (14, 2, 'VEHICLE_CONTROL', 'PENDING', 'guard', 'S2', now(), 'released'),
 (15, 3, 'DECLARATION', 'PENDING', null, null, null, null),
 (16, 4, 'DECLARATION', 'SKIPPED', null, null, null, null);
\i server/src/main/resources/db/migration/postgresql/V10__crossing_steps_only_when_recorded.sql
SELECT id, crossing_id, step, state, reason FROM crossing_step ORDER BY id;
-- OpenSteps.AT_GATE_ROWS as the server sends it
PREPARE open_rows(varchar, varchar, varchar) AS SELECT c.id, s.step, s.state FROM crossing c --DERBY-PROPERTIES index=ix_crossing_status
 LEFT OUTER JOIN crossing_step s --DERBY-PROPERTIES joinStrategy=NESTEDLOOP, index=ix_crossing_step_crossing_id
 ON s.crossing_id = c.id WHERE c.status IN ($1, $2, $3);
EXECUTE open_rows('IN_PROGRESS', 'HELD', 'READY_TO_RELEASE');
