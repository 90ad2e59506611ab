package vn.bordergate.server.camera;

import java.util.concurrent.atomic.AtomicLong;

/** Collects one camera's running figures; written by its threads, read by {@link CameraFeed#metrics()}. */
final class FeedMeter {
    private static final int WINDOW = 50;
    private static final long STALE_NANOS = 2_000_000_000L;

    private final RollingSamples frameTimes = new RollingSamples(WINDOW);
    private final RollingSamples decodeMs = new RollingSamples(WINDOW);
    private final RollingSamples latencyMs = new RollingSamples(WINDOW);
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    final StreamLag lag = new StreamLag();
    private volatile int width;
    private volatile int height;
    private volatile double nominalFps;

    void connected(double nominalFps) {
        this.nominalFps = nominalFps;
        lag.restart();
    }

    void reconnecting() {
        reconnects.incrementAndGet();
        frameTimes.clear();
    }

    void decoded(long nowNanos, long decodeNanos, int width, int height) {
        decoded.incrementAndGet();
        frameTimes.add(nowNanos);
        decodeMs.add(decodeNanos / 1e6);
        this.width = width;
        this.height = height;
    }

    void handedOut(long ageNanos) {
        latencyMs.add(ageNanos / 1e6);
    }

    double fps() {
        return frameTimes.ratePerSecond(System.nanoTime(), STALE_NANOS);
    }

    double decodeMs() {
        return decodeMs.mean();
    }

    double decodeMsMax() {
        return decodeMs.max();
    }

    double latencyMs() {
        return latencyMs.mean();
    }

    long decodedFrames() {
        return decoded.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double nominalFps() {
        return nominalFps;
    }
}
