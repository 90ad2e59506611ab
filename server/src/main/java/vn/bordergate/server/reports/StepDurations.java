package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import vn.bordergate.common.dto.ReportShift;
import vn.bordergate.common.workflow.Step;

/**
 * How long each step took, for the steps passed in a range: from the moment the step could start (its
 * prerequisite passed; for the declaration, its submission) to its decision, holds included. Passed
 * steps come back one row per crossing (grouped in SQL) and are counted per minute as they stream.
 */
final class StepDurations {
    private StepDurations() {}

    static Map<Step, MinuteHistogram> of(Connection connection, ReportRange range) throws SQLException {
        Map<Step, MinuteHistogram> byStep = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            byStep.put(step, new MinuteHistogram());
        }
        // one row per crossing with each passed step's time (a pivot, no self-join: a join looked the
        // prerequisite up per step, 13 s for a month); prerequisites may be decided up to two days earlier
        StringBuilder pivot = new StringBuilder("SELECT crossing_id");
        for (Step step : Step.values()) {
            pivot.append(", MAX(CASE WHEN step = '").append(step.name()).append("' THEN decided_at END)");
        }
        pivot.append(" FROM crossing_step WHERE state = 'PASSED' AND decided_at >= ")
                .append(ReportRange.literal(range.start().minus(Duration.ofDays(2))))
                .append(" AND decided_at < ")
                .append(ReportRange.literal(range.end()))
                .append(" GROUP BY crossing_id");
        Instant[] at = new Instant[Step.values().length];
        Instant start = range.start();
        Instant end = range.end();
        boolean everyHour = range.shift() == ReportShift.ALL || range.days() == 1;
        ReportQuery.each(connection, pivot.toString(), r -> {
            for (Step step : Step.values()) {
                at[step.ordinal()] = ReportQuery.instant(r, 2 + step.ordinal());
            }
            for (Step step : Step.values()) {
                Instant done = at[step.ordinal()];
                if (step == Step.DECLARATION
                        || done == null
                        || done.isBefore(start)
                        || !done.isBefore(end)
                        || !(everyHour
                                || range.shift()
                                        .covers(done.atZone(ReportRange.ZONE).getHour()))) {
                    continue;
                }
                Instant from = at[prerequisite(step).ordinal()];
                if (from != null) {
                    byStep.get(step)
                            .add(Math.max(0, Duration.between(from, done).toMinutes()), 1);
                }
            }
        });
        String declaration = "SELECT m, COUNT(*) FROM (SELECT "
                + ReportQuery.minutes("d.submitted_at", "s.decided_at") + " AS m"
                + " FROM crossing_step s JOIN crossing c ON c.id = s.crossing_id"
                + " JOIN declaration d ON d.id = c.declaration_id"
                + " WHERE s.step = 'DECLARATION' AND s.state = 'PASSED' AND " + range.sql("s.decided_at")
                + ") t GROUP BY m";
        ReportQuery.each(connection, declaration, r -> byStep.get(Step.DECLARATION)
                .add(Math.max(0, r.getLong(1)), r.getLong(2)));
        return byStep;
    }

    /** The step whose passing lets {@code step} start (steps 4–8 all start after vehicle control). */
    static Step prerequisite(Step step) {
        return switch (step) {
            case DECLARATION -> Step.DECLARATION;
            case TRANSPORT -> Step.DECLARATION;
            case VEHICLE_CONTROL -> Step.TRANSPORT;
            default -> Step.VEHICLE_CONTROL;
        };
    }

    /** Holds and rejections recorded per step in the range, from the decision history. */
    static Map<Step, long[]> holdsAndRejects(Connection connection, ReportRange range) throws SQLException {
        Map<Step, long[]> byStep = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            byStep.put(step, new long[2]);
        }
        ReportQuery.each(
                connection,
                "SELECT step, action, COUNT(*) FROM step_confirmation WHERE action IN ('HOLD', 'REJECT') AND "
                        + range.sql("decided_at") + " GROUP BY step, action",
                r -> byStep.get(Step.valueOf(r.getString(1)))["HOLD".equals(r.getString(2)) ? 0 : 1] += r.getLong(3));
        return byStep;
    }
}
