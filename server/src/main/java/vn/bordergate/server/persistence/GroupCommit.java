package vn.bordergate.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Units of work of many concurrent requests written together in one transaction: one commit (one log
 * flush) for all of them instead of one each. A few writers take turns, so one batch is prepared while
 * another's commit waits for the disk. A caller gets its answer only after the commit, so
 * what is acknowledged is on disk, as with {@link Transactions#write}. When the shared transaction
 * fails (one unit refused, or the commit), each unit of it is run again alone in its own transaction,
 * so a bad one fails only its own request. Units must therefore only write through the session (they
 * may run twice: the first run rolled back).
 *
 * <p>Queueing, back-pressure and the bounded wait for an answer are {@link BatchWriter}'s. Units may
 * write to the audit log: {@code AuditLog} keeps its state per transaction, not per (long-lived) thread.
 */
public final class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Transactions tx;
    private final BatchWriter<Function<Session, ?>, Object> writes;
    private final Consumer<List<Object>> committed;

    /**
     * @param writers transactions written at once: while one waits for its commit's disk flush, the next
     *     batch is matched and inserted
     * @param capacity units that may wait for a writer
     * @param maxBatch units written in one transaction at most
     * @param maxAnswerMillis how long a caller waits for its unit's commit before it is told the server is
     *     busy (a lock wait or a slow disk must not hold request threads without end)
     * @param busy what a caller is told when its unit was certainly not written (queue full for {@code
     *     maxWaitMillis}, withdrawn unanswered, or closed)
     * @param unknown what a caller is told when a writer took its unit but no commit came within {@code
     *     maxAnswerMillis}: it may have been written
     */
    public GroupCommit(
            Transactions tx,
            String name,
            int writers,
            int capacity,
            int maxBatch,
            long maxWaitMillis,
            long maxAnswerMillis,
            Supplier<RuntimeException> busy,
            Supplier<RuntimeException> unknown) {
        this(tx, name, writers, capacity, maxBatch, maxWaitMillis, maxAnswerMillis, busy, unknown, results -> {});
    }

    /**
     * @param committed runs on the writer once a batch is committed, before its callers are answered, with the
     *     results of the units that were written (in batch order): work that must follow the commit and costs less
     *     once per batch than once per unit. It must not throw (what it throws is logged; the units stay written
     *     and their callers are answered as usual) and must not hold the writer long.
     */
    public GroupCommit(
            Transactions tx,
            String name,
            int writers,
            int capacity,
            int maxBatch,
            long maxWaitMillis,
            long maxAnswerMillis,
            Supplier<RuntimeException> busy,
            Supplier<RuntimeException> unknown,
            Consumer<List<Object>> committed) {
        this.tx = tx;
        this.committed = committed;
        this.writes = new BatchWriter<>(
                name, writers, capacity, maxBatch, maxWaitMillis, maxAnswerMillis, busy, unknown, this::write);
    }

    /** Runs {@code work} in a transaction shared with other callers' work; returns after its commit. */
    @SuppressWarnings("unchecked")
    public <T> T write(Function<Session, T> work) {
        return (T) writes.write(work);
    }

    /**
     * As {@link #write}, answered later: the future completes on the writer right after the commit (or with what
     * {@link #write} would throw); waiting for room in the queue is the caller's, as in {@link #write}.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> submit(Function<Session, T> work) {
        return (CompletableFuture<T>) writes.submit(work);
    }

    /** Units waiting for a writer. */
    public int queued() {
        return writes.queued();
    }

    /** Refuses new units and waits up to {@code waitMillis} for those being written (at shutdown). */
    public boolean close(long waitMillis) {
        return writes.close(waitMillis);
    }

    /** Whether {@link #close} has begun (new units are refused). */
    public boolean isClosed() {
        return writes.isClosed();
    }

    private List<WriteOutcome<Object>> write(List<Function<Session, ?>> batch) {
        List<Object> results;
        try {
            results = tx.write(rolledBackOnError(session -> {
                List<Object> out = new ArrayList<>(batch.size());
                for (Function<Session, ?> unit : batch) {
                    out.add(unit.apply(session));
                }
                return out;
            }));
        } catch (RuntimeException | Error shared) {
            List<WriteOutcome<Object>> alone =
                    batch.stream().map(this::writeAlone).toList();
            afterCommit(alone.stream()
                    .filter(o -> o.failure() == null)
                    .map(WriteOutcome::value)
                    .toList());
            return alone;
        }
        afterCommit(results);
        return results.stream().map(WriteOutcome::of).toList();
    }

    private void afterCommit(List<Object> results) {
        try {
            committed.accept(results);
        } catch (RuntimeException e) {
            LOG.warn("work after a committed batch failed (its units are written): {}", e.toString());
        }
    }

    private WriteOutcome<Object> writeAlone(Function<Session, ?> unit) {
        try {
            return WriteOutcome.of(tx.write(rolledBackOnError(unit)));
        } catch (RuntimeException | Error e) {
            return WriteOutcome.failed(e);
        }
    }

    /**
     * {@code work}, rolling its transaction back when an {@link Error} escapes it: Hibernate rolls back only on
     * a RuntimeException, and a transaction left open never completes, so its audit entries' floor would hold
     * back the audit chain (and its session's entities stay referenced) until restart.
     */
    public static <T> Function<Session, T> rolledBackOnError(Function<Session, T> work) {
        return session -> {
            try {
                return work.apply(session);
            } catch (Error e) {
                try {
                    if (session.getTransaction().isActive()) {
                        session.getTransaction().rollback();
                    }
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        };
    }
}
