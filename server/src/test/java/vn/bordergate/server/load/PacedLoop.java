package vn.bordergate.server.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Sends a call at a fixed rate from {@code clients} threads (an open loop: cameras that report when a truck passes,
 * whether or not the server is busy), for a fixed time. A send that falls behind its slot goes at once; such sends
 * are counted, so a rate the server could not take shows as such.
 */
final class PacedLoop {
    private PacedLoop() {}

    static Run run(String name, double perSecond, int clients, Duration duration, ClosedLoop.Call call)
            throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong late = new AtomicLong();
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
                } else if (wait < -intervalNanos) {
                    late.incrementAndGet();
                }
                long t0 = System.nanoTime();
                boolean success;
                try {
                    success = Boolean.TRUE.equals(call.send(client, k * clients + client));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    success = false;
                }
                recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                (success ? ok : errors).incrementAndGet();
            }
        });
        if (late.get() > 0) {
            System.out.println(name + ": " + late.get() + " sends more than one slot behind (the rate was not kept)");
        }
        return new Run(
                name + (late.get() > 0 ? " (rate not kept: " + late.get() + " late)" : ""),
                ok.get(),
                errors.get(),
                seconds,
                recorder.getIntervalHistogram());
    }
}
