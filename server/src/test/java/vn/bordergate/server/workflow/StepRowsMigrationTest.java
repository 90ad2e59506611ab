package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DashboardDto.StepBacklog;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.QueueSummaryDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.support.TestGate;

/**
 * A database of the old shape, where every crossing had all eight step rows (pending ones carrying nothing),
 * is brought to the new one by V10 at start and answers byte for byte as before: each crossing, the lists by
 * open step, the queue counts and the dashboard's backlog (which are also checked against the crossings).
 */
class StepRowsMigrationTest {
    private static final List<CrossingStatus> AT_GATE =
            List.of(CrossingStatus.IN_PROGRESS, CrossingStatus.HELD, CrossingStatus.READY_TO_RELEASE);

    @Test
    void aDatabaseOfTheOldShapeReadsTheSameOnceMigrated() throws Exception {
        TestGate gate = TestGate.start(Clock.systemUTC());
        Path dir = gate.dataDir();
        Map<String, String> before;
        long rowsBefore;
        try {
            gate.server().awaitDemoDay();
            long released = gate.declare().crossingId();
            gate.advanceTo(released, Step.BORDER_CONTROL);
            gate.as("borderguard")
                    .decideStep(
                            released, Step.BORDER_CONTROL, new StepDecisionRequest(Outcome.HOLD, "seal broken", null));
            gate.as("borderguard").releaseHold(released, Step.BORDER_CONTROL, new HoldReleaseRequest("resealed", null));
            before = answers(gate);
            checkCountsAgainstCrossings(gate);
            rowsBefore = count(dir, "SELECT COUNT(*) FROM crossing_step");
        } finally {
            gate.close();
        }
        long added = toOldShape(dir);
        assertThat(added)
                .as("pending rows added back, as the old server wrote them")
                .isPositive();
        assertThat(count(dir, "SELECT COUNT(*) FROM crossing_step")).isEqualTo(rowsBefore + added);
        assertThat(count(dir, "SELECT COUNT(*) FROM crossing_step WHERE state = 'PENDING' AND officer IS NOT NULL"))
                .as("released holds, kept by V10")
                .isPositive();
        shutdown(dir);

        TestGate again = TestGate.reopen(dir);
        try {
            assertThat(count(again, "SELECT COUNT(*) FROM crossing_step")).isEqualTo(rowsBefore);
            Map<String, String> after = answers(again);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            after.forEach((path, body) -> assertThat(body).as(path).isEqualTo(before.get(path)));
            checkCountsAgainstCrossings(again);
        } finally {
            again.close();
        }
    }

    /** Every crossing's answer and every list by open step, as raw JSON. */
    private static Map<String, String> answers(TestGate gate) throws SQLException {
        GateClient customs = gate.as("customs");
        Map<String, String> answers = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        gate.server()
                .services()
                .tx
                .read(session ->
                        ids.addAll(session.createSelectionQuery("select id from CrossingEntity order by id", Long.class)
                                .getResultList()));
        assertThat(ids).hasSizeGreaterThan(20);
        for (long id : ids) {
            answers.put("/api/crossings/" + id, body(customs.send("GET", "/api/crossings/" + id, null)));
        }
        for (Step step : Step.values()) {
            String path = "/api/crossings?step=" + step + "&limit=1000";
            answers.put(path, body(customs.send("GET", path, null)));
        }
        answers.put("/api/crossings/queue", body(customs.send("GET", "/api/crossings/queue", null)));
        answers.put(
                "backlog",
                String.valueOf(gate.as("supervisor").supervision().dashboard().backlog()));
        return answers;
    }

