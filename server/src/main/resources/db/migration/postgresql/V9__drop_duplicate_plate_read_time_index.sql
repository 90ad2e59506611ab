-- ix_plate_read_report (read_at, match_status, corrected_at, corrected_by) starts with read_at, so it serves every
-- query by read time this index served: each plate read paid for a B-tree insert nothing needs.
DROP INDEX ix_plate_read_read_at;
