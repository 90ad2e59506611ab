package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.AuditVerification;
import vn.bordergate.server.persistence.GateDatabase;
import vn.bordergate.server.persistence.Transactions;

/**
 * The audit table in 4 KB pages (V14): Derby allocates a buffer of the page's size for many updates of a row, and the
 * chainer updates every entry once, so in the 32 KB pages Derby had chosen each chained entry cost a 32 KB array.
 * Entries written before the migration are kept as they were, and the page size is not left set for other tables.
 */
class AuditEntryPagesTest {
    /** The chainer's allocation per entry it links here: 61 KB in 32 KB pages, 17 KB in 4 KB pages (Derby 10.16). */
    private static final long MOST_BYTES_PER_CHAINED_ENTRY = 32 * 1024;

    @TempDir
    Path data;

    @Test
    void entriesWrittenBeforeTheMigrationAreKeptInSmallPages() throws Exception {
        String url = "jdbc:derby:" + data.toAbsolutePath().resolve("db");
        Flyway.configure()
                .dataSource(url + ";create=true", null, null)
                .locations("classpath:db/migration/derby")
                .target("13")
                .load()
                .migrate();
        List<String> before;
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(pageSize(c))
                    .as("Derby's own choice for the table, before V14")
                    .isEqualTo(32768);
            insertPending(c, 1, 3);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_entry SET details = '" + "d".repeat(2000) + "', station_code = NULL,"
                        + " entity_id = NULL WHERE id = 2");
                s.executeUpdate("UPDATE audit_entry SET details = NULL WHERE id = 3");
            }
            before = rows(c);
        }
        shutdown(url);

        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            List<String> after = new Transactions(db.sessionFactory())
                    .write(session -> session.doReturningWork(c -> {
                        assertThat(pageSize(c)).isEqualTo(4096);
                        assertThat(property(c, "derby.storage.pageSize"))
                                .as("removed again: later tables get Derby's own choice")
                                .isNull();
                        assertThatThrownBy(() -> insertPending(c, 2, 2))
                                .as("the primary key is back")
                                .isInstanceOf(SQLException.class)
                                .hasMessageContaining("duplicate key");
                        return rows(c);
                    }));
            assertThat(after).hasSize(3).isEqualTo(before);
        }
    }

    @Test
    void chainingAnEntryAllocatesLessThanOfThePageDerbyHadChosen() throws Exception {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            Transactions tx = new Transactions(db.sessionFactory());
            AuditLog audit = new AuditLog(tx, Clock.systemUTC());
            // written as the writers leave them (pending), not through AuditLog.append: no chainer runs on its own
            tx.write(session -> session.doReturningWork(c -> insertPending(c, 1, 200)));
            audit.chain().chainCommitted(); // the statements compiled, the end of the chain read
            int entries = 2_000;
            tx.write(session -> session.doReturningWork(c -> insertPending(c, 201, 200 + entries)));
            Object writer = new Object(); // what a writer's transaction reports of its ids
            audit.chain().opening(writer);
            audit.chain().appended(writer, 201);
            audit.chain().appended(writer, 200 + entries);
            audit.chain().ended(writer, false); // committed, but without scheduling the chainer's own thread

            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long end = audit.chain().chainCommitted();
            long perEntry = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / entries;

            assertThat(end).isEqualTo(200 + entries);
            assertThat(perEntry).as("bytes allocated per chained entry").isLessThan(MOST_BYTES_PER_CHAINED_ENTRY);
            AuditVerification verification = audit.verify();
            assertThat(verification.intact()).as(verification.problem()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(200 + entries);
        }
    }

    private static int insertPending(Connection c, long fromId, long toId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (id, recorded_at, actor,"
                + " station_code, action, entity_type, entity_id, details, previous_hash, hash)"
                + " VALUES (?, ?, 'enterprise', 'HN', 'DECLARATION_SUBMITTED', 'declaration', ?, ?, ?, ?)")) {
            for (long id = fromId; id <= toId; id++) {
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.valueOf("2026-11-25 12:00:00." + String.format("%03d", id % 1000)));
                insert.setString(3, Long.toString(id));
                insert.setString(4, DeclarationOpening.code(id) + " 29C-123.45 EXPORT");
                insert.setString(5, AuditChain.PENDING);
                insert.setString(6, AuditChain.PENDING + id);
                insert.addBatch();
            }
            return insert.executeBatch().length;
        }
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM audit_entry ORDER BY id")) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(r.getMetaData().getColumnName(i))
                            .append('=')
                            .append(r.getString(i))
                            .append(' ');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static int pageSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pagesize FROM TABLE (SYSCS_DIAG.SPACE_TABLE('AUDIT_ENTRY')) t"
                        + " WHERE isindex = 0")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static String property(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("VALUES SYSCS_UTIL.SYSCS_GET_DATABASE_PROPERTY(?)")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void shutdown(String url) {
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
        } catch (SQLException expected) {
            assertThat(expected.getSQLState()).as(expected.getMessage()).isEqualTo("08006");
        }
    }
}
