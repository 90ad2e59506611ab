package vn.bordergate.server.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.hibernate.Session;

/**
 * The plates of every crossing declared to arrive after a horizon, in memory and ordered by expected
 * arrival, so that a plate read is scored against the crossings of its time window without scanning
 * (and waiting on locked rows of) the crossing table. It only ever holds too much: crossings of any
 * status, and a resubmitted crossing under its old plates too; the matcher asks the database for the
 * status and plates of the few that come close. It is filled from the database on first use and then
 * told of each declaration ({@link #declared}) after its commit, before the enterprise gets its answer.
 */
final class ExpectedPlates {
    /** How far back of the first read the table is loaded; older reads are matched in the database. */
    private static final Duration KEPT = Duration.ofDays(8);

    /** One plate of a crossing: as normalised ({@link vn.bordergate.common.plate.PlateParser#normalize}). */
    record Entry(Instant expectedArrival, long crossingId, String plate) {}

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::expectedArrival)
            .thenComparingLong(Entry::crossingId)
            .thenComparing(Entry::plate);

    private final NavigableSet<Entry> entries = new ConcurrentSkipListSet<>(ORDER);
    /** The same entries by plate, for the reads. */
    private final PlateIndex index = new PlateIndex();
    /** Every crossing expected at or after this instant is in {@link #entries}; null until loaded. */
    private volatile Instant horizon;

    /**
     * The entries expected between {@code from} and {@code to}, or null when the table can't answer for
     * that window (it starts later): the caller then asks the database.
     */
    NavigableSet<Entry> between(Session session, Instant from, Instant to) {
        if (horizon == null) {
            load(session, from);
        }
        Instant kept = horizon;
        if (from.isBefore(kept)) {
            return null;
        }
        prune(from.minus(KEPT));
        return entries.subSet(new Entry(from, Long.MIN_VALUE, ""), true, new Entry(to, Long.MAX_VALUE, ""), true);
    }

    /**
     * The crossings expected between {@code from} and {@code to} within the answer's bound of the read
     * (see {@link PlateIndex#closest}), or null when the table can't answer for that window.
     */
    PlateIndex.Closest closest(Session session, String preparedRead, Instant from, Instant to, int want, double limit) {
        if (between(session, from, to) == null) {
            return null;
        }
        return index.closest(preparedRead, from, to, want, limit);
    }

    /** The index, for tests. */
    PlateIndex index() {
        return index;
    }

    /** Whether the table still holds every crossing expected from {@code from} on (a prune may have run). */
    boolean covers(Instant from) {
        return !from.isBefore(horizon);
    }

    /** A declaration (new or resubmitted) was committed with these plates (normalised; trailer may be null). */
    void declared(long crossingId, String tractor, String trailer, Instant expectedArrival) {
        add(new Entry(expectedArrival, crossingId, tractor));
        if (trailer != null) {
            add(new Entry(expectedArrival, crossingId, trailer));
        }
    }

    /** Locked like {@link #prune}: an entry pruned between the two adds would stay in the index for good. */
    private synchronized void add(Entry entry) {
        if (entries.add(entry)) {
            index.add(entry);
        }
    }

    private synchronized void load(Session session, Instant firstFrom) {
        if (horizon != null) {
            return;
        }
        Instant from = firstFrom.minus(KEPT);
        // declarations committed meanwhile are added by declared() as well: the set holds the union
        for (Object[] row : session.createSelectionQuery(
                        "select id, tractorPlate, trailerPlate, expectedArrival from CrossingEntity"
                                + " where expectedArrival >= :from",
                        Object[].class)
                .setParameter("from", from)
                .getResultList()) {
            declared((Long) row[0], (String) row[1], (String) row[2], (Instant) row[3]);
        }
        horizon = from;
    }

    /** Forgets crossings expected long before the reads now coming in, so the table stays small. */
    private void prune(Instant before) {
        Instant kept = horizon;
        if (!before.isAfter(kept.plus(Duration.ofHours(1)))) {
            return; // at most once an hour of read time
        }
        synchronized (this) {
            if (before.isAfter(horizon)) {
                horizon = before; // first raise it, so no read relies on what is being removed
                NavigableSet<Entry> old = entries.headSet(new Entry(before, Long.MIN_VALUE, ""), false);
                index.remove(List.copyOf(old));
                old.clear();
            }
        }
    }
}
