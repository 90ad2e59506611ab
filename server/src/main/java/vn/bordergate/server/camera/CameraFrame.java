package vn.bordergate.server.camera;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A consumer's hold on one decoded camera frame. The picture is shared with other consumers and recycled
 * after the last of them closes its frame, so: never write into {@link #image()}, and close the frame
 * (try-with-resources) as soon as you are done. Closing twice is harmless; using the image after closing
 * is refused.
 */
public final class CameraFrame implements AutoCloseable {
    private final FrameBuffer buffer;
    private final AtomicBoolean closed = new AtomicBoolean();

    CameraFrame(FrameBuffer buffer) {
        this.buffer = buffer;
    }

    public String cameraCode() {
        return buffer.cameraCode;
    }

    /** Increases by one per decoded frame of this camera, across reconnects. */
    public long sequence() {
        return buffer.sequence;
    }

    /** When the encoded frame was there to decode (wall clock), for saved snapshots and events. */
    public Instant arrivedAt() {
        return buffer.arrivedAt;
    }

    /** {@link System#nanoTime()} when the encoded frame was there to decode, for measuring latency. */
    public long arrivedNanos() {
        return buffer.arrivedNanos;
    }

    public int width() {
        return buffer.image.cols();
    }

    public int height() {
        return buffer.image.rows();
    }

    /** The picture as 8-bit BGR (CV_8UC3). Read only; clone it to draw on it. Valid until {@link #close()}. */
    public Mat image() {
        if (closed.get()) {
            throw new IllegalStateException("frame " + sequence() + " of " + cameraCode() + " is closed");
        }
        return buffer.image;
    }

    /** A copy as a {@code TYPE_3BYTE_BGR} image, for Java2D code; it stays valid after closing. */
    public BufferedImage toBufferedImage() {
        Mat mat = image();
        BufferedImage copy = new BufferedImage(mat.cols(), mat.rows(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) copy.getRaster().getDataBuffer()).getData();
        int rowBytes = mat.cols() * 3;
        BytePointer data = mat.data();
        for (int row = 0; row < mat.rows(); row++) {
            data.position(row * mat.step()).get(target, row * rowBytes, rowBytes);
        }
        data.position(0);
        return copy;
    }

    /**
     * A second, independent hold on the same picture, for keeping a frame beyond the call that received it
     * (say, the best frame of a passing truck until voting ends). Close each hold. Every frame kept this
     * way keeps one image out of the camera's pool.
     */
    public CameraFrame retain() {
        image(); // refuses a closed frame
        return buffer.share();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            buffer.release();
        }
    }

    @Override
    public String toString() {
        return "frame " + sequence() + " of " + cameraCode() + " " + width() + "x" + height();
    }
}