    private static String body(RawResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Queue counts and backlog as the crossings at the gate show them, step by step. */
    private static void checkCountsAgainstCrossings(TestGate gate) {
        Map<Step, long[]> open = new EnumMap<>(Step.class);
        for (CrossingStatus status : AT_GATE) {
            for (CrossingDto c : gate.as("customs").crossings(status, null, 1000)) {
                for (StepStatusDto s : c.steps()) {
                    long[] n = open.computeIfAbsent(s.step(), k -> new long[2]);
                    if (s.state() == StepState.PENDING) {
                        n[0]++;
                    } else if (s.state() == StepState.HELD) {
                        n[1]++;
                    }
                }
            }
        }
        assertThat(open).as("open steps at the gate in this demo day").isNotEmpty();
        QueueSummaryDto queue = gate.as("customs").queue();
        List<StepBacklog> backlog =
                gate.as("supervisor").supervision().dashboard().backlog();
        for (Step step : Step.values()) {
            long[] n = open.getOrDefault(step, new long[2]);
            assertThat(queue.pendingByStep().getOrDefault(step, 0L))
                    .as("queue " + step)
                    .isEqualTo(n[0] + n[1]);
            StepBacklog b = backlog.get(step.ordinal());
            assertThat(b.step()).isEqualTo(step);
            assertThat(new long[] {b.pending(), b.held()}).as("backlog " + step).isEqualTo(n);
        }
        assertThat(queue.pendingByStep().values())
                .as("no step counted with nothing open")
                .allMatch(n -> n > 0);
    }

    /** Adds the rows the old server wrote for every step without one, and forgets that V10 (and V11 to V14) ran. */
    private static long toOldShape(Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir))) {
            c.setAutoCommit(false);
            long added;
            try (Statement s = c.createStatement()) {
                added = 0;
                for (Step step : Step.values()) {
                    added += s.executeUpdate("INSERT INTO crossing_step (id, crossing_id, step, state)"
                            + " SELECT NEXT VALUE FOR gate_seq, c.id, '" + step + "', 'PENDING' FROM crossing c"
                            + " WHERE NOT EXISTS (SELECT 1 FROM crossing_step s WHERE s.crossing_id = c.id AND s.step = '"
                            + step + "')");
                }
                assertThat(s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '10'"))
                        .isEqualTo(1);
                // the migrations after V10 are forgotten too (Flyway runs none out of order): V11's indexes back
                s.executeUpdate("CREATE INDEX ix_plate_read_crossing_id ON plate_read (crossing_id)");
                s.executeUpdate("CREATE INDEX ix_plate_read_match_status ON plate_read (match_status)");
                assertThat(s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '11'"))
                        .isEqualTo(1);
                // and V12's: the report index in V7's order
                s.executeUpdate("DROP INDEX ix_plate_read_report");
                s.executeUpdate("CREATE INDEX ix_plate_read_report"
                        + " ON plate_read (read_at, match_status, corrected_at, corrected_by)");
                assertThat(s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '12'"))
                        .isEqualTo(1);
                // and V13's: the audit hash unique again (stand-in hashes are unique too)
                s.executeUpdate("ALTER TABLE audit_entry ADD CONSTRAINT uq_audit_entry_hash UNIQUE (hash)");
                assertThat(s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '13'"))
                        .isEqualTo(1);
                // and V14's, which creates the audit table again in small pages with its rows: it does so once more
                assertThat(s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '14'"))
                        .isEqualTo(1);
            }
            c.commit();
            return added;
        }
    }

    private static long count(Path dir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(dir));
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long count(TestGate gate, String sql) {
        return gate.server()
                .services()
                .tx
                .read(session -> session.doReturningWork(c -> {
                    try (PreparedStatement s = c.prepareStatement(sql);
                            ResultSet r = s.executeQuery()) {
                        r.next();
                        return r.getLong(1);
                    }
                }));
    }

    private static String url(Path dir) {
        return "jdbc:derby:" + dir.toAbsolutePath().resolve("db");
    }

    private static void shutdown(Path dir) {
        try {
            DriverManager.getConnection(url(dir) + ";shutdown=true").close();
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).as(expected.getMessage()).isEqualTo("08006");
        }
    }
}
