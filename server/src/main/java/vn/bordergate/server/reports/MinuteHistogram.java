package vn.bordergate.server.reports;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted per whole minute, as a GROUP BY gives them: percentiles by nearest rank (the smallest
 * minute at or below which at least p of the durations fall), exact to the minute, without the rows.
 */
final class MinuteHistogram {
    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long total;
    private double sum;

    void add(long minutes, long count) {
        counts.merge(minutes, count, Long::sum);
        total += count;
        sum += (double) minutes * count;
    }

    long count() {
        return total;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]; null when empty. */
    Long percentile(double p) {
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= Math.max(1, rank)) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }

    Long mean() {
        return total == 0 ? null : Math.round(sum / total);
    }

    Long max() {
        return total == 0 ? null : counts.lastKey();
    }

    /** How many durations are at least {@code from} and below {@code to} minutes. */
    long between(long from, long to) {
        return counts.subMap(from, true, to, false).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
