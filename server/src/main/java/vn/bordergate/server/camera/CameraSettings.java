package vn.bordergate.server.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * How every camera feed connects and reconnects.
 *
 * @param firstRetry wait before the first reconnect attempt; doubles on each failure
 * @param maxRetry the longest wait between attempts
 * @param ioTimeout a network read or connect that blocks longer counts as a dropped stream; also bounds how
 *     long stopping a stalled feed can take, since FFmpeg's blocking reads cannot be interrupted
 * @param decoderThreads FFmpeg decoder threads per camera: 1 keeps the promise of one thread per camera,
 *     avoids frame-threading delay and makes the decode time measurable on the camera thread
 * @param rtspOverTcp interleave RTP in the RTSP connection instead of UDP: no packet loss smearing frames
 * @param lowDelay decode RTSP H.264 without waiting for reordered frames: 200 ms less latency at 10 fps,
 *     but wrong for the rare camera that sends B-frames (switch it off for those)
 */
public record CameraSettings(
        Duration firstRetry,
        Duration maxRetry,
        Duration ioTimeout,
        int decoderThreads,
        boolean rtspOverTcp,
        boolean lowDelay) {

    public CameraSettings {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        Objects.requireNonNull(ioTimeout, "ioTimeout");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("need 0 < firstRetry <= maxRetry");
        }
        if (ioTimeout.toMillis() < 100 || decoderThreads < 1) {
            throw new IllegalArgumentException("ioTimeout must be at least 100 ms and decoderThreads at least 1");
        }
    }

    public CameraSettings withLowDelay(boolean on) {
        return new CameraSettings(firstRetry, maxRetry, ioTimeout, decoderThreads, rtspOverTcp, on);
    }

    /** 0.5 s doubling to 10 s, 5 s I/O timeout, one decoder thread, RTSP over TCP, low delay. */
    public static CameraSettings defaults() {
        return new CameraSettings(Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(5), 1, true, true);
    }

    public CameraSettings withRetry(Duration first, Duration max) {
        return new CameraSettings(first, max, ioTimeout, decoderThreads, rtspOverTcp, lowDelay);
    }

    public CameraSettings withIoTimeout(Duration timeout) {
        return new CameraSettings(firstRetry, maxRetry, timeout, decoderThreads, rtspOverTcp, lowDelay);
    }
}
