package vn.bordergate.server.persistence;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounds of one {@link BatchWriter}'s {@link BatchWriter#submit} answers: one daemon thread, started by the first
 * bound and ended when none is pending, which sleeps until the oldest bound (30 s away under load) and drops a bound
 * once its item is answered. A thread of the writer's own rather than Jetty's asynchronous timeout, so the bound is
 * the writer's, the same for every caller.
 */
final class AnswerBounds {
    private final ScheduledThreadPoolExecutor timers;

    AnswerBounds(String name) {
        timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true); // answered items' bounds would otherwise stay queued for 30 s each
        // a stopped server leaves no thread behind (a pending bound keeps the last thread until it runs)
        timers.setKeepAliveTime(5, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code expire} after {@code millis} unless the returned future is cancelled first. */
    ScheduledFuture<?> after(long millis, Runnable expire) {
        return timers.schedule(expire, millis, TimeUnit.MILLISECONDS);
    }
}
