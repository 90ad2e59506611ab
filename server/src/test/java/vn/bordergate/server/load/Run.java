package vn.bordergate.server.load;

import org.HdrHistogram.Histogram;

/** What one load phase measured: calls that succeeded, calls that failed, and their latencies (µs). */
record Run(String name, long ok, long errors, double seconds, Histogram latencyMicros) {
    double perSecond() {
        return ok / seconds;
    }

    double p(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    String line() {
        return String.format(
                "%-34s %9.0f /s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms  ok %8d  errors %d",
                name, perSecond(), p(50), p(95), p(99), latencyMicros.getMaxValue() / 1000.0, ok, errors);
    }
}
