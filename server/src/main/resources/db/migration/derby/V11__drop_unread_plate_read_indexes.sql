-- Every plate read paid a B-tree insert into each of these indexes, and no query reads them: the only query by match
-- status, the supervisors' auto-match rate (PlateReadHistory.stats), counts every read of the table (all of it is read
-- either way; ix_plate_read_report holds match_status too), the shift handover report and the recent reads read
-- ix_plate_read_report, corrections find a read by id, and nothing asks for the reads of a crossing (crossing_id has
-- no foreign key either). A query added later by one of these columns brings its index back with it.
DROP INDEX ix_plate_read_match_status;
DROP INDEX ix_plate_read_crossing_id;
