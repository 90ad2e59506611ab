package vn.bordergate.server.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted per whole minute, as a GROUP BY gives them: percentiles by nearest rank (the smallest
 * minute at or below which at least p of the durations fall), exact to the minute, without the rows.
 */
final class MinuteHistogram {
    private final TreeMap<Long, Long> counts = new TreeMap<>();
    private long total;
    private long sum; // whole minutes: exact whatever the order durations are added in

    void add(long minutes, long count) {
        counts.merge(minutes, count, Long::sum);
        total += count;
        sum += minutes * count;
    }

    void addAll(MinuteHistogram other) {
        other.counts.forEach(this::add);
    }

    /**
     * As stored in a roll-up: "minutes:count" pairs separated by spaces, cut into pieces of at most
     * {@code max} characters (each piece a histogram of its own: pieces add up).
     */
    List<String> encode(int max) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            String pair = e.getKey() + ":" + e.getValue();
            if (!piece.isEmpty() && piece.length() + 1 + pair.length() > max) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(piece.isEmpty() ? "" : " ").append(pair);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** Adds a piece written by {@link #encode}. */
    void addEncoded(String piece) {
        for (String pair : piece.split(" ")) {
            int colon = pair.indexOf(':');
            add(Long.parseLong(pair, 0, colon, 10), Long.parseLong(pair, colon + 1, pair.length(), 10));
        }
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
        return total == 0 ? null : Math.round((double) sum / total);
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
