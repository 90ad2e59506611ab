package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateDistance;
import vn.bordergate.common.plate.PlateParser;

/**
 * Scoring a read against the expected plates: every plate of the window (as before the index) against
 * the trie's branch and bound, on the LoadBenchmark's kind of data (13,000 sequential plates declared
 * in one window, half the reads of declared plates, half of plates nobody declared).
 *
 * <pre>
 * mvn -B -o -Pbench -pl server -am verify -Dtest=PlateIndexBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("bench")
class PlateIndexBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void indexAgainstScoringEveryPlate() throws Exception {
        int plates = Integer.getInteger("index.plates", 13_000);
        PlateIndex index = new PlateIndex();
        List<ExpectedPlates.Entry> all = new ArrayList<>();
        for (int n = 0; n < plates; n++) {
            String plate = PlateParser.normalize(String.format("11C-%03d.%02d", n / 100 % 1000, n % 100));
            ExpectedPlates.Entry e = new ExpectedPlates.Entry(NOW.plusSeconds(n), n, plate);
            all.add(e);
            index.add(e);
        }
        Random random = new Random(8);
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            int n = random.nextInt(plates);
            reads.add(PlateDistance.prepareRead(
                    i % 2 == 0
                            ? String.format("11C-%03d.%02d", n / 100 % 1000, n % 100)
                            : String.format("47E-%03d.%02d", n / 100 % 1000, n % 100)));
        }
        Instant from = NOW.minus(Duration.ofHours(36));
        Instant to = NOW.plus(Duration.ofHours(36));
        long found = 0;
        for (int round = 0; round < 3; round++) { // the last round is measured, the others warm up
            long t0 = System.nanoTime();
            for (String read : reads) {
                for (ExpectedPlates.Entry e : all) {
                    if (PlateDistance.betweenPrepared(read, e.plate(), 3.0) <= 3.0) {
                        found++;
                    }
                }
            }
            long t1 = System.nanoTime();
            for (String read : reads) {
                found += index.closest(read, from, to, 8, 3.0).distances().size();
            }
            long t2 = System.nanoTime();
            if (round == 2) {
                String line = String.format(
                        "plate index: %,d expected plates, %,d reads: every plate %.1f µs per read, index %.1f µs per read"
                                + " (%.0f× less)",
                        plates,
                        reads.size(),
                        (t1 - t0) / 1e3 / reads.size(),
                        (t2 - t1) / 1e3 / reads.size(),
                        (double) (t1 - t0) / (t2 - t1));
                System.out.println(line);
                Path out = Path.of("target", "bench", "plate-index.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, line + "\n");
            }
        }
        assertThat(found).isPositive();
    }
}
