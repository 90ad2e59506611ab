package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.PlateReadEntity;

/**
 * The workstations' newest reads and the day's auto-match rate read the part of ix_plate_read_report they need, not
 * the whole plate_read table (which only grows): Derby's own account of the plans it ran, on a migrated real database.
 */
class PlateReadQueryPlanTest {
    private static final int ROWS = 6_000;
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void theNewestReadsAndTheDaysRateReadTheIndexNotTheTable() {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            db.sessionFactory()
                    .inTransaction(session -> session.doWork(connection -> {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO plate_read (id, camera_code,"
                                        + " read_at, raw_text, confidence, match_status) VALUES (?, 'CAM-1', ?, 'R', 0.9, ?)")) {
                            for (int i = 0;
                                    i < ROWS;
                                    i++) { // one read every ten minutes: about 42 days, 144 of them today
                                insert.setLong(1, i + 1);
                                insert.setTimestamp(2, utc(NOW.minusSeconds(600L * i)));
                                insert.setString(3, i % 3 == 0 ? "NEEDS_OFFICER" : "MATCHED");
                                insert.addBatch();
                            }
                            insert.executeBatch();
                        }
                    }));
            // as the server's statistics pass does for a grown table
            db.sessionFactory()
                    .inTransaction(session -> session.doWork(connection -> {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(
                                    "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(CURRENT SCHEMA, 'PLATE_READ', NULL)");
                        }
                    }));

            String recent = plan(db, session -> assertThat(
                            session.createSelectionQuery(PlateReadHistory.RECENT, PlateReadEntity.class)
                                    .setMaxResults(40)
                                    .getResultList())
                    .hasSize(40)
                    .first()
                    .extracting(PlateReadEntity::getReadAt)
                    .isEqualTo(NOW));
            assertThat(recent)
                    .contains("Index Scan ResultSet for PLATE_READ using index IX_PLATE_READ_REPORT")
                    .doesNotContain("Table Scan", "Sort ResultSet");
            assertThat(rowsSeen(recent)).isLessThan(100);

            String rate = plan(
                    db, session -> assertThat(session.createSelectionQuery(PlateReadHistory.BY_STATUS, Object[].class)
                                    .setParameter("since", NOW.minus(PlateReadHistory.RATE_PERIOD))
                                    .getResultList())
                            .hasSize(2));
            assertThat(rate)
                    .contains("Index Scan ResultSet for PLATE_READ using index IX_PLATE_READ_REPORT")
                    .doesNotContain("Table Scan");
            assertThat(rowsSeen(rate)).isLessThan(300);
        }
    }

    /** Runs {@code query} with Derby's runtime statistics on and answers the plan it ran. */
    private static String plan(GateDatabase db, Consumer<Session> query) {
        return db.sessionFactory().fromSession(session -> {
            session.doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                }
            });
            query.accept(session);
            return session.doReturningWork(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
        });
    }

    /** The most rows any scan of the plan visited. */
    private static int rowsSeen(String plan) {
        return plan.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("Number of rows visited="))
                .mapToInt(line ->
                        Integer.parseInt(line.substring(line.indexOf('=') + 1).strip()))
                .max()
                .orElseThrow();
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
