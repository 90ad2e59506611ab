-- Issue 6 (reports over a year): the figures that only add up over time, rolled up per local day once
-- the day is over (vn.bordergate.server.reports.ReportRollups), so a report over a month or a year reads
-- a few rows per day instead of every crossing, step and decision; the day in progress comes from the
-- raw rows. Throughput counts are kept per hour (the report has an hourly table); the rest per shift
-- block of the day (local hours 0-6, 6-18, 18-24), which every report range is made of.
-- A day is rolled up (its rows written and its row in report_rollup_day) in one transaction, in order.
CREATE TABLE report_rollup_day (
    local_date DATE NOT NULL,
    rolled_up_at TIMESTAMP NOT NULL,
    CONSTRAINT pk_report_rollup_day PRIMARY KEY (local_date)
);
CREATE TABLE report_rollup (
    local_date DATE NOT NULL,
    local_hour SMALLINT NOT NULL,
    measure VARCHAR(24) NOT NULL,
    step VARCHAR(30),
    action VARCHAR(20),
    reason VARCHAR(500),
    n BIGINT NOT NULL,
    amount_vnd DECIMAL(19,0),
    -- durations in whole minutes as "minutes:count" pairs separated by spaces; per enterprise, the closed
    -- trips' figures and tractors and the open trips' ids (EnterpriseFigures); several rows when long
    detail VARCHAR(32000)
);
CREATE INDEX ix_report_rollup_measure_date ON report_rollup (measure, local_date);

-- What is still read raw over a whole range, from the index alone: plate reads per match status and
-- corrections per officer, and overstays (deadline in the range, back late or not yet).
CREATE INDEX ix_plate_read_report ON plate_read (read_at, match_status, corrected_at, corrected_by);
CREATE INDEX ix_crossing_return_deadline_returned ON crossing (return_deadline, returned_at);
