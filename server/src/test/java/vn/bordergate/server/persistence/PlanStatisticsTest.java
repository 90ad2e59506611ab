package vn.bordergate.server.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The databases the server opens compile a statement once and keep its plan while its tables grow; the statistics
 * pass updates a table that doubled and so recompiles the plans that read it, once. Real Derby in a temp directory.
 */
class PlanStatisticsTest {
    private static final String COUNT = "SELECT COUNT(*) FROM probe WHERE kind = ?";

    @TempDir
    Path data;

    @Test
    void aStatementKeepsItsPlanWhileItsTableGrowsUnderIt() {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            run(db, connection -> {
                createProbe(connection, 500);
                String compiled = executeCounting(connection, 1);
                // Derby's default: at the 101st execution it sees the table three times larger and recompiles
                insertProbes(connection, 500, 1500);
                assertThat(executeCounting(connection, 250)).isEqualTo(compiled);
            });
        }
        assertThat(System.getProperty(GateDatabase.STATISTICS_DAEMON_PROPERTY)).isEqualTo("false");
    }

    @Test
    void statisticsFollowATableThatDoubledAndItsPlansAreCompiledOnceMore() throws Exception {
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            PlanStatistics pass = db.planStatisticsPass();
            run(db, connection -> createProbe(connection, 300));

            run(db, connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE few (id INT NOT NULL PRIMARY KEY, kind VARCHAR(8) NOT NULL)");
                    statement.execute("CREATE INDEX ix_few_kind ON few (kind)");
                    statement.execute("INSERT INTO few VALUES (1, 'A'), (2, 'B'), (3, 'A')");
                }
                connection.commit();
            });

            assertThat(pass.refreshGrown())
                    .as("a table with rows and no statistics, not one of a page")
                    .contains("PROBE")
                    .doesNotContain("FEW");
            run(db, connection -> assertThat(statistics(connection)).contains("numrows= 300"));
            String compiled = answer(db, connection -> executeCounting(connection, 1));
            assertThat(pass.refreshGrown()).as("nothing grew").isEmpty();
            String again = answer(db, connection -> executeCounting(connection, 1));
            assertThat(again).isEqualTo(compiled);

            run(db, connection -> insertProbes(connection, 300, 3300));
            List<String> updated = pass.refreshGrown();

            assertThat(updated).contains("PROBE");
            run(db, connection -> {
                assertThat(statistics(connection)).contains("numrows= 3300");
                String recompiled = executeCounting(connection, 1);
                assertThat(recompiled).isNotEqualTo(compiled);
                assertThat(executeCounting(connection, 250)).isEqualTo(recompiled);
            });
            assertThat(pass.refreshGrown()).isEmpty();
        }
    }

    @Test
    void thePassesRunOnTheirOwnThreadUntilTheDatabaseCloses() throws Exception {
        Set<Thread> before = passThreads();
        Set<Thread> ours;
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            run(db, connection -> createProbe(connection, 300));
            db.keepPlanStatistics(Duration.ZERO, Duration.ofMillis(50));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!answer(db, PlanStatisticsTest::statistics).contains("numrows= 300") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(answer(db, PlanStatisticsTest::statistics)).contains("numrows= 300");
            ours = passThreads();
            ours.removeAll(before);
            assertThat(ours).as("a daemon thread of its own").hasSize(1).allMatch(Thread::isDaemon);
        }
        // close waits for a pass under way, so none is left to meet the database shut down
        for (Thread pass : ours) {
            pass.join(Duration.ofSeconds(10).toMillis());
            assertThat(pass.isAlive()).isFalse();
        }
    }

    private static Set<Thread> passThreads() {
        Set<Thread> passes = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("plan-statistics")) {
                passes.add(t);
            }
        }
        return passes;
    }

    @Test
    void aPlanMadeOnASmallTableWithOnlyUniqueKeysIsMadeAgainWhenTheTableGrew() throws Exception {
        String select = "SELECT id FROM keyed WHERE plate IN (?, ?, ?, ?, ?, ?, ?, ?)";
        try (GateDatabase db = GateDatabase.openEmbedded(data)) {
            PlanStatistics pass = db.planStatisticsPass();
            run(db, connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE keyed (id INT NOT NULL PRIMARY KEY, plate VARCHAR(16) NOT NULL"
                            + " UNIQUE, filler CHAR(200) NOT NULL DEFAULT '')");
                }
                connection.commit();
                insertKeyed(connection, 0, 20);
            });
            assertThat(pass.refreshGrown()).doesNotContain("KEYED");
            String small = answer(db, connection -> plan(connection, select));
            // what Derby's optimizer chooses for eight plates among twenty rows
            assertThat(small).contains("Table Scan ResultSet for KEYED");

            run(db, connection -> insertKeyed(connection, 20, 2000));
            assertThat(pass.refreshGrown()).contains("KEYED");

            String grown = answer(db, connection -> plan(connection, select));
            assertThat(grown).contains("Index Scan ResultSet for KEYED").doesNotContain("Table Scan");
        }
    }

    private static void insertKeyed(Connection connection, int from, int to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO keyed (id, plate) VALUES (?, ?)")) {
            for (int id = from; id < to; id++) {
                insert.setInt(1, id);
                insert.setString(2, "29C" + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    /** Runs {@code select} once with eight plates and answers the plan Derby ran. */
    private static String plan(Connection connection, String select) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
        }
        try (PreparedStatement query = connection.prepareStatement(select)) {
            for (int i = 1; i <= 8; i++) {
                query.setString(i, "29C" + i * 7);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    // read them all: the plan's figures are complete once the rows are
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            rows.next();
            String plan = rows.getString(1);
            connection.commit();
            return plan;
        }
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private interface VoidWork {
        void on(Connection connection) throws SQLException;
    }

    private static <T> T answer(GateDatabase db, Work<T> work) {
        return db.sessionFactory().fromSession(session -> session.doReturningWork(work::on));
    }

    private static void run(GateDatabase db, VoidWork work) {
        answer(db, connection -> {
            work.on(connection);
            return null;
        });
    }

    private static void createProbe(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // rows of about 200 bytes: 300 of them fill more than PlanStatistics.MIN_PAGES pages of 4 kB
            statement.execute("CREATE TABLE probe (id INT NOT NULL PRIMARY KEY, kind VARCHAR(8) NOT NULL,"
                    + " filler CHAR(200) NOT NULL DEFAULT '')");
            statement.execute("CREATE INDEX ix_probe_kind ON probe (kind)");
        }
        connection.commit();
        insertProbes(connection, 0, rows);
    }

    private static void insertProbes(Connection connection, int from, int to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO probe (id, kind) VALUES (?, ?)")) {
            for (int id = from; id < to; id++) {
                insert.setInt(1, id);
                insert.setString(2, "K" + id % 7);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    /** Runs the count {@code times} and answers when Derby began compiling the plan it ran the last time. */
    private static String executeCounting(Connection connection, int times) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_STATISTICS_TIMING(1)");
        }
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, "K3");
            for (int i = 0; i < times; i++) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
            rows.next();
            String plan = rows.getString(1);
            connection.commit();
            return plan.lines()
                    .filter(line -> line.contains("Begin Compilation Timestamp"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static String statistics(Connection connection) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT st.statistics FROM sys.sysstatistics st"
                        + " JOIN sys.systables t ON t.tableid = st.tableid WHERE t.tablename = 'PROBE'")) {
            while (rows.next()) {
                all.append(rows.getObject(1)).append('\n');
            }
        }
        connection.commit();
        return all.toString();
    }
}
