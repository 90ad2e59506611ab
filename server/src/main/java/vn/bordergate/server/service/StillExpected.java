package vn.bordergate.server.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.hibernate.Session;
import vn.bordergate.common.workflow.CrossingStatus;

/**
 * Which of a few close crossings are still expected in a read's window, with their plates as the database has
 * them now: the matcher's check of what its in-memory table found, asked once or more for every plate read with
 * a close crossing. A plain JDBC statement on the session's connection and transaction: as HQL, Hibernate's query
 * handling (parameter binding, result rows, the auto-flush check of the batch's pending reads, which never touch
 * crossings) was about half of this check's time on the plate-read writers (JFR, docs/benchmarks.md "readpath").
 * {@code PlateMatcherIndexTest} compares every answer with the HQL scan of the whole window.
 */
final class StillExpected {
    private final List<CrossingStatus> expected;
    private final String sql;
    private final int ids;

    /** For exactly {@code ids} crossing ids a call (one statement text, compiled once by Derby). */
    StillExpected(List<CrossingStatus> expected, int ids) {
        this.expected = List.copyOf(expected);
        this.ids = ids;
        this.sql = "select id, tractor_plate, trailer_plate from crossing where status in ("
                + marks(expected.size()) + ") and expected_arrival between ? and ? and id in ("
                + marks(ids) + ")";
    }

    /** How many crossing ids a call takes. */
    int ids() {
        return ids;
    }

    /** Those of {@code crossingIds} expected in the window, by id. */
    List<CloseCrossing> rows(Session session, List<Long> crossingIds, Instant from, Instant to) {
        if (crossingIds.size() != ids) {
            throw new IllegalArgumentException("asked for " + crossingIds.size() + " ids, prepared for " + ids);
        }
        return session.doReturningWork(connection -> rows(connection, crossingIds, from, to));
    }

    private List<CloseCrossing> rows(Connection connection, List<Long> crossingIds, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            for (CrossingStatus status : expected) {
                statement.setString(p++, status.name()); // stored by name (EnumType.STRING)
            }
            statement.setTimestamp(p++, utcWallTime(from));
            statement.setTimestamp(p++, utcWallTime(to));
            for (Long id : crossingIds) {
                statement.setLong(p++, id);
            }
            List<CloseCrossing> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(CloseCrossing.of(result.getLong(1), result.getString(2), result.getString(3)));
                }
            }
            return rows;
        }
    }

    /**
     * An instant as the crossing table holds it: its UTC wall time in a plain TIMESTAMP, bound as Hibernate binds
     * what {@code UtcInstantConverter} gives it ({@link Timestamp#valueOf(LocalDateTime)}).
     */
    private static Timestamp utcWallTime(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static String marks(int count) {
        StringJoiner marks = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            marks.add("?");
        }
        return marks.toString();
    }
}
