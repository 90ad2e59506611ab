package vn.bordergate.server.camera;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded picture shared by the latest-frame slot and any consumers, reference counted so the native
 * image goes back to the pool only when the last holder is done with it.
 */
final class FrameBuffer {
    final String cameraCode;
    final long sequence;
    final long arrivedNanos;
    final Instant arrivedAt;
    final Mat image;
    private final FramePool pool;
    private final FeedMeter meter;
    private final AtomicInteger references = new AtomicInteger(1);

    FrameBuffer(
            String cameraCode,
            long sequence,
            long arrivedNanos,
            Instant arrivedAt,
            Mat image,
            FramePool pool,
            FeedMeter meter) {
        this.cameraCode = cameraCode;
        this.sequence = sequence;
        this.arrivedNanos = arrivedNanos;
        this.arrivedAt = arrivedAt;
        this.image = image;
        this.pool = pool;
        this.meter = meter;
    }

    /** A new handle for a consumer; the end-to-end latency is measured here, at hand-over. */
    CameraFrame handOut() {
        if (references.getAndIncrement() <= 0) {
            throw new IllegalStateException("frame " + sequence + " was already recycled");
        }
        meter.handedOut(System.nanoTime() - arrivedNanos);
        return new CameraFrame(this);
    }

    /** Another handle on the same picture, without counting a hand-over. */
    CameraFrame share() {
        if (references.getAndIncrement() <= 0) {
            throw new IllegalStateException("frame " + sequence + " was already recycled");
        }
        return new CameraFrame(this);
    }

    void release() {
        int left = references.decrementAndGet();
        if (left == 0) {
            pool.giveBack(image);
        } else if (left < 0) {
            throw new IllegalStateException("frame " + sequence + " released too often");
        }
    }
}
