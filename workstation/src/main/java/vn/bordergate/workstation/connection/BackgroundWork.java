package vn.bordergate.workstation.connection;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the workstation runs blocking work (calls to the gate server, starting the embedded
 * server, waiting before a reconnect). Results come back on the {@code ui} executor — the FX thread in
 * the application — so view models only ever change their properties there. Nothing else in the
 * workstation creates threads: an ArchUnit test keeps it so.
 */
public final class BackgroundWork implements AutoCloseable {
    /** Enough for a slow login, an action and a reconnect at the same time; the rest queue up. */
    private static final int THREADS = 3;

    private final ScheduledThreadPoolExecutor pool;
    private final Executor ui;

    public BackgroundWork(Executor ui) {
        this.ui = ui;
        this.pool = new ScheduledThreadPoolExecutor(THREADS, daemons());
        this.pool.setRemoveOnCancelPolicy(true);
    }

    /** Where results are delivered: the FX thread in the application. */
    public Executor ui() {
        return ui;
    }

    /**
     * Runs {@code work} in the background; the answer completes on the ui executor, so stages chained on
     * it without an executor run there too.
     */
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                T value;
                try {
                    value = work.call();
                } catch (Throwable failure) {
                    ui.execute(() -> answer.completeExceptionally(failure));
                    return;
                }
                ui.execute(() -> answer.complete(value));
            });
        } catch (RejectedExecutionException closed) {
            // the window closed (sign-out, exit) while a list cell still asked for a picture: nobody waits
            answer.completeExceptionally(new CancellationException("the workstation is closing"));
        }
        return answer;
    }

    /** Runs {@code work} in the background after {@code delay}, with no answer (reconnect attempts). */
    public void later(Duration delay, Runnable work) {
        if (!pool.isShutdown()) {
            pool.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs {@code work} when the JVM exits, also on a kill or an OS shutdown where JavaFX never calls
     * {@code stop()} (here because this class is the one that makes threads).
     */
    public static void atExit(String name, Runnable work) {
        Runtime.getRuntime().addShutdownHook(new Thread(work, name));
    }

    public boolean isClosed() {
        return pool.isShutdown();
    }

    /** Stops taking work; what runs now may finish (its answer may then never arrive). */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            // daemon: a call stuck on a dead network must not keep the closed workstation alive
            Thread thread = new Thread(work, "gate-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
