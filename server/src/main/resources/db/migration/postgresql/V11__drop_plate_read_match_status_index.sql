-- Every plate read paid a B-tree insert into this index, and no query needs it: the only query by match status,
-- the supervisors' auto-match rate (PlateReadHistory.stats), counts every read of the table (all of it is read
-- either way; ix_plate_read_report holds match_status too), and the shift handover report reads ix_plate_read_report.
DROP INDEX ix_plate_read_match_status;
