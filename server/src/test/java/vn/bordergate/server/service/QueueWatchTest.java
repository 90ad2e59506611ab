package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.QueueSummaryDto;

/**
 * While crossings keep changing, readers asking for the queue counts share counts instead of each
 * counting again. The count stands in for the database's (a slow one: what grows with history).
 */
class QueueWatchTest {
    private static final int READERS = 16;
    private static final int CALLS = 10;

    @Test
    void readersShareOneCountWhileCrossingsKeepChanging() throws Exception {
        AtomicLong committed = new AtomicLong(); // changes announced so far (lags the watch's by at most one)
        AtomicInteger counts = new AtomicInteger();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        QueueWatch watch = new QueueWatch(null, event -> {}, scheduler, 3_600_000, () -> {
            long seen = committed.get();
            counts.incrementAndGet();
            sleep(20);
            return new QueueSummaryDto(Map.of(), Map.of(), seen);
        });
        AtomicBoolean running = new AtomicBoolean(true);
        Thread changes = new Thread(() -> {
            while (running.get()) {
                watch.changed();
                committed.incrementAndGet();
                sleep(1);
            }
        });
        changes.start();
        List<Thread> readers = new ArrayList<>();
        List<String> stale = Collections.synchronizedList(new ArrayList<>());
        for (int r = 0; r < READERS; r++) {
            Thread reader = new Thread(() -> {
                for (int i = 0; i < CALLS; i++) {
                    long asked = committed.get();
                    long counted = watch.summary().waiting();
                    if (counted < asked - 1) { // -1: a change announced to the watch but not yet to `committed`
                        stale.add("asked after change " + asked + ", got counts of " + counted);
                    }
                }
            });
            readers.add(reader);
            reader.start();
        }
        for (Thread reader : readers) {
            reader.join();
        }
        running.set(false);
        changes.join();
        scheduler.shutdownNow();

        assertThat(stale)
                .as("every answer holds the changes committed before it was asked")
                .isEmpty();
        // one count per reader and call would be 160 (and 3.2 s of counting); shared, about two per round
        assertThat(counts.get()).isLessThanOrEqualTo(READERS * CALLS / 4);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
