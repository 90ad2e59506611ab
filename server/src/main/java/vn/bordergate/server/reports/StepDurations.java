package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import vn.bordergate.common.workflow.Step;

/**
 * How long each step took, for the steps passed in a range: from the moment the step could start (its
 * prerequisite passed; for the declaration, its submission) to its decision, holds included. Counted per
 * minute in SQL, so a year of decisions comes back as a few thousand (step, minute, count) rows.
 */
final class StepDurations {
    private StepDurations() {}

    static Map<Step, MinuteHistogram> of(Connection connection, ReportRange range) throws SQLException {
        Map<Step, MinuteHistogram> byStep = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            byStep.put(step, new MinuteHistogram());
        }
        String afterPrerequisite = "SELECT step, m, COUNT(*) FROM (SELECT s.step AS step, "
                + ReportQuery.minutes("p.decided_at", "s.decided_at") + " AS m"
                + " FROM crossing_step s JOIN crossing_step p ON p.crossing_id = s.crossing_id AND p.step ="
                + " CASE s.step WHEN 'TRANSPORT' THEN 'DECLARATION' WHEN 'VEHICLE_CONTROL' THEN 'TRANSPORT'"
                + " ELSE 'VEHICLE_CONTROL' END"
                + " WHERE s.state = 'PASSED' AND s.step <> 'DECLARATION' AND p.decided_at IS NOT NULL AND "
                + range.sql("s.decided_at") + ") t GROUP BY step, m";
        ReportQuery.each(connection, afterPrerequisite, r -> byStep.get(Step.valueOf(r.getString(1)))
                .add(Math.max(0, r.getLong(2)), r.getLong(3)));
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
