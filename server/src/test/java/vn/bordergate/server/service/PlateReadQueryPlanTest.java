package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.PlateReadStatsDto;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.PlateReadEntity;
import vn.bordergate.server.persistence.Transactions;

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
            fill(db);

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

    @Test
    void theAutoMatchRateCountsTheReadsOfTheLastDayByReadTime() {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            fill(db);
            db.sessionFactory()
                    .inTransaction(session -> session.doWork(connection -> {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO plate_read (id,"
                                + " camera_code, read_at, raw_text, confidence, match_status, corrected_at)"
                                + " VALUES (?, 'CAM-1', ?, 'R', 0.9, ?, ?)")) {
                            // a millisecond before the day: not counted
                            insert.setLong(1, ROWS + 1);
                            insert.setTimestamp(
                                    2,
                                    utc(NOW.minus(PlateReadHistory.RATE_PERIOD).minusMillis(1)));
                            insert.setString(3, "MATCHED");
                            insert.setTimestamp(4, null);
                            insert.addBatch();
                            // read two days ago, corrected an hour ago: the period is the read's, not the correction's
                            insert.setLong(1, ROWS + 2);
                            insert.setTimestamp(2, utc(NOW.minus(Duration.ofDays(2))));
                            insert.setString(3, "CORRECTED");
                            insert.setTimestamp(4, utc(NOW.minus(Duration.ofHours(1))));
                            insert.addBatch();
                            // read within the day and corrected: counted as corrected
                            insert.setLong(1, ROWS + 3);
                            insert.setTimestamp(2, utc(NOW.minusSeconds(301)));
                            insert.setString(3, "CORRECTED");
                            insert.setTimestamp(4, utc(NOW.minusSeconds(60)));
                            insert.addBatch();
                            insert.executeBatch();
                        }
                    }));
            Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
            PlateReadHistory history = new PlateReadHistory(
                    new Transactions(db.sessionFactory()), new PlateReadImages(data, 1, fixed, 4), fixed);

            // reads i = 0..144 of the fill (every ten minutes from NOW; the one at exactly NOW - 24 h counts), a third
            // of them (i % 3 == 0) left to an officer, and the one corrected read of the day
            assertThat(history.stats()).isEqualTo(new PlateReadStatsDto(146, 96, 49, 1, 96 / 146.0));
        }
    }

    /** One read every ten minutes back from {@link #NOW} (about 42 days), every third left to an officer. */
    private static void fill(GateDatabase db) {
        db.sessionFactory()
                .inTransaction(session -> session.doWork(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO plate_read (id, camera_code,"
                                    + " read_at, raw_text, confidence, match_status) VALUES (?, 'CAM-1', ?, 'R', 0.9, ?)")) {
                        for (int i = 0; i < ROWS; i++) { // one read every ten minutes: about 42 days, 144 of them today
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
