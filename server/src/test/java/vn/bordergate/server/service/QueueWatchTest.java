package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.QueueSummaryDto;

/**
 * Readers asking for the queue counts share counts instead of each counting again. The count stands in
 * for the database's and is held until every other reader waits for it, so the figures do not depend
 * on how the threads happen to be scheduled (no flake on a loaded machine).
 */
class QueueWatchTest {
    private static final int READERS = 16;
    private static final int CALLS = 10;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger counts = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger(READERS);
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private QueueWatch watch;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void readersShareCountsWhileCrossingsKeepChanging() throws Exception {
        AtomicLong committed = new AtomicLong(); // changes announced so far (lags the watch's by at most one)
        // a crossing changes during every count: a reader that waited for it cannot take the one before
        watch = new QueueWatch(null, event -> {}, scheduler, 3_600_000, heldCount(committed::get, () -> {
            watch.changed();
            committed.incrementAndGet();
        }));
        runReaders(CALLS, () -> {
            long asked = committed.get();
            long counted = watch.summary().waiting();
            if (counted < asked - 1) { // -1: a change announced to the watch but not yet to `committed`
                problems.add("asked after change " + asked + ", got counts of " + counted);
            }
        });

        assertThat(problems)
                .as("every answer holds the changes committed before it was asked")
                .isEmpty();
        // Each count is held until all other readers wait: those that asked before it began take it, the
        // rest the next one. So every two counts each reader gets an answer: at most 2 per round. Counting
        // again whenever a change came in meanwhile (what the watch did before) costs 160.
        assertThat(counts.get()).isLessThanOrEqualTo(2 * CALLS + 2);
    }

    @Test
    void onAQuietGateReadersTakeTheCountRunningWhenTheyAsked() throws Exception {
        watch = new QueueWatch(null, event -> {}, scheduler, 3_600_000, heldCount(() -> 0L, () -> {}));
        runReaders(1, () -> watch.summary());

        assertThat(problems).isEmpty();
        // nothing changed since the count began: the readers queued behind it need no second one
        assertThat(counts.get()).isEqualTo(1);
    }

    @Test
    void aSlowCountSpacesThePushesOutSoTheyKeepToTheirShareOfACore() throws Exception {
        List<Long> pushedAt = Collections.synchronizedList(new ArrayList<>());
        List<Long> countStartedAt = Collections.synchronizedList(new ArrayList<>());
        // counts that take at least 60 ms, as over a long history: the pushes must then wait 20 × as long
        watch = new QueueWatch(null, event -> pushedAt.add(System.nanoTime()), scheduler, 50, () -> {
            countStartedAt.add(System.nanoTime());
            sleep(60);
            counts.incrementAndGet();
            return new QueueSummaryDto(Map.of(), Map.of(), 0);
        });
        assertThat(watch.pushDelayMillis())
                .as("before any count: the coalescing period")
                .isEqualTo(50);

        long end = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() - end < 0) { // a crossing changes every 10 ms
            watch.changed();
            sleep(10);
        }

        assertThat(watch.pushDelayMillis()).isBetween(20 * 60L, QueueWatch.LONGEST_PUSH_DELAY_MILLIS);
        // until the first count has been timed a change waits 50 ms (it may schedule a second push during that
        // count); after it every push waits at least 1.2 s: 5 at most in 4 s (some 60 with the coalescing period
        // alone), however slowly this machine runs
        assertThat(pushedAt).hasSizeBetween(2, 5);
        // the delay runs from a change seen as the previous push began, so it spaces the counts' starts (less the
        // moment between a push beginning and its count, 50 ms allowed for a busy machine); the pushes themselves
        // may come closer when one count runs shorter than the one before it (1,190 ms apart seen)
        for (int i = 2; i < countStartedAt.size(); i++) {
            assertThat((countStartedAt.get(i) - countStartedAt.get(i - 1)) / 1_000_000)
                    .isGreaterThanOrEqualTo(20 * 60L - 50);
        }
    }

    @Test
    void evenAVerySlowCountLeavesThePushesAtMostFiveSecondsApart() {
        watch = new QueueWatch(null, event -> {}, scheduler, 50, () -> {
            sleep(400); // 20 × 400 ms would be 8 s
            return new QueueSummaryDto(Map.of(), Map.of(), 0);
        });
        watch.summary();

        assertThat(watch.pushDelayMillis()).isEqualTo(QueueWatch.LONGEST_PUSH_DELAY_MILLIS);
    }

    /**
     * A count of {@code waiting} that waits (up to 10 s) until every other active reader is queued for
     * the count, then runs {@code meanwhile}.
     */
    private Supplier<QueueSummaryDto> heldCount(Supplier<Long> waiting, Runnable meanwhile) {
        return () -> {
            long seen = waiting.get();
            counts.incrementAndGet();
            long deadline = System.nanoTime() + 60_000_000_000L; // 16 threads to schedule on a starved host
            while (watch.waitingToCount() < active.get() - 1) {
                if (System.nanoTime() - deadline > 0) {
                    problems.add("readers never all waited for a count");
                    break;
                }
                sleep(1);
            }
            meanwhile.run();
            return new QueueSummaryDto(Map.of(), Map.of(), seen);
        };
    }

    private void runReaders(int calls, Runnable call) throws InterruptedException {
        List<Thread> readers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1); // all threads exist before the first asks
        for (int r = 0; r < READERS; r++) {
            Thread reader = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < calls; i++) {
                    call.run();
                }
                active.decrementAndGet();
            });
            readers.add(reader);
            reader.start();
        }
        start.countDown();
        for (Thread reader : readers) {
            reader.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
