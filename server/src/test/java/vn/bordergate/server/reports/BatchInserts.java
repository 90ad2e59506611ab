package vn.bordergate.server.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** One prepared INSERT per table, executed in JDBC batches and committed every so many rows. */
final class BatchInserts implements AutoCloseable {
    private static final int BATCH = 5_000;
    private static final int COMMIT_EVERY = 250_000;

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    private final Map<String, Integer> pending = new LinkedHashMap<>();
    private long sinceCommit;
    private long rows;

    BatchInserts(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    /** Adds a row to {@code table}'s batch: {@code columns} comma-separated, values in the same order. */
    void insert(String table, String columns, Object... values) throws SQLException {
        PreparedStatement statement = statements.get(table);
        if (statement == null) {
            String marks = "?" + ", ?".repeat(values.length - 1);
            statement =
                    connection.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")");
            statements.put(table, statement);
        }
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            statement.setObject(i + 1, v instanceof Instant t ? utc(t) : v);
        }
        statement.addBatch();
        rows++;
        int n = pending.merge(table, 1, Integer::sum);
        if (n >= BATCH) {
            flush(); // every table, parents first: a child row's foreign key needs its parent inserted
        }
        if (++sinceCommit >= COMMIT_EVERY) {
            flush();
            connection.commit();
            sinceCommit = 0;
        }
    }

    /** Parent tables first: the statements run in the order their tables were first used. */
    void flush() throws SQLException {
        for (Map.Entry<String, PreparedStatement> e : statements.entrySet()) {
            if (pending.getOrDefault(e.getKey(), 0) > 0) {
                e.getValue().executeBatch();
                pending.put(e.getKey(), 0);
            }
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        connection.commit();
        for (PreparedStatement s : statements.values()) {
            s.close();
        }
    }

    static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
