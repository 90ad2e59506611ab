package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search's bookkeeping of hits must give the bound and the crossings the plain rule gives: each crossing at the
 * closest distance it was hit at, the bound the {@code want}-th smallest of those (or the limit), and the crossings
 * within it. Hits come as the search makes them (only within the bound of the moment), with crossings hit again
 * closer or farther (a tractor and a trailer plate), many ties, and more crossings than the id table first holds.
 */
class CloseCrossingsTest {
    private static final double LIMIT = 3.0;
    /** Distances as the plate distance makes them: whole edits and look-alike fractions, many equal. */
    private static final double[] STEPS = {0, 0.3, 0.5, 0.6, 1.0, 1.3, 1.5, 2.0, 2.3, 2.6, 3.0};

    @Test
    void boundAndCrossingsAreThoseOfThePlainRule() {
        Random random = new Random(20261124);
        for (int round = 0; round < 3_000; round++) {
            int want = new int[] {1, 2, 5, 8, 64, 100, Integer.MAX_VALUE}[random.nextInt(7)];
            int crossings = 1 + random.nextInt(round % 10 == 0 ? 2_000 : 120);
            CloseCrossings found = new CloseCrossings(want, LIMIT);
            Map<Long, Double> closest = new HashMap<>();
            int hits = random.nextInt(3 * crossings);
            for (int h = 0; h < hits; h++) {
                long crossing = random.nextBoolean() ? random.nextInt(crossings) : -random.nextInt(crossings) * 7919L;
                double distance = STEPS[random.nextInt(STEPS.length)];
                if (distance > found.bound()) {
                    continue; // the search makes no hit beyond its bound
                }
                found.hit(crossing, distance);
                closest.merge(crossing, distance, Math::min);
                assertThat(found.bound()).as("round %d, hit %d", round, h).isEqualTo(bound(closest, want));
            }
            Map<Long, Double> within = new HashMap<>();
            closest.forEach((crossing, d) -> {
                if (d <= found.bound()) {
                    within.put(crossing, d);
                }
            });
            assertThat(found.within()).as("round %d", round).isEqualTo(within);
        }
    }

    @Test
    void askingForNoCrossingIsRefused() {
        assertThatThrownBy(() -> new CloseCrossings(0, LIMIT)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double bound(Map<Long, Double> closest, int want) {
        if (closest.size() < want) {
            return LIMIT;
        }
        List<Double> sorted = new ArrayList<>(closest.values());
        sorted.sort(null);
        return Math.min(LIMIT, sorted.get(want - 1));
    }
}
