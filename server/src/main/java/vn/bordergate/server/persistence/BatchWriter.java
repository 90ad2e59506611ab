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
import java.util.function.Supplier;

/**
 * The queue and writers behind {@link GroupCommit}: requests hand in items, a few writer threads each take
 * what is waiting (up to a batch) and give it to a {@link Batch}, which writes them (normally in one
 * transaction) and answers each item. A caller gets its answer only when its batch answered it, which a
 * batch does only after its commit.
 *
 * <p>The queue is bounded: when the writers can't keep up, callers wait for room (back-pressure) and, past
 * {@code maxWait}, are told the server is busy. A caller also waits at most {@code maxAnswer} for its answer
 * and is then told the same: an item no writer had taken yet is withdrawn (certainly not written), but one
 * already taken may still be written after the caller gave up, as for any client whose request timed out.
 *
 * @param <I> what a request hands in
 * @param <O> what it is answered
 */
public final class BatchWriter<I, O> {
    /** Writes items taken together; answers one outcome per item, in their order. */
    @FunctionalInterface
    public interface Batch<I, O> {
        List<Outcome<O>> write(List<I> items);
    }

    /** One item's answer: its value, or what its caller is told instead. */
    public record Outcome<O>(O value, Throwable failure) {
        public static <O> Outcome<O> of(O value) {
            return new Outcome<>(value, null);
        }

        public static <O> Outcome<O> failed(Throwable failure) {
            return new Outcome<>(null, failure);
        }
    }

    private record Unit<I, O>(I item, CompletableFuture<O> done) {}

    private final Batch<I, O> batch;
    private final int maxBatch;
    private final long maxWaitMillis;
    private final long maxAnswerMillis;
    private final Supplier<RuntimeException> busy;
    private final BlockingQueue<Unit<I, O>> queue;
    private final int writers;
    /** Writers draining the queue now. */
    private final AtomicInteger writing = new AtomicInteger();

    private final ThreadPoolExecutor writer;

    /**
     * @param writers batches written at once: while one waits for its commit's disk flush, the next is
     *     prepared
     * @param capacity items that may wait for a writer
     * @param maxBatch items written together at most
     * @param maxAnswerMillis how long a caller waits for its answer before it is told the server is busy (a
     *     lock wait or a slow disk must not hold request threads without end)
     * @param busy what a caller is told when the queue stayed full for {@code maxWaitMillis}, or no answer
     *     came within {@code maxAnswerMillis}
     */
    public BatchWriter(
            String name,
            int writers,
            int capacity,
            int maxBatch,
            long maxWaitMillis,
            long maxAnswerMillis,
            Supplier<RuntimeException> busy,
            Batch<I, O> batch) {
        this.batch = batch;
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

    /** Hands {@code item} to the writers; returns its answer once its batch gave it (after the commit). */
    public O write(I item) {
        Unit<I, O> unit = new Unit<>(item, new CompletableFuture<>());
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

    /** Items waiting for a writer now. */
    public int queued() {
        return queue.size();
    }

    /** Writers at work now. */
    public int writing() {
        return writing.get();
    }

    /** The caller stops waiting: an item still queued is withdrawn; one taken may yet be written. */
    private RuntimeException abandon(Unit<I, O> unit) {
        queue.remove(unit);
        return busy.get();
    }

    private void drain() {
        List<Unit<I, O>> taken = new ArrayList<>(maxBatch);
        boolean counted = true;
        try {
            while (true) {
                queue.drainTo(taken, maxBatch);
                if (taken.isEmpty()) {
                    writing.decrementAndGet();
                    counted = false;
                    // an item queued after the drain, while every writer still counted, would wait forever
                    if (queue.isEmpty() || !claimWriter()) {
                        return;
                    }
                    counted = true;
                    continue;
                }
                List<Outcome<O>> outcomes =
                        batch.write(taken.stream().map(Unit::item).toList());
                for (int i = 0; i < taken.size(); i++) {
                    Outcome<O> outcome = outcomes.get(i);
                    if (outcome.failure() != null) {
                        taken.get(i).done().completeExceptionally(outcome.failure());
                    } else {
                        taken.get(i).done().complete(outcome.value());
                    }
                }
                taken.clear();
            }
        } finally {
            if (counted) { // something escaped: free the slot, answer the batch, let the queue go on
                writing.decrementAndGet();
                taken.forEach(unit -> unit.done().completeExceptionally(busy.get()));
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
}
