package vn.bordergate.workstation.kiosk;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.workstation.connection.BackgroundWork;

/**
 * The kiosk's camera looking for a QR code: a device number opens the local camera through OpenCV, a
 * URL or file through FFmpeg. Frames are grabbed a few at a time in the background (never on the FX
 * thread, without holding a worker between rounds) until a code is read, the scan is stopped, or the
 * source ends. Found codes and preview frames arrive on the ui executor.
 */
public final class QrCamera implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QrCamera.class);
    /** Frames looked at per round; between rounds the worker is free for the kiosk's other calls. */
    private static final int FRAMES_PER_ROUND = 5;

    private static final Duration PAUSE = Duration.ofMillis(60);

    private final String source;
    private final BackgroundWork work;
    private final QrDecoder decoder = new QrDecoder();
    private volatile boolean running;
    private FrameGrabber grabber;
    private Java2DFrameConverter converter;

    public QrCamera(String source, BackgroundWork work) {
        this.source = source;
        this.work = work;
    }

    /** The grabber for a source: {@code 0}, {@code 1}… a local camera; anything else FFmpeg opens. */
    static FrameGrabber grabberFor(String source) {
        return source.strip().matches("\\d{1,2}")
                ? new OpenCVFrameGrabber(Integer.parseInt(source.strip()))
                : new FFmpegFrameGrabber(source.strip());
    }

    /**
     * Starts looking. {@code found} gets the first payload read; {@code preview} gets frames to show
     * (may be null); {@code failed} gets a camera that can't be opened or has ended.
     */
    public synchronized void start(
            Consumer<String> found, Consumer<BufferedImage> preview, Consumer<Exception> failed) {
        if (running) {
            return;
        }
        running = true;
        work.later(Duration.ZERO, () -> round(found, preview, failed));
    }

    private void round(Consumer<String> found, Consumer<BufferedImage> preview, Consumer<Exception> failed) {
        if (!running) {
            release();
            return;
        }
        try {
            if (grabber == null) {
                grabber = grabberFor(source);
                grabber.start();
                converter = new Java2DFrameConverter();
            }
            for (int i = 0; i < FRAMES_PER_ROUND && running; i++) {
                Frame frame = grabber.grab();
                if (frame == null) {
                    throw new IllegalStateException("the camera " + source + " sends no more frames");
                }
                if (frame.image == null) {
                    continue; // audio
                }
                BufferedImage image = copy(converter.convert(frame));
                Optional<String> payload = decoder.decode(image);
                if (preview != null) {
                    work.ui().execute(() -> preview.accept(image));
                }
                if (payload.isPresent()) {
                    running = false;
                    release();
                    String text = payload.get();
                    work.ui().execute(() -> found.accept(text));
                    return;
                }
            }
            work.later(PAUSE, () -> round(found, preview, failed));
        } catch (Exception e) {
            LOG.warn("QR camera {}: {}", source, e.getMessage());
            running = false;
            release();
            work.ui().execute(() -> failed.accept(e));
        }
    }

    /** The converter reuses its image: hand out a copy the FX thread can keep. */
    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops looking; the camera is released by the round in flight. */
    public synchronized void stop() {
        if (running) {
            running = false;
            work.later(Duration.ZERO, this::release);
        }
    }

    private synchronized void release() {
        if (grabber != null) {
            try {
                grabber.close();
            } catch (Exception e) {
                LOG.debug("closing QR camera {}: {}", source, e.getMessage());
            }
            grabber = null;
        }
        if (converter != null) {
            converter.close();
            converter = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
