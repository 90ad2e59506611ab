package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.function.UnaryOperator;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.reports.Figures.Cell;
import vn.bordergate.server.reports.Figures.Decision;
import vn.bordergate.server.reports.Figures.Part;

/**
 * The figures that add up, read from the raw rows of a window and counted per local date and hour. The
 * window is SQL: {@code window.apply(column)} says which times of that column are in (a report range, the
 * part of it no roll-up covers, or one day being rolled up).
 */
final class RawFigures {
    private RawFigures() {}

    static void add(Connection c, UnaryOperator<String> window, Set<Part> parts, Figures into) throws SQLException {
        if (parts.contains(Part.THROUGHPUT)) {
            throughput(c, window, into);
        }
        if (parts.contains(Part.DECISIONS)) {
            decisions(c, window, into);
        }
        if (parts.contains(Part.FEES)) {
            perHour(
                    c,
                    "paid_at",
                    "kind, COUNT(*), SUM(amount_vnd)",
                    "SELECT paid_at, kind, amount_vnd FROM fee WHERE paid = TRUE AND " + window.apply("paid_at"),
                    "kind",
                    (cell, r) -> cell.fee(r.getString(3), r.getLong(4), r.getBigDecimal(5)),
                    into);
        }
        if (parts.contains(Part.DWELL)) {
            perHour(
                    c,
                    "released_at",
                    "m, COUNT(*)",
                    "SELECT released_at, " + ReportQuery.minutes("arrived_at", "released_at")
                            + " AS m FROM crossing WHERE arrived_at IS NOT NULL AND " + window.apply("released_at"),
                    "m",
                    (cell, r) -> cell.dwell.add(Math.max(0, r.getLong(3)), r.getLong(4)),
                    into);
        }
        if (parts.contains(Part.STEP_TIMES)) {
            stepTimes(c, window, into);
        }
    }

    private interface CellRow {
        void accept(Cell cell, ResultSet row) throws SQLException;
    }

    /**
     * {@code SELECT d, h, <columns> FROM (<source>) GROUP BY d, h, <groupBy>}: the source's rows (which
     * carry the column {@code time}) counted per local date and hour of {@code time}, which are columns 1
     * and 2 of each result row.
     */
    private static void perHour(
            Connection c, String time, String columns, String source, String groupBy, CellRow row, Figures into)
            throws SQLException {
        // the local date and hour are computed in a derived table, so GROUP BY can name them
        String sql = "SELECT d, h, " + columns + " FROM (SELECT CAST(" + ReportRange.local("x." + time)
                + " AS DATE) AS d, " + ReportRange.localHour("x." + time) + " AS h, x.* FROM (" + source
                + ") x) y GROUP BY d, h" + (groupBy.isEmpty() ? "" : ", " + groupBy);
        ReportQuery.each(c, sql, r -> row.accept(into.cell(r.getDate(1).toLocalDate(), r.getInt(2)), r));
    }

    private static void throughput(Connection c, UnaryOperator<String> window, Figures into) throws SQLException {
        perHour(
                c,
                "arrived_at",
                "COUNT(*)",
                "SELECT arrived_at FROM crossing WHERE " + window.apply("arrived_at"),
                "",
                (cell, r) -> cell.arrived += r.getLong(3),
                into);
        perHour(
                c,
                "released_at",
                "COUNT(*)",
                "SELECT released_at FROM crossing WHERE " + window.apply("released_at"),
                "",
                (cell, r) -> cell.released += r.getLong(3),
                into);
        perHour(
                c,
                "decided_at",
                "COUNT(*)",
                "SELECT decided_at FROM step_confirmation WHERE action = 'REJECT' AND step <> 'DECLARATION' AND "
                        + window.apply("decided_at"),
                "",
                (cell, r) -> cell.turnedBack += r.getLong(3),
                into);
    }

    private static void decisions(Connection c, UnaryOperator<String> window, Figures into) throws SQLException {
        perHour(
                c,
                "decided_at",
                "COUNT(DISTINCT crossing_id)",
                "SELECT decided_at, crossing_id FROM step_confirmation WHERE action = 'REJECT'"
                        + " AND step <> 'DECLARATION' AND " + window.apply("decided_at"),
                "",
                (cell, r) -> cell.turnedBackVehicles += r.getLong(3),
                into);
        perHour(
                c,
                "decided_at",
                "step, action, reason, COUNT(*)",
                "SELECT decided_at, step, action, reason FROM step_confirmation WHERE action IN ('HOLD', 'REJECT')"
                        + " AND " + window.apply("decided_at"),
                "step, action, reason",
                (cell, r) -> cell.decisions.merge(
                        new Decision(Step.valueOf(r.getString(3)), r.getString(4), r.getString(5)),
                        r.getLong(6),
                        Long::sum),
                into);
        perHour(
                c,
                "decided_at",
                "step, COUNT(*)",
                "SELECT decided_at, step FROM crossing_step WHERE state = 'PASSED' AND " + window.apply("decided_at"),
                "step",
                (cell, r) -> cell.passed[Step.valueOf(r.getString(3)).ordinal()] += r.getLong(4),
                into);
    }

    /**
     * Each step passed in the window, from when it could start (its prerequisite passed; the declaration:
     * its submission) to its decision, holds included, in whole minutes.
     */
    private static void stepTimes(Connection c, UnaryOperator<String> window, Figures into) throws SQLException {
        StringBuilder prerequisite = new StringBuilder("CASE s.step");
        for (Step step : Step.values()) {
            if (step != Step.DECLARATION) {
                prerequisite
                        .append(" WHEN '")
                        .append(step.name())
                        .append("' THEN '")
                        .append(StepDurations.prerequisite(step).name())
                        .append('\'');
            }
        }
        prerequisite.append(" END");
        // steps in the window by their decision time, each prerequisite looked up by its crossing
        String sql = "SELECT s.step, s.decided_at, p.decided_at"
                + " FROM crossing_step s --DERBY-PROPERTIES index=ix_crossing_step_decided_at\n"
                + " JOIN crossing_step p --DERBY-PROPERTIES index=ix_crossing_step_crossing_id\n"
                + " ON p.crossing_id = s.crossing_id AND p.step = " + prerequisite + " AND p.state = 'PASSED'"
                + " WHERE s.state = 'PASSED' AND s.step <> 'DECLARATION' AND " + window.apply("s.decided_at");
        ReportQuery.each(c, sql, r -> {
            Instant done = ReportQuery.instant(r, 2);
            Instant from = ReportQuery.instant(r, 3);
            LocalDateTime local = LocalDateTime.ofInstant(done, ReportRange.ZONE);
            into.cell(local.toLocalDate(), local.getHour())
                    .stepTime(Step.valueOf(r.getString(1)))
                    .add(Math.max(0, Duration.between(from, done).toMinutes()), 1);
        });
        perHour(
                c,
                "decided_at",
                "m, COUNT(*)",
                "SELECT s.decided_at, " + ReportQuery.minutes("d.submitted_at", "s.decided_at")
                        + " AS m FROM crossing_step s JOIN crossing c ON c.id = s.crossing_id"
                        + " JOIN declaration d ON d.id = c.declaration_id"
                        + " WHERE s.step = 'DECLARATION' AND s.state = 'PASSED' AND " + window.apply("s.decided_at"),
                "m",
                (cell, r) -> cell.stepTime(Step.DECLARATION).add(Math.max(0, r.getLong(3)), r.getLong(4)),
                into);
    }
}
