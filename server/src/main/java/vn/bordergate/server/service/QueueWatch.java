package vn.bordergate.server.service;

import java.sql.Connection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.QueueSummaryDto;
import vn.bordergate.common.event.QueueChangedEvent;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.Transactions;

/**
 * Queue counts for the whole gate. Changes are coalesced: however many crossings change in a burst,
 * the counts are recomputed and pushed at most once per {@code coalesceMillis}. Between changes the
 * counts are computed once and answered from memory: every service that changes a crossing's status
 * or steps says so ({@link #changed}) after its commit, so counts computed after the last change are
 * current (the counts grow with the history: hundreds of readers recomputed them in the load benchmark).
 */
public final class QueueWatch {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWatch.class);
    private static final List<CrossingStatus> AT_GATE = OpenSteps.AT_GATE;

    private final Transactions tx;
    private final EventPublisher events;
    private final ScheduledExecutorService scheduler;
    private final long coalesceMillis;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong changes = new AtomicLong();
    private volatile Counted counted;
    /** Fair: a caller that has just counted and asks again queues behind those that waited for it. */
    private final ReentrantLock counting = new ReentrantLock(true);

    /** Counts kept at most this long, even without a change (they are read without locks: see count()). */
    private static final long FRESH_NANOS = 1_000_000_000L;

    /**
     * Pushes wait at least this many times as long as the last count took: each count reads a status's whole index
     * range, so it grows with the history (a day of 300,000 declarations made it 50 ms, four times a second, a tenth
     * of the server's CPU), and this keeps the pushes' counting to a twentieth of one core however long it grows.
     */
    static final int COUNT_COST_SHARE = 20;

    /** Pushes never wait longer than this, however slow a count: the dashboards follow the queue at least this often. */
    static final long LONGEST_PUSH_DELAY_MILLIS = 5_000;

    private volatile long lastCountNanos;

    /** Counts as computed once every change up to {@code changes} was committed. */
    private record Counted(long changes, long countedAt, QueueSummaryDto summary) {
        boolean current(long changesNow) {
            return changes == changesNow && System.nanoTime() - countedAt < FRESH_NANOS;
        }
    }

    private final Supplier<QueueSummaryDto> counter;

    public QueueWatch(Transactions tx, EventPublisher events, ScheduledExecutorService scheduler, long coalesceMillis) {
        this(tx, events, scheduler, coalesceMillis, null);
    }

    /** With {@code counter} in place of the database count (tests of the coalescing); null: the database. */
    QueueWatch(
            Transactions tx,
            EventPublisher events,
            ScheduledExecutorService scheduler,
            long coalesceMillis,
            Supplier<QueueSummaryDto> counter) {
        this.tx = tx;
        this.events = events;
        this.scheduler = scheduler;
        this.coalesceMillis = coalesceMillis;
        this.counter = counter == null ? this::count : counter;
    }

    /** A crossing changed (called after the commit). */
    public void changed() {
        changes.incrementAndGet();
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(this::push, pushDelayMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** How long a change waits for its push: the coalescing period, longer while counts are slow. */
    long pushDelayMillis() {
        long forCost = COUNT_COST_SHARE * lastCountNanos / 1_000_000;
        return Math.max(coalesceMillis, Math.min(LONGEST_PUSH_DELAY_MILLIS, forCost));
    }

    private void push() {
        pending.set(false);
        try {
            events.publish(new QueueChangedEvent(summary()));
        } catch (RuntimeException e) {
            LOG.warn("queue counts not pushed: {}", e.getMessage());
        }
    }

    /**
     * Counts that include every change committed before the call. One count at a time: callers that
     * waited for a count begun after they asked take its result, so while crossings keep changing, a
     * crowd of readers costs one count per round, not one each (before, each waiter counted again when
     * another change had come in meanwhile).
     */
    public QueueSummaryDto summary() {
        long asked = changes.get();
        long askedAt = System.nanoTime();
        Counted known = counted;
        if (known != null && known.current(asked)) {
            return known.summary();
        }
        counting.lock();
        try {
            known = counted;
            if (known != null
                    && (known.current(asked) || known.changes() >= asked && known.countedAt() - askedAt >= 0)) {
                // no change since this call asked, or begun after it: it saw every change this call knew of
                return known.summary();
            }
            long now = changes.get();
            long countedAt = System.nanoTime();
            QueueSummaryDto summary = counter.get();
            lastCountNanos = System.nanoTime() - countedAt;
            counted = new Counted(now, countedAt, summary);
            return summary;
        } finally {
            counting.unlock();
        }
    }

    /** Callers waiting for the count (tests hold a count until all their readers wait). */
    int waitingToCount() {
        return counting.getQueueLength();
    }

    /**
     * Counted without read locks (READ UNCOMMITTED; PostgreSQL reads committed data anyway): under READ
     * COMMITTED Derby's join kept a step row locked while waiting for the crossing row a decision had
     * locked, the decision then waited for that step row, and both stood still until Derby's 20 s deadlock
     * detection. A change still in flight may be counted a moment early; it calls {@link #changed} when
     * committed, and counts are never kept longer than a second.
     */
    private QueueSummaryDto count() {
        return tx.read(session -> {
            session.doWork(connection -> connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED));
            Map<CrossingStatus, Long> byStatus = new EnumMap<>(CrossingStatus.class);
            // one count per status, each a range of ix_crossing_status: the group-by over all crossings was
            // answered with a scan and a sort of every crossing ever recorded (JFR, perf8)
            for (CrossingStatus status : CrossingStatus.values()) {
                long n = session.createSelectionQuery(
                                "select count(*) from CrossingEntity where status = :s", Long.class)
                        .setParameter("s", status)
                        .getSingleResult();
                if (n > 0) {
                    byStatus.put(status, n);
                }
            }
            Map<Step, Long> pendingByStep = new EnumMap<>(Step.class);
            // the open steps (pending or held) of the crossings at the gate, reached from those crossings: left
            // to itself, Derby scanned every step ever recorded for each count, a quarter of the server's CPU
            // while declarations came in (JFR, perf8)
            OpenSteps open = session.doReturningWork(OpenSteps::atGate);
            for (Step step : Step.values()) {
                long n = open.pending(step) + open.held(step);
                if (n > 0) {
                    pendingByStep.put(step, n);
                }
            }
            long waiting = AT_GATE.stream()
                    .mapToLong(s -> byStatus.getOrDefault(s, 0L))
                    .sum();
            return new QueueSummaryDto(byStatus, pendingByStep, waiting);
        });
    }
}
