package vn.bordergate.server.camera;

/**
 * The last N values of a measurement (decode time, latency, frame arrival times), so figures follow the
 * camera's present state rather than its whole history. Thread safe; adding is O(1).
 */
final class RollingSamples {
    private final double[] values;
    private int count;
    private int next;

    RollingSamples(int capacity) {
        this.values = new double[capacity];
    }

    synchronized void add(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        count = Math.min(count + 1, values.length);
    }

    synchronized double mean() {
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += values[i];
        }
        return sum / count;
    }

    synchronized double max() {
        double max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }

    /**
     * Events per second when the samples are event times in nanoseconds: (n - 1) over the span of the
     * window, or 0 when the newest event is older than {@code staleNanos} (a stalled stream has no rate).
     */
    synchronized double ratePerSecond(long nowNanos, long staleNanos) {
        if (count < 2) {
            return 0;
        }
        double newest = values[(next - 1 + values.length) % values.length];
        double oldest = values[count < values.length ? 0 : next];
        if (nowNanos - newest > staleNanos || newest <= oldest) {
            return 0;
        }
        return (count - 1) * 1e9 / (newest - oldest);
    }

    synchronized void clear() {
        count = 0;
        next = 0;
    }
}
