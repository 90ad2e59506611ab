package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Plain JDBC for the reports: aggregates come back as a few rows, and the few listings stream forward-only
 * with a fetch size, so no report loads entities or holds a year of rows in memory.
 */
final class ReportQuery {
    interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private ReportQuery() {}

    static void each(Connection connection, String sql, Row row) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(500);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows);
                }
            }
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        long[] n = {0};
        each(connection, sql, r -> n[0] = r.getLong(1));
        return n[0];
    }

    /** A stored UTC wall time as an instant. */
    static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    /** Whole minutes between two stored times, as SQL computes them. */
    static String minutes(String from, String to) {
        return "{fn TIMESTAMPDIFF(SQL_TSI_MINUTE, " + from + ", " + to + ")}";
    }
}
