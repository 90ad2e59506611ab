package vn.bordergate.server.persistence;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounds of {@link BatchWriter#submit}'s answers, for every writer: one daemon thread, which sleeps until the
 * oldest bound (30 s away under load) and drops a bound once its item is answered. A thread of its own rather than
 * Jetty's asynchronous timeout, so the bound is the writer's, the same for every caller.
 */
final class AnswerBounds {
    private static final ScheduledThreadPoolExecutor TIMERS = timers();

    private AnswerBounds() {}

    /** Runs {@code expire} after {@code millis} unless the returned future is cancelled first. */
    static ScheduledFuture<?> after(long millis, Runnable expire) {
        return TIMERS.schedule(expire, millis, TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "batch-answer-bounds");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true); // answered items' bounds would otherwise stay queued for 30 s each
        return timers;
    }
}
