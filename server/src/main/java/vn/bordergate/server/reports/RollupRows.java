package vn.bordergate.server.reports;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.reports.Figures.Cell;
import vn.bordergate.server.reports.Figures.Decision;

/**
 * Adds a rolled-up day's rows to the {@code report_rollup} insert batch of {@link ReportRollups}: one row
 * per measure of an hour or a shift block, zero counts left out.
 */
record RollupRows(PreparedStatement insert) {
    /** A histogram or a block's enterprise activity is cut into pieces of at most this many characters, one a row. */
    static final int HISTOGRAM_PIECE = 30_000;

    void count(LocalDate date, int hour, String measure, long n) throws SQLException {
        if (n != 0) {
            row(date, hour, measure, null, null, null, n, null, null);
        }
    }

    void block(LocalDate date, int hour, Cell cell) throws SQLException {
        count(date, hour, "TURNED_BACK_VEHICLES", cell.turnedBackVehicles);
        for (Step step : Step.values()) {
            if (cell.passed[step.ordinal()] != 0) {
                row(date, hour, "PASSED", step, null, null, cell.passed[step.ordinal()], null, null);
            }
        }
        for (Map.Entry<Decision, Long> d : cell.decisions.entrySet()) {
            Decision k = d.getKey();
            row(date, hour, "DECISION", k.step(), k.action(), k.reason(), d.getValue(), null, null);
        }
        for (Map.Entry<String, Long> fee : cell.feeReceipts.entrySet()) {
            row(date, hour, "FEE", null, null, fee.getKey(), fee.getValue(), cell.feeAmounts.get(fee.getKey()), null);
        }
        histogram(date, hour, "DWELL", null, cell.dwell);
        for (Map.Entry<Step, MinuteHistogram> h : cell.stepTimes.entrySet()) {
            histogram(date, hour, "STEP_TIME", h.getKey(), h.getValue());
        }
    }

    private void histogram(LocalDate date, int hour, String measure, Step step, MinuteHistogram h) throws SQLException {
        for (String piece : h.encode(HISTOGRAM_PIECE)) {
            row(date, hour, measure, step, null, null, 0, null, piece);
        }
    }

    void row(
            LocalDate date,
            int hour,
            String measure,
            Step step,
            String action,
            String reason,
            long n,
            BigDecimal amount,
            String histogram)
            throws SQLException {
        insert.setDate(1, Date.valueOf(date));
        insert.setInt(2, hour);
        insert.setString(3, measure);
        insert.setString(4, step == null ? null : step.name());
        insert.setString(5, action);
        insert.setString(6, reason);
        insert.setLong(7, n);
        insert.setBigDecimal(8, amount);
        insert.setString(9, histogram);
        insert.addBatch();
    }
}
