package vn.bordergate.server.camera;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A camera's live preview as MJPEG over HTTP ({@code multipart/x-mixed-replace}), which browsers show in an
 * {@code <img>} and FFmpeg reads as a stream. A servlet sets {@link #CONTENT_TYPE} and calls
 * {@link #stream}; every viewer of one camera shares the encoded picture, so a second viewer costs no
 * encoding.
 */
public final class MjpegPreview {
    public static final String BOUNDARY = "bordergate-frame";
    public static final String CONTENT_TYPE = "multipart/x-mixed-replace; boundary=" + BOUNDARY;

    private static final byte[] PART_START =
            ("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);

    private final CameraFeed feed;
    private final Supplier<List<PlateBox>> boxes;
    private final long intervalNanos;
    private final PreviewRenderer renderer;
    private long cachedSequence = -1;
    private List<PlateBox> cachedBoxes = List.of();
    private byte[] cachedJpeg;

    /**
     * @param boxes the plate boxes to draw now (say, a {@link RecentPlateBoxes}); empty for none
     * @param maxFps frames per second sent to each viewer at most
     */
    public MjpegPreview(CameraFeed feed, Supplier<List<PlateBox>> boxes, double maxFps, PreviewRenderer renderer) {
        if (!(maxFps > 0)) {
            throw new IllegalArgumentException("maxFps must be positive");
        }
        this.feed = Objects.requireNonNull(feed, "feed");
        this.boxes = Objects.requireNonNull(boxes, "boxes");
        this.intervalNanos = (long) (1e9 / maxFps);
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** 10 fps, at most 960 pixels wide, JPEG quality 75: about 60-100 KB per frame of a 720p lane. */
    public static MjpegPreview of(CameraFeed feed, Supplier<List<PlateBox>> boxes) {
        return new MjpegPreview(feed, boxes, 10, new PreviewRenderer(960, 75));
    }

    /** The newest frame with the boxes drawn, as one JPEG (for a still-image endpoint). */
    public Optional<byte[]> snapshot() {
        Optional<CameraFrame> latest = feed.latestFrame();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        try (CameraFrame frame = latest.get()) {
            return Optional.of(encode(frame));
        }
    }

    /**
     * Writes frames as multipart parts until the viewer goes away (IOException) or {@code keepGoing} says
     * stop. While the camera is down nothing is written and the viewer keeps waiting.
     */
    public void stream(OutputStream out, BooleanSupplier keepGoing) throws IOException, InterruptedException {
        long last = -1;
        long nextDue = System.nanoTime();
        while (keepGoing.getAsBoolean()) {
            long wait = nextDue - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Optional<CameraFrame> next = feed.nextFrame(last, Duration.ofSeconds(1));
            if (next.isEmpty()) {
                continue;
            }
            byte[] jpeg;
            try (CameraFrame frame = next.get()) {
                last = frame.sequence();
                jpeg = encode(frame);
            }
            nextDue = System.nanoTime() + intervalNanos;
            writePart(out, jpeg);
            out.flush();
        }
    }

    /** One multipart part: boundary, headers, the JPEG bytes. */
    public static void writePart(OutputStream out, byte[] jpeg) throws IOException {
        out.write(PART_START);
        out.write((jpeg.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(jpeg);
        out.write('\r');
        out.write('\n');
    }

    private synchronized byte[] encode(CameraFrame frame) {
        List<PlateBox> now = boxes.get();
        if (frame.sequence() != cachedSequence || !now.equals(cachedBoxes)) {
            cachedJpeg = renderer.render(frame, now);
            cachedSequence = frame.sequence();
            cachedBoxes = now;
        }
        return cachedJpeg;
    }
}
