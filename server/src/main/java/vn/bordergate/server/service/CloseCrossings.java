package vn.bordergate.server.service;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The crossings one search of {@link PlateIndex} has found, each at the closest distance found so far, and the
 * search's bound: {@code limit}, or the {@code want}-th closest distance once {@code want} crossings are found. In
 * primitive arrays: the boxed map and tree set of hits before were a quarter of the search (JFR, readcost's probe)
 * and ~9 % of the plate-read writer's samples (session 17's profile).
 */
final class CloseCrossings {
    private static final double FREE = -1; // distances are never negative

    private final int want;
    private final double limit;
    private double bound;
    /**
     * Open addressing by crossing id: the id and its distance, {@link #FREE} where no crossing is. Room for 64 before
     * growing: a plate-read benchmark's search finds ~33 crossings for a declared plate and ~61 for an unknown one
     * (docs/benchmarks.md "readcpu5"), so half of this had grown in nearly every search (JFR, "readcpu6").
     */
    private long[] ids = new long[128];

    private double[] distances = new double[128];
    private int size;
    /**
     * The {@code want} closest distances found, ascending (values only: the bound depends on no crossing's id);
     * not kept when {@code want} can never be reached.
     */
    private double[] top;

    private int topSize;

    CloseCrossings(int want, double limit) {
        if (want < 1) {
            throw new IllegalArgumentException("want at least one crossing, not " + want);
        }
        this.want = want;
        this.limit = limit;
        this.bound = limit;
        this.top = want == Integer.MAX_VALUE ? null : new double[Math.min(want, 64)];
        Arrays.fill(distances, FREE);
    }

    double bound() {
        return bound;
    }

    /** A plate of {@code crossing} at {@code distance} (within the bound): its closest so far, the bound lowered. */
    void hit(long crossing, double distance) {
        int at = slot(ids, distances, crossing);
        double before = distances[at];
        if (before != FREE && before <= distance) {
            return;
        }
        distances[at] = distance;
        if (before == FREE) {
            ids[at] = crossing;
            if (++size * 2 > ids.length) {
                grow();
            }
        }
        if (top == null) {
            return;
        }
        // one value of the multiset of found distances goes from before to distance: its want smallest do likewise
        if (before != FREE && (topSize < want || before <= top[topSize - 1])) {
            drop(before);
        }
        if (topSize < want || distance < top[topSize - 1]) {
            if (topSize == want) {
                topSize--; // the largest leaves
            }
            insert(distance);
        }
        if (topSize >= want) {
            bound = Math.min(limit, top[want - 1]);
        }
    }

    /** The crossings within the final bound, by id. */
    Map<Long, Double> within() {
        Map<Long, Double> within = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (distances[i] != FREE && distances[i] <= bound) {
                within.put(ids[i], distances[i]);
            }
        }
        return within;
    }

    private void drop(double value) {
        int i = topSize - 1;
        while (top[i] != value) { // present: before was counted among the want smallest
            i--;
        }
        System.arraycopy(top, i + 1, top, i, topSize - 1 - i);
        topSize--;
    }

    private void insert(double value) {
        if (topSize == top.length) {
            top = Arrays.copyOf(top, (int) Math.min(want, 2L * top.length));
        }
        int i = topSize;
        while (i > 0 && top[i - 1] > value) {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = value;
        topSize++;
    }

    private static int slot(long[] ids, double[] distances, long crossing) {
        int mask = ids.length - 1;
        int i = (int) ((crossing * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        while (distances[i] != FREE && ids[i] != crossing) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldIds = ids;
        double[] oldDistances = distances;
        ids = new long[oldIds.length * 2];
        distances = new double[oldIds.length * 2];
        Arrays.fill(distances, FREE);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldDistances[i] != FREE) {
                int at = slot(ids, distances, oldIds[i]);
                ids[at] = oldIds[i];
                distances[at] = oldDistances[i];
            }
        }
    }
}
