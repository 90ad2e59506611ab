package vn.bordergate.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Derby's index statistics, and with them the compiled query plans, in step with tables that grow, from the
 * gate's scheduler instead of from the requests.
 *
 * <p>Left to itself Derby rechecks a statement's tables every 100 executions and recompiles it, in the request that
 * runs it, whenever one of them has grown by a tenth (by less while small): on a young database under load that was
 * 76 recompiles in 15 s of declarations (docs/benchmarks.md), and a recompile of a statement other connections are
 * running is where Derby 10.16 once failed with a ClassCastException. {@link GateDatabase} turns that check and
 * Derby's own statistics daemon off; this pass takes their place: a table whose heap has doubled (or halved) since
 * it was last looked at gets its statistics dropped and written anew, which also invalidates the plans that read it,
 * so they are compiled again with the new sizes: in the passes that find a table doubled, not at every tenth.
 */
public final class PlanStatistics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanStatistics.class);

    /** Growth (or shrinking) of a table's heap, in pages, that calls for new statistics and plans. */
    static final double FACTOR = 2.0;

    /**
     * Smaller tables (a few hundred rows) are left alone: any plan reads them quickly, and each update would send
     * the statements that read them through Derby's compiler again while the gate is busy.
     */
    static final long MIN_PAGES = 8;

    private static final String HEAP_PAGES = "SELECT t.tablename, s.numallocatedpages - s.numfreepages"
            + " FROM TABLE (SYSCS_DIAG.SPACE_TABLE()) s"
            + " JOIN sys.systables t ON t.tableid = s.tableid"
            + " JOIN sys.sysschemas sc ON sc.schemaid = t.schemaid"
            + " WHERE s.isindex = 0 AND t.tabletype = 'T' AND sc.schemaname = CURRENT SCHEMA";

    private static final String WITH_STATISTICS = "SELECT DISTINCT t.tablename FROM sys.sysstatistics st"
            + " JOIN sys.systables t ON t.tableid = st.tableid"
            + " JOIN sys.sysschemas sc ON sc.schemaid = t.schemaid WHERE sc.schemaname = CURRENT SCHEMA";

    private final DataSource database;
    /** Pages in use of each table when its statistics were last updated or, after a start, first looked at. */
    private final Map<String, Long> pagesThen = new HashMap<>();
    /** Whether a whole pass has gone through since the start (the first one also catches up tables without any). */
    private boolean firstPassDone;

    private volatile ScheduledExecutorService thread;

    PlanStatistics(DataSource database) {
        this.database = database;
    }

    /** Runs a pass {@code first} after now and then {@code every} after the end of each, on a daemon thread of its own. */
    synchronized void start(Duration first, Duration every) {
        if (thread != null) {
            throw new IllegalStateException("plan statistics already started");
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "plan-statistics");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::refresh, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the passes, waiting a little for one under way so that it does not meet a database being shut down. */
    @Override
    public void close() {
        ScheduledExecutorService running = thread;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("an index statistics pass was still running when the database closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One pass: never throws, a failed pass is logged and the next one tries again. */
    void refresh() {
        try {
            List<String> updated = refreshGrown();
            if (!updated.isEmpty()) {
                LOG.info("index statistics updated (tables grown or shrunk by half or more): {}", updated);
            }
        } catch (SQLException e) {
            LOG.warn("index statistics not updated this time ({}): {}", e.getSQLState(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("index statistics not updated this time: {}", e.getMessage());
        }
    }

    /**
     * Updates the statistics of the tables of {@link #MIN_PAGES} or more that doubled or halved since they were last
     * looked at. The first pass after a start only notes each table's size (statements compile afresh after a start,
     * with the sizes of the day) and updates the tables that have no statistics at all.
     *
     * @return the tables whose statistics were updated
     */
    synchronized List<String> refreshGrown() throws SQLException {
        try (Connection connection = database.getConnection()) {
            boolean first = !firstPassDone;
            Map<String, Long> pagesNow = heapPages(connection);
            Set<String> withStatistics = first ? tablesWithStatistics(connection) : Set.of();
            List<String> updated = new ArrayList<>();
            for (Map.Entry<String, Long> table : pagesNow.entrySet()) {
                String name = table.getKey();
                long now = table.getValue();
                Long then = pagesThen.get(name);
                boolean stale = now >= MIN_PAGES
                        && (then == null
                                ? first && !withStatistics.contains(name)
                                : now >= then * FACTOR || now * FACTOR <= then);
                if (stale) {
                    updateStatistics(connection, name);
                    updated.add(name);
                }
                if (stale || then == null) {
                    pagesThen.put(name, now);
                }
            }
            firstPassDone = true;
            return updated;
        }
    }

    private static Map<String, Long> heapPages(Connection connection) throws SQLException {
        Map<String, Long> pages = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(HEAP_PAGES)) {
            while (rows.next()) {
                pages.put(rows.getString(1), rows.getLong(2));
            }
        } finally {
            connection.rollback();
        }
        return pages;
    }

    private static Set<String> tablesWithStatistics(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(WITH_STATISTICS)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } finally {
            connection.rollback();
        }
        return tables;
    }

    /**
     * The update runs first and commits on its own: it reads every index of the table, and only then writes the new
     * statistics and invalidates the plans that read them, briefly. Derby keeps no statistics, and so invalidates
     * nothing on an update, for a table whose only indexes are single-column unique ones (vehicle, audit entry): the
     * batch's select of vehicles by plate, compiled on a small table, kept its table scan (docs/benchmarks.md). For
     * such a table a drop of its (absent) statistics follows, which deletes nothing and invalidates its plans.
     */
    private static void updateStatistics(Connection connection, String table) throws SQLException {
        call(connection, "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)", table);
        if (!hasStatistics(connection, table)) {
            call(connection, "CALL SYSCS_UTIL.SYSCS_DROP_STATISTICS(?, ?, NULL)", table);
        }
    }

    private static void call(Connection connection, String procedure, String table) throws SQLException {
        try (PreparedStatement call = connection.prepareStatement(procedure)) {
            call.setString(1, connection.getSchema());
            call.setString(2, table);
            call.execute();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private static boolean hasStatistics(Connection connection, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(WITH_STATISTICS + " AND t.tablename = ?")) {
            select.setString(1, table);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } finally {
            connection.rollback();
        }
    }
}
