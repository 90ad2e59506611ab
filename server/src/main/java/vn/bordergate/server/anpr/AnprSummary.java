package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Counts for the {@code anpr} command's closing {@code #} line. */
final class AnprSummary {
    private int images;
    private int plates;
    private int unreadable;
    private final List<Double> millis = new ArrayList<>();

    void add(AnprCommand.AnprRow row) {
        images++;
        if (!row.decoded()) {
            unreadable++;
            return;
        }
        millis.add(row.ms());
        if (!row.plate().isEmpty()) {
            plates++;
        }
    }

    String line(double wallSeconds) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "# images=%d plates=%d unreadable=%d median_ms=%.1f p95_ms=%.1f wall_s=%.1f",
                images,
                plates,
                unreadable,
                percentile(sorted, 0.5),
                percentile(sorted, 0.95),
                wallSeconds);
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
