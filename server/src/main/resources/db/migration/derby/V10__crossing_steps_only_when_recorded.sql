-- A crossing step is stored only once it has something to record (decided, skipped, or a hold released with
-- its officer and note); a step without a row is pending. Declaring a crossing wrote all eight steps, each
-- into five B-trees, most of the declaration writer's time. The pending rows that carry nothing are the
-- steps' start, which the server now derives, so they go; a pending row that carries a released hold stays.
DELETE FROM crossing_step
 WHERE state = 'PENDING' AND officer IS NULL AND station_code IS NULL AND decided_at IS NULL AND reason IS NULL;
