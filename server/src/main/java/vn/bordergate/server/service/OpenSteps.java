package vn.bordergate.server.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/**
 * The open steps (pending or held) of the crossings at the gate, by step, for the queue counts and the
 * dashboard's backlog. A step without a row is pending ({@link CrossingSteps}), so what is open is every
 * crossing at the gate less those whose step is closed (passed, rejected or skipped): counted from the
 * rows that exist, in one statement, so the crossings and their rows agree.
 */
public final class OpenSteps {
    /** The statuses of a crossing whose vehicle is in the yard. */
    public static final List<CrossingStatus> AT_GATE =
            List.of(CrossingStatus.IN_PROGRESS, CrossingStatus.HELD, CrossingStatus.READY_TO_RELEASE);

    // reached from the crossings at the gate (hints: comments to PostgreSQL): left to itself, Derby hashed or
    // scanned every step ever recorded for each count (JFR, perf8)
    private static final String AT_GATE_ROWS = "SELECT c.id, s.step, s.state FROM"
            + " crossing c --DERBY-PROPERTIES index=ix_crossing_status\n"
            + " LEFT OUTER JOIN crossing_step s --DERBY-PROPERTIES joinStrategy=NESTEDLOOP,"
            + " index=ix_crossing_step_crossing_id\n"
            + " ON s.crossing_id = c.id WHERE c.status IN (?, ?, ?)";

    private final long[] pending = new long[Step.values().length];
    private final long[] held = new long[Step.values().length];

    private OpenSteps() {}

    /** Counted in the connection's own transaction and isolation. */
    public static OpenSteps atGate(Connection connection) throws SQLException {
        OpenSteps open = new OpenSteps();
        long[] closed = new long[Step.values().length];
        Set<Long> crossings = new HashSet<>();
        try (PreparedStatement rows = connection.prepareStatement(AT_GATE_ROWS)) {
            for (int i = 0; i < AT_GATE.size(); i++) {
                rows.setString(i + 1, AT_GATE.get(i).name());
            }
            try (ResultSet r = rows.executeQuery()) {
                while (r.next()) {
                    crossings.add(r.getLong(1));
                    if (r.getString(2) == null) {
                        continue; // a crossing with no step recorded: all its steps pending
                    }
                    int step = Step.valueOf(r.getString(2)).ordinal();
                    StepState state = StepState.valueOf(r.getString(3));
                    if (state == StepState.HELD) {
                        open.held[step]++;
                    } else if (state != StepState.PENDING) {
                        closed[step]++;
                    }
                }
            }
        }
        for (int step = 0; step < closed.length; step++) {
            open.pending[step] = crossings.size() - closed[step] - open.held[step];
        }
        return open;
    }

    /** Crossings at the gate whose step is pending. */
    public long pending(Step step) {
        return pending[step.ordinal()];
    }

    /** Crossings at the gate whose step is held. */
    public long held(Step step) {
        return held[step.ordinal()];
    }
}
