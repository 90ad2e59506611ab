package vn.bordergate.server.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.persistence.CrossingChanges;

/**
 * The matcher's close-crossing check ({@link StillExpected}'s answer) from the crossing rows it read before, kept
 * until Hibernate writes that crossing again ({@link CrossingChanges}): the reads of a queue of trucks ask for the
 * same few crossings over and over, and the database's index probes and row fetches for them were a fifth of the
 * plate-read writers' CPU (JFR, docs/benchmarks.md "readcpu", "readwrite"). Without the listener (a session factory
 * built elsewhere) every check goes to the database as before.
 *
 * <p>Why a kept row is never older than a committed write: {@link CrossingChanges} tells every write of a crossing at
 * its flush and again inside its commit (or rollback), and each telling drops the row and counts. A row is kept only
 * if no telling of its crossing came between the count read before its fetch and its keeping (the last {@link
 * #RECENT} tellings are remembered by crossing; a fetch that spans more keeps nothing), and not while its crossing has
 * a flush whose end was not told (a failed commit tells no end: that crossing is read from the database from then on). So a
 * row kept before a write's end is dropped by that end, and a row kept after it was fetched after it, from the
 * committed row. That last step needs each statement to read what is committed when it runs (read committed, Derby's
 * and PostgreSQL's default): rows fetched under a stricter isolation, which may read an older snapshot, are not kept.
 */
final class SeenCrossings implements CrossingChanges.View {
    /** Kept rows at most; then all are dropped (always safe) and read again. */
    private static final int MAX_ROWS = 100_000;
    /**
     * Tellings remembered by crossing: an officer's decision elsewhere need not cost every fetch under way its keeping
     * (each of those reads would fetch and normalise its rows again).
     */
    static final int RECENT = 1_024;
    /** Crossings fetched by one statement (always as many ids: one statement text, compiled once). */
    private static final int FETCH = 8;

