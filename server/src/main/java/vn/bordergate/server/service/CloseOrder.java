package vn.bordergate.server.service;

import java.util.Map;

/**
 * The close crossings of one read as {@link PlateMatcher} asks the database for them: by memory distance, ties by id.
 * In two primitive arrays sorted in place: a list of the map's boxed entries sorted by a comparator was an eighth of
 * the matcher's samples on the plate-read writers (JFR, docs/benchmarks.md "readcpu6"), for a few dozen crossings.
 */
final class CloseOrder {
    private final long[] ids;
    private final double[] distances;

    CloseOrder(Map<Long, Double> close) {
        ids = new long[close.size()];
        distances = new double[close.size()];
        int n = 0;
        for (Map.Entry<Long, Double> e : close.entrySet()) {
            ids[n] = e.getKey();
            distances[n] = e.getValue();
            n++;
        }
        sort(0, n - 1);
    }

    int size() {
        return ids.length;
    }

    long id(int at) {
        return ids[at];
    }

    double distance(int at) {
        return distances[at];
    }

    /** Quicksort of {@code [lo, hi]}, insertion sort below a dozen: the ids are distinct (map keys), so no ties. */
    private void sort(int lo, int hi) {
        while (hi - lo >= 12) {
            int mid = (lo + hi) >>> 1;
            double pivotDistance = distances[mid];
            long pivotId = ids[mid];
            // Hoare partition around the pivot's values (its slot may move while swapping)
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (precedes(distances[i], ids[i], pivotDistance, pivotId)) {
                    i++;
                }
                while (precedes(pivotDistance, pivotId, distances[j], ids[j])) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            // the smaller side by recursion, the larger by the loop: the stack stays logarithmic
            if (j - lo < hi - i) {
                sort(lo, j);
                lo = i;
            } else {
                sort(i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            long id = ids[i];
            double distance = distances[i];
            int j = i - 1;
            while (j >= lo && precedes(distance, id, distances[j], ids[j])) {
                ids[j + 1] = ids[j];
                distances[j + 1] = distances[j];
                j--;
            }
            ids[j + 1] = id;
            distances[j + 1] = distance;
        }
    }

    private static boolean precedes(double distance, long id, double otherDistance, long otherId) {
        int byDistance = Double.compare(distance, otherDistance);
        return byDistance != 0 ? byDistance < 0 : id < otherId;
    }

    private void swap(int a, int b) {
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double distance = distances[a];
        distances[a] = distances[b];
        distances[b] = distance;
    }
}
