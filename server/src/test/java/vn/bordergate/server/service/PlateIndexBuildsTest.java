package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateDistance;

/**
 * The flat trie is built by a builder, not by the thread that adds or removes: here the builder is a queue the test
 * runs when it chooses, so adds and removals land before, during (between the build's snapshot and its publication)
 * and after a build, and every answer must still be what scoring every plate held gives.
 */
class PlateIndexBuildsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final Random random = new Random(25);
    private final Queue<Runnable> builds = new ArrayDeque<>();
    private final PlateIndex index = new PlateIndex(builds::add);
    private final List<ExpectedPlates.Entry> held = new ArrayList<>();
    private long nextCrossing = 1;

    @Test
    void theAddingThreadLeavesTheBuildToTheBuilder() {
        addSome(2_000); // far past an eighth in node objects: the old index rebuilt on this thread many times
        assertThat(index.flatEntries()).isZero();
        assertThat(builds).hasSize(1); // asked once, not again while it is under way
        assertExact();
        runBuilds();
        assertThat(index.flatEntries()).isEqualTo(2_000);
        assertExact();
    }

    @Test
    void addsAndRemovalsDuringABuildAreKeptWhenItIsPublished() {
        addSome(2_000);
        runBuilds();
        addSome(400); // past an eighth in node objects: a build starts from them, the last adds come after its start
        assertThat(builds).hasSize(1);
        removeSome(held.subList(0, 2_000), 150); // from the flat trie, under the build
        removeSome(held.subList(held.size() - 400, held.size()), 60); // from the build's added entries and after
        addSome(300); // after the build's start: in node objects beside its trie
        removeSome(held.subList(held.size() - 300, held.size()), 40);
        held.add(readd(held.get(0))); // a removed entry told again, during the build
        assertExact();
        runBuilds();
        assertExact();
        PlateIndex fresh = new PlateIndex();
        held.forEach(fresh::add);
        assertThat(index.nodes()).isEqualTo(fresh.nodes());
        assertExact();
    }

    @Test
    void removalsMarkEntriesGoneUntilAnEighthAreGone() {
        addSome(3_000);
        runBuilds();
        assertThat(index.flatEntries()).isEqualTo(3_000);
        removeSome(new ArrayList<>(held), 200); // fewer than an eighth: marked, no trie built for them
        assertThat(index.flatEntries()).isEqualTo(3_000);
        assertThat(builds).isEmpty();
        assertExact();
        List<ExpectedPlates.Entry> pruned = new ArrayList<>(held.subList(0, 300));
        index.remove(pruned); // as the table's prune: one batch, then one build without them
        held.removeAll(pruned);
        assertThat(builds).hasSize(1);
        runBuilds();
        assertThat(index.flatEntries()).isEqualTo(held.size());
        assertExact();
    }

    @Test
    void aBuildOvertakenByACountOfNodesIsNotPublished() {
        addSome(1_000);
        index.nodes(); // builds the flat trie of all at once, here
        addSome(10);
        runBuilds(); // the build asked before: its trie lacks the last ten, and must not replace the one built since
        assertThat(index.flatEntries()).isEqualTo(1_000);
        assertExact();
    }

    private void runBuilds() {
        for (Runnable build = builds.poll(); build != null; build = builds.poll()) {
            build.run();
        }
    }

    private void addSome(int count) {
        for (int i = 0; i < count; i++) {
            long crossing = nextCrossing++;
            String prefix = new String[] {"29C", "29D", "15C", "桂A"}[random.nextInt(4)];
            ExpectedPlates.Entry e = new ExpectedPlates.Entry(
                    NOW.plus(Duration.ofMinutes(random.nextInt(4_000) - 2_000)),
                    crossing,
                    prefix + String.format("%05d", random.nextInt(2_000)));
            held.add(e);
            index.add(e);
        }
    }

    /** Removes {@code count} of {@code from}, one by one or as a batch (the table's prune). */
    private void removeSome(List<ExpectedPlates.Entry> from, int count) {
        List<ExpectedPlates.Entry> gone = new ArrayList<>();
        while (gone.size() < count) {
            ExpectedPlates.Entry e = from.get(random.nextInt(from.size()));
            if (!gone.contains(e)) {
                gone.add(e);
            }
        }
        if (random.nextBoolean()) {
            gone.forEach(index::remove);
        } else {
            index.remove(gone);
        }
        held.removeAll(gone);
    }

    /** An entry that was removed, told again as it was. */
    private ExpectedPlates.Entry readd(ExpectedPlates.Entry kept) {
        index.remove(kept);
        index.add(kept);
        held.remove(kept);
        return kept;
    }

    private void assertExact() {
        Instant from = NOW.minus(Duration.ofHours(36));
        Instant to = NOW.plus(Duration.ofHours(36));
        for (int r = 0; r < 60; r++) {
            String plate = held.get(random.nextInt(held.size())).plate();
            String read = PlateDistance.prepareRead(random.nextBoolean() ? plate : plate.substring(1) + "7");
            Map<Long, Double> all = PlateIndexTest.bruteForce(held, read, from, to);
            for (int want : new int[] {1, 8, Integer.MAX_VALUE}) {
                PlateIndexTest.assertSameAsEveryPlate(index, read, read, from, to, want, all);
            }
        }
    }
}
