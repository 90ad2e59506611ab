package vn.bordergate.server.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.server.persistence.Transactions;

/**
 * Links committed audit entries into the hash chain, in id order, from one writer.
 *
 * <p>Writers store their entry inside their own transaction with a {@link #PENDING} hash; this chainer
 * later gives each its previous hash and hash, many entries per transaction. Writers therefore never
 * wait for each other's commits (a chain lock held across every commit capped all audited writes at
 * one disk flush each). Ids come from one pooled sequence, increasing within the server; an entry is
 * chained only once every transaction that might still commit a smaller id has ended, so the chain
 * order stays the id order that {@link AuditLog#verify()} walks.
 *
 * <p>Passes after commits are paced ({@link #PACE_MILLIS}): each pass commits its links, one log flush, and Derby
 * flushes one commit at a time, so a pass after every batch of declarations put a flush of the chainer's between the
 * writers' flushes (branch decltail measured the commit as the largest stage of a slow declaration). Readers of the
 * log ({@link AuditLog#list}, {@link AuditLog#verify}) chain what is committed themselves first, so they never see
 * the pace.
 */
final class AuditChain {
    static final String PENDING = "pending:";
    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);
    private static final int BATCH = 500;
    /**
     * The least time between the starts of two passes after commits: at 2,000 declarations a second, some 200 entries
     * a pass (under {@link #BATCH}) and ten flushes a second instead of one per declaration batch.
     */
    static final long PACE_MILLIS = 100;

    private final Transactions tx;
    /** Open transactions that appended: the smallest audit id each may still commit (MIN_VALUE: unknown yet). */
    private final Map<Object, Long> inFlight = new ConcurrentHashMap<>();

    private final ReentrantLock chaining = new ReentrantLock();

    /** Runs a pass after a delay (in nanoseconds). */
    @FunctionalInterface
    interface Passes {
        void after(long delayNanos, Runnable pass);
    }

    /** The passes' thread; a test replaces it to see the delays asked for and run the passes itself. */
    volatile Passes passes = passThread();
    /** {@link #PACE_MILLIS} in nanoseconds; a test sets a longer one to tell a paced pass from one run at once. */
    volatile long paceNanos = TimeUnit.MILLISECONDS.toNanos(PACE_MILLIS);
    /** When (nanoTime) the last pass after commits started; none yet: as long ago as the longest pace. */
    private volatile long lastPass = System.nanoTime() - Long.MAX_VALUE / 4;
    /**
     * The largest id {@link #appended} has reported (or found in the table at start). A transaction that holds a
     * smaller id was in {@link #inFlight} before that id was reported, so a snapshot of the floors taken after
     * reading this covers it; an id handed out after the snapshot is larger and is left for the next pass.
     */
    private final AtomicLong appendedUpTo = new AtomicLong(-1);

    /** Runs between the snapshot and the chaining query: lets a test hold the chainer exactly there. */
    volatile Runnable afterSnapshot = () -> {};

    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The end of the chain (guarded by {@link #chaining}); null until read from the database. */
    private Long lastId;

    private String lastHash;

    AuditChain(Transactions tx) {
        this.tx = tx;
    }

    /** A transaction is about to append: until {@link #appended} no newer entry may be chained. */
    void opening(Object transaction) {
        inFlight.putIfAbsent(transaction, Long.MIN_VALUE);
    }

    void appended(Object transaction, long id) {
        inFlight.compute(
                transaction, (t, floor) -> floor == null || floor == Long.MIN_VALUE ? id : Math.min(floor, id));
        appendedUpTo.accumulateAndGet(id, Math::max);
    }

    void ended(Object transaction, boolean committed) {
        inFlight.remove(transaction);
        if (committed) {
            schedule();
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            long wait = lastPass + paceNanos - System.nanoTime();
            passes.after(Math.max(0, wait), () -> {
                scheduled.set(false);
                lastPass = System.nanoTime();
                try {
                    chainCommitted();
                } catch (RuntimeException e) {
                    // the entries stay pending and are chained on the next commit, verify or start
                    LOG.warn("audit entries not chained yet: {}", e.getMessage());
                }
            });
        }
    }

    private static Passes passThread() {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "audit-chain");
            t.setDaemon(true);
            return t;
        });
        return (delayNanos, pass) -> thread.schedule(pass, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Chains every committed pending entry that may be chained now; answers the id the chain ends at. */
    long chainCommitted() {
        chaining.lock();
        try {
            while (true) {
                if (lastId == null) {
                    readEnd();
                }
                // the bound first, then the floors: an entry whose id was handed out but not yet inserted when
                // the floors were read would otherwise be passed over for good by a larger committed one
                long upTo = appendedUpTo.get();
                long below = Math.min(
                        upTo == Long.MAX_VALUE ? upTo : upTo + 1,
                        inFlight.values().stream()
                                .mapToLong(Long::longValue)
                                .min()
                                .orElse(Long.MAX_VALUE));
                afterSnapshot.run();
                long fromId = lastId;
                String fromHash = lastHash;
                Object[] end = tx.write(session -> link(session, fromId, fromHash, below));
                if (end == null) {
                    return lastId;
                }
                lastId = (Long) end[0];
                lastHash = (String) end[1];
            }
        } catch (RuntimeException e) {
            lastId = null; // re-read the end of the chain next time
            throw e;
        } finally {
            chaining.unlock();
        }
    }

    /** A pending entry's new hashes. */
    private record Linked(long id, String previousHash, String hash) {}

    /**
     * Links up to a batch of pending entries after {@code fromId}; null when there was none. Read with plain JDBC:
     * Hibernate's query handling and entity building were half of the read's samples (JFR, branch declcpu3), and
     * nothing here needs an entity.
     */
    private static Object[] link(Session session, long fromId, String fromHash, long below) {
        return session.doReturningWork(connection -> {
            String previous = fromHash;
            long id = fromId;
            List<Linked> linked = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, hash, recorded_at, actor,"
                    + " station_code, action, entity_type, entity_id, details FROM audit_entry"
                    + " WHERE id > ? AND id < ? ORDER BY id")) {
                select.setLong(1, fromId);
                select.setLong(2, below);
                select.setMaxRows(BATCH);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    do {
                        id = row.getLong(1);
                        String hash = row.getString(2);
                        if (!hash.startsWith(PENDING)) {
                            // already chained (by a server that stopped before it noted so): continue from it
                            previous = hash;
                            continue;
                        }
                        String next = AuditLog.hash(
                                previous,
                                // the UTC wall time UtcInstantConverter stores
                                row.getTimestamp(3).toLocalDateTime().toInstant(ZoneOffset.UTC),
                                row.getString(4),
                                row.getString(5),
                                row.getString(6),
                                row.getString(7),
                                row.getString(8),
                                row.getString(9));
                        linked.add(new Linked(id, previous, next));
                        previous = next;
                    } while (row.next());
                }
            }
            writeHashes(connection, linked);
            return new Object[] {id, previous};
        });
    }

    /**
     * Only the two hash columns, in one JDBC batch: Hibernate's update of an entry set every column again, so the
     * database logged each entry's whole row (details up to 2,000 characters) a second time.
     */
    private static void writeHashes(Connection connection, List<Linked> linked) throws SQLException {
        if (linked.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE audit_entry SET previous_hash = ?, hash = ? WHERE id = ?")) {
            for (Linked e : linked) {
                update.setString(1, e.previousHash());
                update.setString(2, e.hash());
                update.setLong(3, e.id());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1 && counts[i] != Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException(
                            "audit entry " + linked.get(i).id() + " was not found to be chained");
                }
            }
        }
    }

    private void readEnd() {
        Object[] end = tx.read(session -> {
            List<Object[]> last = session.createSelectionQuery(
                            "select id, hash from AuditEntryEntity where hash not like :pending order by id desc",
                            Object[].class)
                    .setParameter("pending", PENDING + "%")
                    .setMaxResults(1)
                    .getResultList();
            return last.isEmpty() ? new Object[] {-1L, AuditLog.GENESIS} : last.get(0);
        });
        lastId = (Long) end[0];
        lastHash = (String) end[1];
        // entries an earlier run left pending are chained without waiting for a new append
        Long highest =
                tx.read(session -> session.createSelectionQuery("select max(id) from AuditEntryEntity", Long.class)
                        .getSingleResult());
        if (highest != null) {
            appendedUpTo.accumulateAndGet(highest, Math::max);
        }
    }
}
