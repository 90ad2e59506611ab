package vn.bordergate.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
public final class PlanStatistics {
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

    PlanStatistics(DataSource database) {
        this.database = database;
    }

    /** One pass for the scheduler: never throws, a failed pass is logged and the next one tries again. */
    public void refresh() {
        try {
            List<String> updated = refreshGrown();
            if (!updated.isEmpty()) {
                LOG.info("index statistics updated (tables grown or shrunk by half or more): {}", updated);
            }
        } catch (SQLException | RuntimeException e) {
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
            boolean first = pagesThen.isEmpty();
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
     * Derby reads the indexes without locking rows. Dropping the old statistics first is what invalidates the plans
     * of every table: Derby keeps no statistics, and so invalidates nothing on an update, for a table whose only
     * indexes are single-column unique ones (vehicle, audit entry), and the batch's select of vehicles by plate,
     * compiled on a small table, kept its table scan (docs/benchmarks.md).
     */
    private static void updateStatistics(Connection connection, String table) throws SQLException {
        try (PreparedStatement drop = connection.prepareStatement("CALL SYSCS_UTIL.SYSCS_DROP_STATISTICS(?, ?, NULL)");
                PreparedStatement update =
                        connection.prepareStatement("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS(?, ?, NULL)")) {
            for (PreparedStatement call : List.of(drop, update)) {
                call.setString(1, connection.getSchema());
                call.setString(2, table);
                call.execute();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }
}
