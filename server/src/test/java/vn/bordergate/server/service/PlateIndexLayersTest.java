package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateDistance;

/**
 * The index keeps most plates in a flat trie and the latest adds in a trie of node objects, and rebuilds the flat one
 * now and then: whatever the split (read between adds, right after a rebuild, after removals one by one or in a batch,
 * the same entry added twice), every answer must be what scoring every plate gives. Also the window's edges to the
 * nanosecond, which the flat trie compares as epoch seconds and nanoseconds.
 */
class PlateIndexLayersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00.500Z");
    private static final double CANDIDATE = 3.0;

    private final Random random = new Random(17);
    private final List<ExpectedPlates.Entry> entries = new ArrayList<>();
    private final PlateIndex index = new PlateIndex();

    @Test
    void answersStayExactWhileEntriesComeAndGo() {
        long id = 1;
        int searches = 0;
        for (int step = 0; step < 60; step++) {
            int adds = 1 + random.nextInt(step % 7 == 0 ? 400 : 40);
            for (int a = 0; a < adds; a++, id++) {
                ExpectedPlates.Entry e = entry(id, plate());
                entries.add(e);
                index.add(e);
                if (random.nextInt(20) == 0) {
                    index.add(e); // told twice: held once
                }
                String trailer = plate();
                if (random.nextInt(9) == 0 && !trailer.equals(e.plate())) {
                    ExpectedPlates.Entry t = new ExpectedPlates.Entry(e.expectedArrival(), id, trailer);
                    entries.add(t);
                    index.add(t);
                }
            }
            if (step % 5 == 4) { // removals, one by one or as the table's prune does, a batch at once
                List<ExpectedPlates.Entry> gone = new ArrayList<>();
                for (ExpectedPlates.Entry e : entries) {
                    if (random.nextInt(6) == 0) {
                        gone.add(e);
                    }
                }
                if (step % 10 == 4) {
                    gone.forEach(index::remove);
                } else {
                    index.remove(gone);
                }
                entries.removeAll(gone);
            }
            for (int r = 0; r < 12; r++, searches++) {
                assertExact(read());
            }
        }
        assertThat(searches).isEqualTo(720);
        PlateIndex rebuilt = new PlateIndex();
        entries.forEach(rebuilt::add);
        assertThat(index.nodes()).isEqualTo(rebuilt.nodes());
    }

    @Test
    void theWindowsEdgesAreKeptToTheNanosecond() {
        Instant from = NOW.minus(Duration.ofHours(36));
        Instant to = NOW.plus(Duration.ofHours(36));
        Instant[] arrivals = {
            from.minusNanos(1), from, from.plusNanos(1), to.minusNanos(1), to, to.plusNanos(1), from.minusSeconds(1)
        };
        for (int i = 0; i < arrivals.length; i++) {
            ExpectedPlates.Entry e = new ExpectedPlates.Entry(arrivals[i], 100 + i, "29C1234" + i);
            entries.add(e);
            index.add(e);
        }
        // the first read builds the flat trie of them (nothing was built yet), the second searches it again
        for (int read = 0; read < 2; read++) {
            Map<Long, Double> found = index.closest("29C12345", from, to, Integer.MAX_VALUE, CANDIDATE)
                    .distances();
            assertThat(found).as("read %d", read).containsOnlyKeys(101L, 102L, 103L, 104L);
            assertThat(found).isEqualTo(PlateIndexTest.bruteForce(entries, "29C12345", from, to));
        }
    }

    /**
     * Readers never block on the writer and see the layers as the writer publishes them: while one thread adds entries
     * (rebuilding now and then) and removes old ones in batches, every answer holds each entry whose add had returned
     * before the read began and whose removal had not begun before it ended, at its exact distance, and nothing added
     * after the read ended or removed before it began.
     */
    @Test
    void readersSeeEveryEntryTheWriterFinishedWhileItGoesOn() throws Exception {
        int total = 6_000;
        for (long id = 1; id <= total; id++) {
            entries.add(entry(id, plate()));
        }
        List<String> reads = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            reads.add(read());
        }
        Instant from = NOW.minus(Duration.ofDays(30));
        Instant to = NOW.plus(Duration.ofDays(30));
        AtomicInteger addsStarted = new AtomicInteger();
        AtomicInteger addsDone = new AtomicInteger();
        AtomicInteger removalsStarted = new AtomicInteger();
        AtomicInteger removalsDone = new AtomicInteger();
        AtomicInteger readsDone = new AtomicInteger();
        AtomicInteger readsWhileWriting = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < total; i++) {
                    addsStarted.set(i + 1);
                    index.add(entries.get(i));
                    addsDone.set(i + 1);
                    if (i % 500 == 499) { // the oldest 200 go, as the table's prune takes old crossings
                        int end = removalsDone.get() + 200;
                        removalsStarted.set(end);
                        index.remove(entries.subList(removalsDone.get(), end));
                        removalsDone.set(end);
                        // a few reads in between, so that readers and writer overlap however the threads are scheduled
                        awaitReads(readsDone, readsDone.get() + 2, reads.size());
                    }
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<String> mine = reads.subList(t * 200, t * 200 + 200);
                readers.add(threads.submit(() -> {
                    int checked = 0;
                    for (String read : mine) {
                        int addedBefore = addsDone.get();
                        if (addsStarted.get() > 0 && addedBefore < total) {
                            readsWhileWriting.incrementAndGet();
                        }
                        int removedBefore = removalsDone.get();
                        Map<Long, Double> found = index.closest(read, from, to, Integer.MAX_VALUE, CANDIDATE)
                                .distances();
                        int addedAfter = addsStarted.get();
                        int removedAfter = removalsStarted.get();
                        for (int j = 0; j < addedAfter; j++) {
                            ExpectedPlates.Entry e = entries.get(j);
                            double d = PlateDistance.betweenPrepared(read, e.plate(), CANDIDATE);
                            Double seen = found.get(e.crossingId());
                            if (j < addedBefore && j >= removedAfter && d <= CANDIDATE) {
                                assertThat(seen).as("%s: entry %d", read, j).isEqualTo(d);
                            } else if (seen != null) {
                                assertThat(j)
                                        .as("%s: entry %d was removed", read, j)
                                        .isGreaterThanOrEqualTo(removedBefore);
                                assertThat(seen).as("%s: entry %d", read, j).isEqualTo(d);
                            }
                        }
                        for (long crossing : found.keySet()) {
                            assertThat(crossing)
                                    .as("%s: added after the read", read)
                                    .isLessThanOrEqualTo(addedAfter);
                        }
                        checked++;
                        readsDone.incrementAndGet();
                    }
                    return checked;
                }));
            }
            writer.get(2, TimeUnit.MINUTES);
            for (Future<Integer> r : readers) {
                assertThat(r.get(2, TimeUnit.MINUTES)).isEqualTo(200);
            }
            // twelve pauses of the writer, two reads each at least: else the readers only saw a finished index
            assertThat(readsWhileWriting.get()).isGreaterThanOrEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Waits until {@code done} reaches {@code target} or every read is done. It parks between looks, not spins: on a
     * loaded two-core machine a spinning writer takes the CPU from the very readers it waits for. Two minutes is
     * a hang, not a slow machine, and fails the writer rather than letting it write on without the overlap.
     */
    private static void awaitReads(AtomicInteger done, int target, int all) {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (done.get() < Math.min(target, all)) {
            if (System.nanoTime() > end) {
                throw new AssertionError(
                        "the readers made no " + target + " reads within 2 minutes (" + done.get() + " done)");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private void assertExact(String read) {
        Instant at = NOW.plus(Duration.ofMinutes(random.nextInt(4_000) - 2_000));
        Instant from = at.minus(Duration.ofHours(36));
        Instant to = at.plus(Duration.ofHours(36));
        Map<Long, Double> all = PlateIndexTest.bruteForce(entries, read, from, to);
        for (int want : new int[] {1, 3, 8, 64, Integer.MAX_VALUE}) {
            PlateIndexTest.assertSameAsEveryPlate(index, read, read, from, to, want, all);
        }
    }

    private ExpectedPlates.Entry entry(long crossing, String plate) {
        Instant arrival =
                NOW.plus(Duration.ofSeconds(random.nextInt(400_000) - 200_000)).plusNanos(random.nextInt(1_000));
        return new ExpectedPlates.Entry(arrival, crossing, plate);
    }

    /** Sequential plates under few prefixes (shared tops of the trie), of several lengths, some Chinese. */
    private String plate() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return "桂A" + String.format("%05d", random.nextInt(300));
        }
        String prefix = new String[] {"29C", "29D", "11C", "22D"}[random.nextInt(4)];
        return kind == 1
                ? prefix + String.format("%04d", random.nextInt(300))
                : prefix + String.format("%05d", random.nextInt(3_000));
    }

    /** A declared plate as read, misread (a look-alike, a wrong digit, one missing), or of another province. */
    private String read() {
        String plate = entries.isEmpty()
                ? plate()
                : entries.get(random.nextInt(entries.size())).plate();
        StringBuilder s = new StringBuilder(plate);
        switch (random.nextInt(5)) {
            case 0 -> s.setCharAt(s.length() - 1, (char) ('0' + random.nextInt(10)));
            case 1 -> s.deleteCharAt(random.nextInt(s.length()));
            case 2 -> s.setCharAt(0, s.charAt(0) == '桂' ? '?' : '4');
            case 3 -> s.replace(0, s.length(), s.toString().replace('0', 'O').replace('8', 'B'));
            default -> {}
        }
        return PlateDistance.prepareRead(s.toString());
    }
}
