package vn.bordergate.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Units of work of many concurrent requests written together in one transaction: one commit (one log
 * flush) for all of them instead of one each. A few writers take turns, so one batch is prepared while
 * another's commit waits for the disk. A caller gets its answer only after the commit, so
 * what is acknowledged is on disk, as with {@link Transactions#write}. When the shared transaction
 * fails (one unit refused, or the commit), each unit of it is run again alone in its own transaction,
 * so a bad one fails only its own request. Units must therefore only write through the session (they
 * may run twice: the first run rolled back).
 *
 * <p>The queue is bounded: when the writer can't keep up, callers wait for room (back-pressure) and,
 * past {@code maxWait}, are told the server is busy. A caller also waits at most {@code maxAnswer} for its
 * commit and is then told the same: a unit no writer had taken yet is withdrawn (certainly not written),
 * but one already taken may still be written after the caller gave up, as for any client whose request
 * timed out, so a retry may record it twice.
 *
 * <p>Units must not write to the audit log: the writer threads are long-lived and {@code AuditLog} keeps
 * per-thread state between a transaction and its completion, which an Error in a unit could leave behind.
 */
public final class GroupCommit {
    private record Unit<T>(Function<Session, T> work, CompletableFuture<T> done) {}

    private final Transactions tx;
    private final int maxBatch;
    private final long maxWaitMillis;
    private final long maxAnswerMillis;
    private final Supplier<RuntimeException> busy;
    private final BlockingQueue<Unit<?>> queue;
    private final int writers;
    /** Writers draining the queue now. */
    private final AtomicInteger writing = new AtomicInteger();

    private final ThreadPoolExecutor writer;

    /**
     * @param writers transactions written at once: while one waits for its commit's disk flush, the next
     *     batch is matched and inserted
     * @param capacity units that may wait for a writer
     * @param maxBatch units written in one transaction at most
     * @param maxAnswerMillis how long a caller waits for its unit's commit before it is told the server is
     *     busy (a lock wait or a slow disk must not hold request threads without end)
     * @param busy what a caller is told when the queue stayed full for {@code maxWaitMillis}, or no commit
     *     came within {@code maxAnswerMillis}
     */
    public GroupCommit(
            Transactions tx,
            String name,
            int writers,
            int capacity,
            int maxBatch,
            long maxWaitMillis,
            long maxAnswerMillis,
            Supplier<RuntimeException> busy) {
        this.tx = tx;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.maxWaitMillis = maxWaitMillis;
        this.maxAnswerMillis = maxAnswerMillis;
        this.busy = busy;
        this.queue = new ArrayBlockingQueue<>(capacity);
        // threads that end when idle, so a stopped server leaves none behind
        this.writer = new ThreadPoolExecutor(writers, writers, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        writer.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} in a transaction shared with other callers' work; returns after its commit. */
    public <T> T write(Function<Session, T> work) {
        Unit<T> unit = new Unit<>(work, new CompletableFuture<>());
        try {
            if (!queue.offer(unit, maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw busy.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy.get();
        }
        if (claimWriter()) {
            try {
                writer.execute(this::drain);
            } catch (RuntimeException | Error e) { // no thread for it (RejectedExecution, out of threads)
                writing.decrementAndGet();
                if (queue.remove(unit)) {
                    RuntimeException refused = busy.get();
                    refused.addSuppressed(e);
                    throw refused;
                } // else a running writer took it: wait for its answer as usual
            }
        }
        try {
            return unit.done().get(maxAnswerMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abandon(unit);
        } catch (TimeoutException e) {
            throw abandon(unit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The caller stops waiting: a unit still queued is withdrawn; one taken may yet be written. */
    private RuntimeException abandon(Unit<?> unit) {
        queue.remove(unit);
        return busy.get();
    }

    private void drain() {
        List<Unit<?>> batch = new ArrayList<>(maxBatch);
        boolean counted = true;
        try {
            while (true) {
                queue.drainTo(batch, maxBatch);
                if (batch.isEmpty()) {
                    writing.decrementAndGet();
                    counted = false;
                    // a unit queued after the drain, while every writer still counted, would wait forever
                    if (queue.isEmpty() || !claimWriter()) {
                        return;
                    }
                    counted = true;
                    continue;
                }
                writeTogether(batch);
                batch.clear();
            }
        } finally {
            if (counted) { // something escaped: free the slot, answer the batch, let the queue go on
                writing.decrementAndGet();
                batch.forEach(unit -> unit.done().completeExceptionally(busy.get()));
                if (!queue.isEmpty() && claimWriter()) {
                    try {
                        writer.execute(this::drain);
                    } catch (RuntimeException | Error e) {
                        writing.decrementAndGet(); // the next caller claims a writer again
                    }
                }
            }
        }
    }

    private boolean claimWriter() {
        for (int now = writing.get(); now < writers; now = writing.get()) {
            if (writing.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    private void writeTogether(List<Unit<?>> batch) {
        List<Object> results;
        try {
            results = tx.write(session -> {
                List<Object> out = new ArrayList<>(batch.size());
                for (Unit<?> unit : batch) {
                    out.add(unit.work().apply(session));
                }
                return out;
            });
        } catch (RuntimeException | Error shared) {
            batch.forEach(this::writeAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results.get(i));
        }
    }

    private <T> void writeAlone(Unit<T> unit) {
        try {
            unit.done().complete(tx.write(unit.work()));
        } catch (RuntimeException | Error e) {
            unit.done().completeExceptionally(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Unit<T> unit, Object result) {
        unit.done().complete((T) result);
    }
}
