package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateDistance;
import vn.bordergate.common.plate.PlateParser;

/**
 * The index must give exactly what scoring every plate gives: for a large expected set (dense sequential
 * plates as a gate sees them, look-alike and unread-province reads, Chinese plates, crossings with a
 * trailer, a time window that leaves some out), every crossing within the answer's bound with the very
 * same distance, none missing, and at least the crossings asked for when there are that many.
 */
class PlateIndexTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final double CANDIDATE = 3.0;
    private static final String LETTERS = "ABCDEFGHKLMNPSTUVXYZ";
    private static final String PROVINCES_CN = "桂粤湘云川京沪";

    private final Random random = new Random(20261122);
    private final List<ExpectedPlates.Entry> entries = new ArrayList<>();
    private final PlateIndex index = new PlateIndex();

    @Test
    void largeExpectedSetGivesTheSameCandidatesAsScoringEveryPlate() {
        long id = 1;
        for (int n = 0; n < 6_000; n++, id++) { // sequential Vietnamese plates, like the load benchmark's
            add(id, String.format("29C%05d", n), n % 5 == 0 ? String.format("29R%05d", n) : null);
        }
        for (int n = 0; n < 4_000; n++, id++) { // random Vietnamese and Chinese ones
            add(id, randomPlate(), null);
        }
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ExpectedPlates.Entry e = entries.get(random.nextInt(entries.size()));
            reads.add(e.plate()); // read right
            reads.add(misread(e.plate())); // look-alikes, a wrong character, one missing or extra
            reads.add(randomPlate()); // probably not expected
        }
        reads.add("?A12345");
        reads.add("");
        reads.add("29C");
        for (String raw : reads) {
            String read = PlateDistance.prepareRead(raw);
            Instant at = NOW.plus(Duration.ofHours(random.nextInt(80) - 40));
            Instant from = at.minus(Duration.ofHours(36));
            Instant to = at.plus(Duration.ofHours(36));
            Map<Long, Double> all = bruteForce(read, from, to);
            for (int want : new int[] {1, 5, 8, 64, Integer.MAX_VALUE}) {
                PlateIndex.Closest close = assertSameAsEveryPlate(raw, read, from, to, want, all);
                if (want == Integer.MAX_VALUE) {
                    assertThat(close.bound()).isEqualTo(CANDIDATE);
                }
            }
        }
    }

    /**
     * The load benchmark's shape, where most children of a node are cut before their column is computed
     * ({@link PlateIndexSearch}'s diagonal check): two dense runs of sequential plates (province 11 series C, 22
     * series D), reads of them, misread (look-alikes, a wrong, missing or extra character), with a D (a look-alike of
     * 0) put in, and of other provinces of the same or another series.
     */
    @Test
    void denseSequentialPlatesAreFoundExactlyForNeighbouringReads() {
        long id = 1;
        for (int n = 0; n < 3_000; n++, id++) {
            add(id, String.format("11C%05d", n), null);
            add(id + 100_000, String.format("22D%05d", n * 3), null);
        }
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = random.nextInt(3_200);
            String declared = i % 2 == 0 ? String.format("11C%05d", n) : String.format("22D%05d", n * 3);
            reads.add(declared);
            reads.add(misread(declared));
            reads.add(String.format("%02dD%05d", 11 + random.nextInt(89), n)); // another province, same series
            reads.add(String.format("%02dE%05d", 11 + random.nextInt(89), n));
            reads.add(declared.substring(0, 3) + "D" + declared.substring(3));
        }
        Instant from = NOW.minus(Duration.ofHours(72));
        Instant to = NOW.plus(Duration.ofHours(72));
        for (String raw : reads) {
            String read = PlateDistance.prepareRead(raw);
            Map<Long, Double> all = bruteForce(read, from, to);
            for (int want : new int[] {1, 8, 64}) {
                assertSameAsEveryPlate(raw, read, from, to, want, all);
            }
        }
    }

    @Test
    void forgottenEntriesAreNoLongerFound() {
        add(1, "29C12345", null);
        add(2, "29C12346", null);
        index.remove(entries.get(0));
        PlateIndex.Closest close =
                index.closest("29C12345", NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)), 5, CANDIDATE);
        assertThat(close.distances()).containsOnlyKeys(2L).containsEntry(2L, 1.0);
    }

    @Test
    void forgottenPlatesLeaveNoNodesAndTheRestIsStillFoundExactly() {
        long id = 1;
        for (int n = 0; n < 1_500; n++, id++) {
            add(id, n % 2 == 0 ? String.format("29C%05d", n) : randomPlate(), n % 7 == 0 ? randomPlate() : null);
        }
        List<ExpectedPlates.Entry> kept = new ArrayList<>();
        for (ExpectedPlates.Entry e : entries) {
            if (random.nextBoolean()) {
                index.remove(e);
            } else {
                kept.add(e);
            }
        }
        PlateIndex rebuilt = new PlateIndex();
        kept.forEach(rebuilt::add);
        assertThat(index.nodes()).isEqualTo(rebuilt.nodes());
        entries.retainAll(kept);
        Instant from = NOW.minus(Duration.ofDays(3));
        Instant to = NOW.plus(Duration.ofDays(3));
        for (int r = 0; r < 200; r++) {
            String read = PlateDistance.prepareRead(PlateParser.normalize(
                    entries.get(random.nextInt(entries.size())).plate()));
            assertThat(index.closest(read, from, to, Integer.MAX_VALUE, CANDIDATE)
                            .distances())
                    .isEqualTo(bruteForce(read, from, to));
        }
        kept.forEach(index::remove);
        assertThat(index.nodes()).isEqualTo(1); // the root alone
    }

    /**
     * The search cuts a branch by the lengths of the plates below it (one insertion or deletion per character of
     * difference): plates that are prefixes of one another (old four-digit and new five-digit serials, a sixth
     * digit read in) and removals that narrow those lengths must leave every answer exactly as scoring every plate.
     */
    @Test
    void platesOfManyLengthsUnderOnePrefixAreFoundExactlyAlsoAfterRemovals() {
        long id = 1;
        for (int n = 0; n < 3_000; n++, id++) {
            String serial = String.format("%05d", random.nextInt(2_000));
            String plate =
                    switch (n % 4) {
                        case 0 -> "29C" + serial.substring(1); // old four-digit serial
                        case 1 -> "29C" + serial + random.nextInt(10); // one character more
                        case 2 -> "29C" + serial.substring(0, 2); // much shorter
                        default -> "29C" + serial;
                    };
            add(id, plate, n % 9 == 0 ? "29R" + serial.substring(1) : null);
        }
        Instant from = NOW.minus(Duration.ofHours(36));
        Instant to = NOW.plus(Duration.ofHours(36));
        for (int round = 0; round < 3; round++) {
            for (int r = 0; r < 150; r++) {
                String plate = entries.get(random.nextInt(entries.size())).plate();
                for (String raw :
                        new String[] {plate, misread(plate), plate + random.nextInt(10), plate.substring(1)}) {
                    String read = PlateDistance.prepareRead(raw);
                    Map<Long, Double> all = bruteForce(read, from, to);
                    for (int want : new int[] {1, 5, 8, Integer.MAX_VALUE}) {
                        PlateIndex.Closest close = index.closest(read, from, to, want, CANDIDATE);
                        Map<Long, Double> expected = new HashMap<>();
                        all.forEach((crossing, d) -> {
                            if (d <= close.bound()) {
                                expected.put(crossing, d);
                            }
                        });
                        assertThat(close.distances())
                                .as("round %d, read %s, want %d", round, raw, want)
                                .isEqualTo(expected);
                        assertThat(close.distances().size()).isGreaterThanOrEqualTo(Math.min(want, all.size()));
                    }
                }
            }
            // forget the longest plates first, then the shortest: the lengths left below each node narrow
            int length = round == 0 ? 9 : 5;
            List<ExpectedPlates.Entry> gone =
                    entries.stream().filter(e -> e.plate().length() == length).toList();
            gone.forEach(index::remove);
            entries.removeAll(gone);
        }
    }

    /** The index's {@code want} closest equal every plate scored ({@code all}) within the answer's own bound. */
    private PlateIndex.Closest assertSameAsEveryPlate(
            String raw, String read, Instant from, Instant to, int want, Map<Long, Double> all) {
        return assertSameAsEveryPlate(index, raw, read, from, to, want, all);
    }

    static PlateIndex.Closest assertSameAsEveryPlate(
            PlateIndex index, String raw, String read, Instant from, Instant to, int want, Map<Long, Double> all) {
        PlateIndex.Closest close = index.closest(read, from, to, want, CANDIDATE);
        Map<Long, Double> expected = new HashMap<>();
        all.forEach((crossing, d) -> {
            if (d <= close.bound()) {
                expected.put(crossing, d);
            }
        });
        assertThat(close.distances()).as("read %s, want %d", raw, want).isEqualTo(expected);
        assertThat(close.distances().size())
                .as("read %s, want %d", raw, want)
                .isGreaterThanOrEqualTo(Math.min(want, all.size()));
        return close;
    }

    private Map<Long, Double> bruteForce(String read, Instant from, Instant to) {
        return bruteForce(entries, read, from, to);
    }

    /** Every entry of the window scored against the read: each crossing within {@code CANDIDATE}, its closest plate. */
    static Map<Long, Double> bruteForce(
            Collection<ExpectedPlates.Entry> entries, String read, Instant from, Instant to) {
        Map<Long, Double> close = new HashMap<>();
        for (ExpectedPlates.Entry e : entries) {
            if (e.expectedArrival().isBefore(from) || e.expectedArrival().isAfter(to)) {
                continue;
            }
            double d = PlateDistance.betweenPrepared(read, e.plate(), CANDIDATE);
            if (d <= CANDIDATE) {
                close.merge(e.crossingId(), d, Math::min);
            }
        }
        return close;
    }

    private void add(long crossing, String tractor, String trailer) {
        Instant arrival = NOW.plus(Duration.ofMinutes(random.nextInt(6_000) - 3_000));
        for (String plate : trailer == null ? new String[] {tractor} : new String[] {tractor, trailer}) {
            ExpectedPlates.Entry e = new ExpectedPlates.Entry(arrival, crossing, PlateParser.normalize(plate));
            entries.add(e);
            index.add(e);
        }
    }

    private String randomPlate() {
        if (random.nextInt(4) == 0) {
            return PROVINCES_CN.charAt(random.nextInt(PROVINCES_CN.length()))
                    + "" + LETTERS.charAt(random.nextInt(LETTERS.length()))
                    + String.format("%05d", random.nextInt(100_000));
        }
        return String.format(
                "%02d%c%05d",
                11 + random.nextInt(89), LETTERS.charAt(random.nextInt(LETTERS.length())), random.nextInt(100_000));
    }

    private String misread(String plate) {
        StringBuilder s = new StringBuilder(plate);
        int changes = 1 + random.nextInt(3);
        for (int c = 0; c < changes && s.length() > 1; c++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.setCharAt(at, lookAlike(s.charAt(at)));
                case 1 -> s.setCharAt(at, (char) ('0' + random.nextInt(10)));
                case 2 -> s.deleteCharAt(at);
                case 3 -> s.insert(at, (char) ('0' + random.nextInt(10)));
                default -> s.setCharAt(
                        at,
                        Character.UnicodeScript.of(s.charAt(at)) == Character.UnicodeScript.HAN
                                ? '?'
                                : lookAlike(s.charAt(at)));
            }
        }
        return s.toString();
    }

    private static char lookAlike(char c) {
        String pairs = "0O1I8B2Z5S6G";
        int i = pairs.indexOf(c);
        return i < 0 ? c : pairs.charAt(i ^ 1);
    }
}
