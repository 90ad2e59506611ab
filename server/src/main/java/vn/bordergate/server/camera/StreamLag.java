package vn.bordergate.server.camera;

/**
 * How far decoding has fallen behind the stream: wall-clock time elapsed minus media time elapsed, relative
 * to the best (smallest) difference seen since the stream started. Zero while decoding keeps up; it grows
 * steadily when frames come faster than they are decoded, which is a backlog forming inside FFmpeg or the
 * socket buffers, out of reach of the latest-frame slot. Used by the camera thread; read by others.
 */
final class StreamLag {
    /** A timestamp jump larger than this (camera clock reset, file loop glitch) starts a new baseline. */
    private static final long DISCONTINUITY_MICROS = 5_000_000;

    private boolean started;
    private long lastMediaMicros;
    private long bestOffsetMicros;
    private volatile double lagMs;
    private volatile double maxLagMs;

    /** Records a frame with its media timestamp, decoded at {@code wallNanos}. */
    void frame(long mediaMicros, long wallNanos) {
        long offset = wallNanos / 1000 - mediaMicros;
        if (!started || Math.abs(mediaMicros - lastMediaMicros) > DISCONTINUITY_MICROS) {
            started = true;
            bestOffsetMicros = offset;
        }
        lastMediaMicros = mediaMicros;
        bestOffsetMicros = Math.min(bestOffsetMicros, offset);
        lagMs = (offset - bestOffsetMicros) / 1000.0;
        maxLagMs = Math.max(maxLagMs, lagMs);
    }

    /** A new connection: its timestamps have nothing to do with the previous ones. */
    void restart() {
        started = false;
        lagMs = 0;
    }

    double lagMs() {
        return lagMs;
    }

    /** The worst lag since the feed started (kept across reconnects): did a backlog ever form? */
    double maxLagMs() {
        return maxLagMs;
    }
}
