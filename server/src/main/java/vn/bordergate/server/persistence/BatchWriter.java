package vn.bordergate.server.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue and writers behind {@link GroupCommit}: requests hand in items, a few writer threads each take
 * what is waiting (up to a batch) and give it to a {@link WriteBatch}, which writes them (normally in one
 * transaction) and answers each item. A caller gets its answer only when its batch answered it, which a
 * batch does only after its commit.
 *
 * <p>The queue is bounded: when the writers can't keep up, callers wait for room (back-pressure) and, past
 * {@code maxWait}, are told the server is busy. A caller also waits at most {@code maxAnswer} for its answer
 * and is then told so: an item no writer had taken yet is withdrawn (certainly not written) and gets the
 * {@code busy} answer; one already taken may still be written after the caller gave up, as for any client whose
 * request timed out, and gets the {@code unknown} answer.
 *
 * <p>Each item's answer is given right after its batch's commit; only then is each item's {@link
 * WriteOutcome#announce} run, in order, on the writer thread: a slow or failing announcement delays no answer,
 * and one that fails is logged and doesn't stop the others.
 *
 * @param <I> what a request hands in
 * @param <O> what it is answered
 */
public final class BatchWriter<I, O> {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    /** An item, its answer, and when (nanoTime) it was queued. */
    private record Unit<I, O>(I item, CompletableFuture<O> done, long queuedAt) {}

    private final WriteBatch<I, O> batch;
    private final int maxBatch;
    private final long maxWaitMillis;
    private final long maxAnswerMillis;
    private final Supplier<RuntimeException> busy;
    private final Supplier<RuntimeException> unknown;
    private final String name;
    private volatile boolean closed;
    private final BlockingQueue<Unit<I, O>> queue;
    private final int writers;
    /** Writers draining the queue now. */
    private final AtomicInteger writing = new AtomicInteger();

    private final ThreadPoolExecutor writer;
    private final AnswerBounds bounds;
    /** Set once before the first item ({@link #timedBy}); untimed stages count for nobody. */
    private volatile BatchTimes times = BatchTimes.named("");

    /**
     * @param writers batches written at once: while one waits for its commit's disk flush, the next is
     *     prepared
     * @param capacity items that may wait for a writer
     * @param maxBatch items written together at most
     * @param maxAnswerMillis how long a caller waits for its answer before it is told the server is busy (a
     *     lock wait or a slow disk must not hold request threads without end)
     * @param busy what a caller is told when its item was certainly not written: the queue stayed full for
     *     {@code maxWaitMillis}, the item was withdrawn unanswered, or the writer is closed
     * @param unknown what a caller is told when a writer took its item but no answer came within {@code
     *     maxAnswerMillis} (or the writer failed): it may have been written
     */
    public BatchWriter(
            String name,
            int writers,
            int capacity,
            int maxBatch,
            long maxWaitMillis,
            long maxAnswerMillis,
            Supplier<RuntimeException> busy,
            Supplier<RuntimeException> unknown,
            WriteBatch<I, O> batch) {
        this.name = name;
        this.unknown = unknown;
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
        this.bounds = new AnswerBounds(name + "-answer-bounds");
    }

    /** Where this writer's items spend their time is counted in {@code times} (set before the first item). */
    public BatchWriter<I, O> timedBy(BatchTimes times) {
        this.times = times;
        return this;
    }