    private static final String SQL = "select id, status, tractor_plate, trailer_plate, expected_arrival from crossing"
            + " where id in (?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A crossing row as the check needs it, with its plates as {@link PlateParser#normalize} gives them (null for
     * none): normalised once when the row is fetched, not for every read that scores it (the matcher's lookups of
     * normalised plates were a sixteenth of the plate-read writers' CPU: JFR, docs/benchmarks.md "readrate").
     */
    record Row(
            long id,
            CrossingStatus status,
            String tractor,
            String trailer,
            Instant expectedArrival,
            String tractorNormalized,
            String trailerNormalized) {
        Row(long id, CrossingStatus status, String tractor, String trailer, Instant expectedArrival) {
            this(
                    id,
                    status,
                    tractor,
                    trailer,
                    expectedArrival,
                    CloseCrossing.normalized(tractor),
                    CloseCrossing.normalized(trailer));
        }
    }

    private final List<CrossingStatus> expected;
    private final StillExpected firstCheck;
    private final StillExpected verifyCheck;
    private final Map<Long, Row> rows = new ConcurrentHashMap<>();
    /** Crossing writes told so far; guarded by {@code this} for writes. */
    private volatile long changes;
    /** The crossing of telling {@code n} at {@code n % RECENT}, for the last {@link #RECENT}; guarded by {@code this}. */
    private final long[] told = new long[RECENT];
    /**
     * Flushes not yet ended, by crossing; guarded by {@code this}. A crossing in here is never kept: its row may be
     * written any moment. An end that never comes (Hibernate runs no end when the commit itself fails, and such a
     * commit may still have taken effect) leaves it here for good: checked by the database from then on, never stale.
     */
    private final Map<Long, Integer> inFlight = new java.util.HashMap<>();
    /** The listener this view is subscribed to, once known; the view serves only that session factory. */
    private volatile SessionFactory listened;

    private volatile boolean unavailable;

    SeenCrossings(List<CrossingStatus> expected, StillExpected firstCheck, StillExpected verifyCheck) {
        this.expected = List.copyOf(expected);
        this.firstCheck = firstCheck;
        this.verifyCheck = verifyCheck;
    }

    /** A crossing is being written: forget its row, keep none read before now, and none of it until its end. */
    @Override
    public synchronized void flushed(long crossingId) {
        told[(int) (changes % RECENT)] = crossingId;
        changes++;
        rows.remove(crossingId);
        inFlight.merge(crossingId, 1, Integer::sum);
    }

    /** A crossing's write has ended (committed or rolled back): forget its row, and keep none read before now. */
    @Override
    public synchronized void ended(long crossingId) {
        told[(int) (changes % RECENT)] = crossingId;
        changes++;
        rows.remove(crossingId);
        inFlight.computeIfPresent(crossingId, (id, n) -> n > 1 ? n - 1 : null);
    }

    /** Whether the row of this crossing is kept (tests). */
    boolean holds(long crossingId) {
        return rows.containsKey(crossingId);
    }

    /** As {@link StillExpected#rows}: those of {@code crossingIds} expected between {@code from} and {@code to}, by id. */
    List<CloseCrossing> rows(Session session, List<Long> crossingIds, Instant from, Instant to) {
        if (!listening(session.getSessionFactory())) {
            return (crossingIds.size() == firstCheck.ids() ? firstCheck : verifyCheck)
                    .rows(session, crossingIds, from, to);
        }
        Set<Long> distinct = new LinkedHashSet<>(crossingIds);
        List<Row> found = new ArrayList<>(distinct.size());
        List<Long> missing = new ArrayList<>();
        for (Long id : distinct) {
            Row row = rows.get(id);
            if (row == null) {
                missing.add(id);
            } else {
                found.add(row);
            }
        }
        if (!missing.isEmpty()) {
            long seen = changes; // before the rows are read: a change told after this may be one they missed
            boolean[] readCommitted = new boolean[1];
            List<Row> fetched = session.doReturningWork(connection -> {
                readCommitted[0] = connection.getTransactionIsolation() <= Connection.TRANSACTION_READ_COMMITTED;
                return fetch(connection, missing);
            });
            if (readCommitted[0]) {
                keep(fetched, seen);
            }
            found.addAll(fetched);
        }
        found.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<CloseCrossing> answer = new ArrayList<>(found.size());
        for (Row row : found) {
            if (expected.contains(row.status())
                    && row.expectedArrival() != null
                    && !row.expectedArrival().isBefore(from)
                    && !row.expectedArrival().isAfter(to)) {
                answer.add(new CloseCrossing(
                        row.id(), row.tractor(), row.trailer(), row.tractorNormalized(), row.trailerNormalized()));
            }
        }
        return answer;
    }

    synchronized void keep(List<Row> fetched, long seen) {
        if (changes - seen > RECENT) {
            return; // more tellings than remembered since the fetch began: any of its rows may be stale
        }
        if (rows.size() + fetched.size() > MAX_ROWS) {
            rows.clear();
        }
        for (Row row : fetched) {
            if (!inFlight.containsKey(row.id()) && !toldSince(row.id(), seen)) {
                rows.put(row.id(), row);
            }
        }
    }

    /**
     * Whether {@code crossingId} was told since telling {@code seen}; under this view's lock. A scan of the ring, not a set
     * of the tellings: a fetch keeps a few rows, and this runs under the lock the crossing writers' flushes need.
     */
    private boolean toldSince(long crossingId, long seen) {
        for (long n = seen; n < changes; n++) {
            if (told[(int) (n % RECENT)] == crossingId) {
                return true;
            }
        }
        return false;
    }

    /** Crossing writes told so far (a fetch reads it before it starts: see {@link #keep}). */
    long changes() {
        return changes;
    }

    private boolean listening(SessionFactory sessionFactory) {
        SessionFactory current = listened;
        if (current != null) {
            return current == sessionFactory;
        }
        if (unavailable) {
            return false;
        }
        synchronized (this) {
            if (listened == null && !unavailable) {
                Optional<CrossingChanges> changes = CrossingChanges.of(sessionFactory);
                if (changes.isPresent()) {
                    changes.get().subscribe(this); // before any row is kept
                    listened = sessionFactory;
                } else {
                    unavailable = true;
                }
            }
            return listened == sessionFactory;
        }
    }

    private static List<Row> fetch(Connection connection, List<Long> ids) throws SQLException {
        List<Row> fetched = new ArrayList<>(ids.size());
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            for (int from = 0; from < ids.size(); from += FETCH) {
                for (int p = 0; p < FETCH; p++) {
                    // padded with the chunk's first id: the same statement for any number of ids
                    int at = from + p;
                    statement.setLong(p + 1, ids.get(at < ids.size() ? at : from));
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        fetched.add(new Row(
                                result.getLong(1),
                                CrossingStatus.valueOf(result.getString(2)),
                                result.getString(3),
                                result.getString(4),
                                instant(result.getTimestamp(5))));
                    }
                }
            }
        }
        return fetched;
    }

    /** The instant of a crossing's UTC wall time (as {@code UtcInstantConverter} stores it). */
    private static Instant instant(Timestamp utcWallTime) {
        return utcWallTime == null ? null : utcWallTime.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
