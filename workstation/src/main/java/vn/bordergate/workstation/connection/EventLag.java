package vn.bordergate.workstation.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * How late live events are applied: the time from the server sending an event (its envelope's send time)
 * to the FX thread handing it to the screen, kept for the last {@link #KEPT} events. Both clocks are the
 * same machine's with an embedded server; against a remote server the figure includes the clock skew.
 */
public final class EventLag {
    static final int KEPT = 4096;

    private final long[] micros = new long[KEPT];
    private final long[] screenMicros = new long[KEPT];
    private int next;
    private long count;
    private long batches;
    private long applyingNanos;
    private long longestBatchNanos;

    /** Called on the FX thread as each event is applied; {@code receivedNanos} is when it came off the socket. */
    synchronized void applied(Instant sentAt, long receivedNanos) {
        if (sentAt == null) {
            return;
        }
        Duration lag = Duration.between(sentAt, Instant.now());
        micros[next] = Math.max(0, lag.toNanos() / 1000);
        screenMicros[next] = Math.max(0, (System.nanoTime() - receivedNanos) / 1000);
        next = (next + 1) % KEPT;
        count++;
    }

    /** Called on the FX thread after the screen applied one batch of events, with how long that took. */
    synchronized void batchApplied(long nanos) {
        batches++;
        applyingNanos += nanos;
        longestBatchNanos = Math.max(longestBatchNanos, nanos);
    }

    /** How many FX tasks applied the events (fewer than the events when bursts were batched). */
    public synchronized long batches() {
        return batches;
    }

    /** The FX thread's own time spent applying events (the screen's share of the lag, without waiting). */
    public synchronized Duration applying() {
        return Duration.ofNanos(applyingNanos);
    }

    public synchronized Duration longestBatch() {
        return Duration.ofNanos(longestBatchNanos);
    }

    /** Events applied since the start (or the last {@link #reset}). */
    public synchronized long count() {
        return count;
    }

    /** The {@code p}-th percentile (0–100) of the kept lags; zero before any event. */
    public synchronized Duration percentile(double p) {
        return percentile(micros, p);
    }

    /** As {@link #percentile}, for the workstation's own part: from the socket to the FX thread applying it. */
    public synchronized Duration screenPercentile(double p) {
        return percentile(screenMicros, p);
    }

    private Duration percentile(long[] kept, double p) {
        int n = (int) Math.min(count, KEPT);
        if (n == 0) {
            return Duration.ZERO;
        }
        long[] sorted = Arrays.copyOf(kept, n);
        Arrays.sort(sorted);
        int index = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100.0 * n) - 1));
        return Duration.ofNanos(sorted[index] * 1000);
    }

    public synchronized void reset() {
        next = 0;
        count = 0;
        batches = 0;
        applyingNanos = 0;
        longestBatchNanos = 0;
    }
}
