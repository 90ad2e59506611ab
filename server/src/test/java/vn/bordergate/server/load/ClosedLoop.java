package vn.bordergate.server.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives a call from {@code clients} threads, each sending its next request when the previous answer
 * arrived (a closed loop: what a pool of workstations and cameras does), for a fixed time.
 */
final class ClosedLoop {
    /**
     * One request; answers whether it succeeded, or null when there was nothing to send (not counted).
     * {@code client} and {@code n} let it vary its request.
     */
    @FunctionalInterface
    interface Call {
        Boolean send(int client, long n) throws Exception;
    }

    private ClosedLoop() {}

    static Run run(String name, int clients, Duration duration, Call call) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        double seconds = onThreads(name, clients, client -> {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                Boolean success;
                try {
                    success = attempt(name, call, client, sequence.getAndIncrement(), errors);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (success == null) {
                    continue;
                }
                recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                (success ? ok : errors).incrementAndGet();
            }
        });
        Histogram histogram = recorder.getIntervalHistogram();
        return new Run(name, ok.get(), errors.get(), seconds, histogram);
    }

    /** One call; an exception counts as a failure, the first few printed (an answer that never came: say why). */
    static Boolean attempt(String name, Call call, int client, long n, AtomicLong errors) throws InterruptedException {
        try {
            return call.send(client, n);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (errors.get() < 3) {
                System.out.println(name + ": no answer: " + e);
            }
            return false;
        }
    }

    /** Runs {@code body} for clients 0 … {@code clients} − 1, each on a thread of its own; the seconds it took. */
    static double onThreads(String name, int clients, IntConsumer body) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> body.accept(client), name + "-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
