package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CloseOrderTest {
    private final Random random = new Random(20261125);

    /** The order the matcher asked in before: the map's entries sorted by distance, then id. */
    private static final Comparator<Map.Entry<Long, Double>> BY_DISTANCE_THEN_ID =
            Comparator.<Map.Entry<Long, Double>>comparingDouble(Map.Entry::getValue)
                    .thenComparingLong(Map.Entry::getKey);

    @Test
    void closeCrossingsComeByDistanceThenIdForEverySize() {
        for (int size : new int[] {0, 1, 2, 11, 12, 13, 61, 64, 500, 3_000}) {
            for (int round = 0; round < 20; round++) {
                Map<Long, Double> close = new HashMap<>();
                while (close.size() < size) {
                    // few distinct distances, as the index gives them (ties at the bound are most of a search's hits)
                    double distance = random.nextInt(8) * 0.3 + (random.nextBoolean() ? 1.0 : 0.0);
                    close.put((long) random.nextInt(size * 10 + 1), distance);
                }
                List<Map.Entry<Long, Double>> expected = new ArrayList<>(close.entrySet());
                expected.sort(BY_DISTANCE_THEN_ID);

                CloseOrder order = new CloseOrder(close);

                assertThat(order.size()).isEqualTo(size);
                for (int i = 0; i < size; i++) {
                    assertThat(order.id(i))
                            .as("id at %d of %d", i, size)
                            .isEqualTo(expected.get(i).getKey());
                    assertThat(order.distance(i)).isEqualTo(expected.get(i).getValue());
                }
            }
        }
    }

    @Test
    void sortedAndReversedInputsAreOrderedToo() {
        Map<Long, Double> close = new HashMap<>();
        for (long id = 0; id < 1_000; id++) {
            close.put(id, (1_000 - id) / 100.0); // the largest ids closest
        }
        CloseOrder order = new CloseOrder(close);
        for (int i = 0; i < 1_000; i++) {
            assertThat(order.id(i)).isEqualTo(999 - i);
        }
    }
}
