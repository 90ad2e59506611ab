package vn.bordergate.server.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Sends a call at a fixed rate from {@code clients} threads (an open loop: cameras that report when a truck passes,
 * whether or not the server is busy), for a fixed time. Latency counts from the slot a send was due in, not from when
 * it went (a send held up behind a slow answer has waited too: no coordinated omission). A send that falls more than
 * a millisecond behind its slot goes at once and is counted, with the longest such lag, so a rate the server could not
 * take shows as such.
 */
final class PacedLoop {
    private PacedLoop() {}

    static Run run(String name, double perSecond, int clients, Duration duration, ClosedLoop.Call call)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong late = new AtomicLong();
        AtomicLong worstLag = new AtomicLong();
        long intervalNanos = (long) (1e9 * clients / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        double seconds = ClosedLoop.onThreads(name, clients, client -> {
            // the clients' slots interleave: client c sends at start + (k + c / clients) × interval
            long slot = start + intervalNanos * client / clients;
            for (long k = 0; slot < end; k++, slot += intervalNanos) {
                long wait = slot - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -1_000_000) {
                    late.incrementAndGet();
                    worstLag.accumulateAndGet(-wait, Math::max);
                }
                boolean success;
                try {
                    success = Boolean.TRUE.equals(ClosedLoop.attempt(name, call, client, k * clients + client, errors));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                recorder.recordValue(Math.max(1, (System.nanoTime() - slot) / 1000));
                (success ? ok : errors).incrementAndGet();
            }
        });
        String lateness = late.get() == 0
                ? ""
                : String.format(" (%d sends late, up to %.0f ms)", late.get(), worstLag.get() / 1e6);
        return new Run(name + lateness, ok.get(), errors.get(), seconds, recorder.getIntervalHistogram());
    }
}