    /** Hands {@code item} to the writers; returns its answer once its batch gave it (after the commit). */
    public O write(I item) {
        Unit<I, O> unit = enqueue(item);
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

    /**
     * As {@link #write}, without waiting for the answer: the future is completed by the writer right after its
     * batch's commit (what is chained to it without an executor runs on the writer then, so it must not wait), or
     * after {@code maxAnswer} with what {@link #write} throws then. Waiting for room in the queue and its refusal
     * are as {@link #write}'s, on the caller. A request thread that parks until its batch commits costs two thread
     * switches and a wake-up per item (branch readcpu3's count); a request answered from the future costs none.
     */
    public CompletableFuture<O> submit(I item) {
        Unit<I, O> unit = enqueue(item);
        if (!unit.done().isDone()) {
            ScheduledFuture<?> giveUp = bounds.after(maxAnswerMillis, () -> expire(unit));
            unit.done().whenComplete((value, failure) -> giveUp.cancel(false));
        }
        return unit.done();
    }

    private Unit<I, O> enqueue(I item) {
        Unit<I, O> unit = new Unit<>(item, new CompletableFuture<>(), System.nanoTime());
        if (closed) {
            throw busy.get();
        }
        try {
            if (!queue.offer(unit, maxWaitMillis, TimeUnit.MILLISECONDS)) {
                throw busy.get();
            }
            if (closed && queue.remove(unit)) { // closed while it waited for room: close() may have drained already
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
        return unit;
    }

    /** {@link #submit}'s bound: the caller is told what {@link #write} throws after {@code maxAnswer}. */
    private void expire(Unit<I, O> unit) {
        if (!unit.done().isDone()) {
            unit.done().completeExceptionally(abandon(unit));
        }
    }

    /** Items waiting for a writer now. */
    public int queued() {
        return queue.size();
    }

    /**
     * The items waiting for a writer now, oldest first: one snapshot taken under the queue's lock, so items seen
     * together were all waiting at one instant (tests check which wait, not only how many).
     */
    public List<I> queuedItems() {
        return new ArrayList<>(queue).stream().map(Unit::item).toList();
    }

    /** Writers at work now. */
    public int writing() {
        return writing.get();
    }

    /** Whether {@link #close} has begun: from then on every new item is refused (tests wait for it, not a clock). */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Refuses new items (the {@code busy} answer), answers the queued ones the same, and waits up to {@code
     * waitMillis} for the batches being written to be answered. Returns whether they all were.
     */
    public boolean close(long waitMillis) {
        closed = true;
        for (Unit<I, O> unit = queue.poll(); unit != null; unit = queue.poll()) {
            unit.done().completeExceptionally(busy.get());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (writing.get() > 0) {
            if (System.nanoTime() > deadline) {
                LOG.warn("{}: {} batches still being written at close", name, writing.get());
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The caller stops waiting: an item still queued is withdrawn (not written); one taken may yet be. */
    private RuntimeException abandon(Unit<I, O> unit) {
        return queue.remove(unit) ? busy.get() : unknown.get();
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
                BatchTimes timed = times;
                long start = System.nanoTime();
                timed.size().record(taken.size());
                for (Unit<I, O> unit : taken) {
                    timed.queued().record(start - unit.queuedAt());
                }
                List<WriteOutcome<O>> outcomes =
                        batch.write(taken.stream().map(Unit::item).toList());
                long written = System.nanoTime();
                timed.written().record(written - start);
                for (int i = 0; i < taken.size(); i++) {
                    WriteOutcome<O> outcome = outcomes.get(i);
                    Unit<I, O> unit = taken.get(i);
                    if (outcome.failure() != null) {
                        unit.done().completeExceptionally(outcome.failure());
                    } else {
                        unit.done().complete(outcome.value());
                    }
                    timed.answered().record(System.nanoTime() - unit.queuedAt());
                }
                timed.answering().record(System.nanoTime() - written);
                taken.clear();
                announce(outcomes);
            }
        } finally {
            if (counted) { // something escaped: free the slot, answer the batch, let the queue go on
                writing.decrementAndGet();
                taken.forEach(unit -> unit.done().completeExceptionally(unknown.get()));
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

    /** After the answers: each item's announcement, in order; one that fails doesn't stop the others. */
    private void announce(List<WriteOutcome<O>> outcomes) {
        for (WriteOutcome<O> outcome : outcomes) {
            if (outcome.announce() != null) {
                try {
                    outcome.announce().run();
                } catch (RuntimeException e) {
                    LOG.warn("{}: announcing a written item failed", name, e);
                }
            }
        }
        try {
            batch.announced();
        } catch (RuntimeException e) {
            LOG.warn("{}: after announcing a batch", name, e);
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
