-- The recent reads (PlateReadHistory.RECENT: newest first by read time, then id) scanned and sorted the whole table:
-- Derby does not read an ascending index backwards (runtime statistics on 32,768 rows: every row read, then sorted;
-- 262,144 rows took 1.0-3.1 s a call), and plate_read only grows. The same index newest first, with the id as the
-- tie-break, serves them by reading only the rows asked for; the reports' and the day's rate's ranges over read_at
-- read it as before. Still one index for every read to update.
DROP INDEX ix_plate_read_report;
CREATE INDEX ix_plate_read_report ON plate_read (read_at DESC, id DESC, match_status, corrected_at, corrected_by);
