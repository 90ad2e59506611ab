package vn.bordergate.server.camera;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

/**
 * One lane camera: a thread that keeps its source open, decodes every frame and keeps only the newest
 * (latest-frame policy), reconnecting with exponential backoff when the stream drops or cannot be opened.
 * Consumers take the newest frame when they are ready ({@link #latestFrame()}, {@link #nextFrame}) or
 * subscribe a {@link FrameSink} that gets frames on its own thread at a bounded rate.
 */
public final class CameraFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraFeed.class);
    private static final int MAX_DETAIL = 240;
    /** A frame rate that moved by more than this fraction is published again (the event says so). */
    private static final double RATE_CHANGE = 0.25;

    private static final long RATE_CHECK_NANOS = 3_000_000_000L;

    private final CameraSource source;
    private final CameraSettings settings;
    private final CameraStatusListener listener;
    private final FramePool pool = new FramePool();
    private final LatestFrameSlot slot = new LatestFrameSlot();
    private final FeedMeter meter = new FeedMeter();
    private final List<FrameSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final PreviewRenderer snapshots = new PreviewRenderer(0, 85);
    private final Thread thread;
    private volatile boolean running;
    private volatile boolean timestamped;
    private volatile CameraStatus status;
    private long sequence; // camera thread only, like failedAttempts
    private int failedAttempts;

    public CameraFeed(CameraSource source, CameraSettings settings, CameraStatusListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.status = new CameraStatus(source.cameraCode(), CameraState.STOPPED, "not started", Instant.now(), 0, 0);
        this.thread = new Thread(this::run, "camera-" + source.cameraCode());
        thread.setDaemon(true);
    }

    /** Starts the camera thread; returns at once (the first status is CONNECTING). */
    public synchronized CameraFeed start() {
        if (thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException(source.cameraCode() + " was already started");
        }
        running = true;
        thread.start();
        return this;
    }

    public CameraSource source() {
        return source;
    }

    public CameraStatus status() {
        return status;
    }

    /** The newest decoded frame, if the camera is streaming. Close it after use. */
    public Optional<CameraFrame> latestFrame() {
        return Optional.ofNullable(slot.take());
    }

    /**
     * Waits for a frame newer than {@code afterSequence} (-1 for any) and returns it, or empty when none came
     * within the timeout. Close it after use.
     */
    public Optional<CameraFrame> nextFrame(long afterSequence, Duration timeout) throws InterruptedException {
        return Optional.ofNullable(slot.takeAfter(afterSequence, timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The newest frame as a full-size JPEG, if the camera is streaming. Encodes on the calling thread. */
    public Optional<byte[]> latestJpeg() {
        try (CameraFrame frame = slot.take()) {
            return frame == null ? Optional.empty() : Optional.of(snapshots.render(frame, List.of()));
        }
    }

    /**
     * Hands the newest frame to {@code sink} on a thread of its own, at most {@code maxFps} times a second
     * (0: whenever a new frame is there). Frames decoded while the sink is busy are skipped, never queued.
     */
    public FrameSubscription subscribe(String name, double maxFps, FrameSink sink) {
        FrameSubscription subscription =
                new FrameSubscription(source.cameraCode(), name, maxFps, sink, slot, subscriptions::remove);
        subscriptions.add(subscription);
        subscription.start();
        return subscription;
    }

    public CameraMetrics metrics() {
        CameraStatus now = status;
        return new CameraMetrics(
                source.cameraCode(),
                source.laneCode(),
                source.displayLocation(),
                now.state(),
                now.detail(),
                now.since(),
                meter.width(),
                meter.height(),
                meter.nominalFps(),
                meter.fps(),
                meter.decodeMs(),
                meter.decodeMsMax(),
                meter.latencyMs(),
                meter.decodedFrames(),
                slot.droppedUnseen(),
                meter.reconnects(),
                timestamped ? meter.lag.lagMs() : -1,
                meter.lag.maxLagMs(),
                pool.allocated(),
                subscriptions.stream().map(FrameSubscription::metrics).toList());
    }

    /** Asks the camera thread and the subscriptions to stop, without waiting. */
    public void requestStop() {
        running = false;
        thread.interrupt(); // ends a backoff wait or file pacing at once; a blocking network read ends by timeout
        subscriptions.forEach(FrameSubscription::requestStop);
    }

    /** Waits for the camera thread to end; a stalled network read can hold it up to the I/O timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        if (thread.getState() == Thread.State.NEW) {
            return true;
        }
        thread.join(Math.max(1, timeout.toMillis()));
        for (FrameSubscription subscription : subscriptions) {
            subscription.awaitStopped(Duration.ofSeconds(1));
        }
        return !thread.isAlive();
    }

    /** Stops the camera and waits for it (up to the I/O timeout plus a second). */
    @Override
    public void close() {
        requestStop();
        try {
            if (!awaitStopped(settings.ioTimeout().plusSeconds(1))) {
                LOG.warn("camera {} did not stop in time; its thread ends with its next read", source.cameraCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        ReconnectBackoff backoff = new ReconnectBackoff(settings.firstRetry(), settings.maxRetry());
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        changeStatus(CameraState.CONNECTING, "opening " + source.displayLocation(), 0);
        try {
            while (running) {
                String reason;
                try (SourceConnection connection = SourceConnection.open(source, settings)) {
                    meter.connected(connection.declaredFps());
                    timestamped = connection.hasTimestamps();
                    reason = stream(connection, converter, backoff);
                } catch (IOException | RuntimeException e) {
                    reason = SourceConnection.explain(source, e);
                }
                slot.clear(); // a dead camera shows no frozen picture, and sinks see no stale frame twice
                if (!running) {
                    break;
                }
                failedAttempts++;
                meter.reconnecting();
                Duration wait = backoff.nextDelay();
                changeStatus(
                        CameraState.RECONNECTING,
                        reason + "; attempt " + failedAttempts + " in " + wait.toMillis() + " ms",
                        failedAttempts);
                Thread.sleep(wait.toMillis());
            }
        } catch (InterruptedException e) {
            // stop requested
        } catch (LinkageError e) {
            LOG.error("camera {}: video natives unavailable", source.cameraCode(), e);
            changeStatus(CameraState.STOPPED, "video natives unavailable: " + e, failedAttempts);
            return;
        } finally {
            slot.clear();
            pool.close();
        }
        changeStatus(CameraState.STOPPED, "stopped", 0);
    }

    /** Decodes until the stream ends or fails; returns why it ended (unless stopping). */
    private String stream(SourceConnection connection, OpenCVFrameConverter.ToMat converter, ReconnectBackoff backoff)
            throws IOException, InterruptedException {
        boolean first = true;
        long nextRateCheck = System.nanoTime() + RATE_CHECK_NANOS;
        double reportedFps = connection.declaredFps(); // 0: unknown, reported once measured
        while (running) {
            long asked = System.nanoTime();
            SourceConnection.Decoded decoded = connection.next();
            if (decoded == null) {
                long silentMs = (System.nanoTime() - asked) / 1_000_000;
                // FFmpeg reports a read timeout as an ordinary end of stream; the wait tells them apart
                return silentMs >= settings.ioTimeout().toMillis() * 9 / 10
                        ? "stream stalled: nothing received for " + silentMs + " ms"
                        : "stream ended";
            }
            publish(decoded, converter, connection.hasTimestamps());
            String described = connection.describe(meter.width(), meter.height());
            if (first) {
                first = false;
                failedAttempts = 0;
                backoff.reset(); // only a frame proves the source works; an accept-then-close server does not
                changeStatus(CameraState.STREAMING, described, 0);
            } else if (System.nanoTime() > nextRateCheck) {
                nextRateCheck = System.nanoTime() + RATE_CHECK_NANOS;
                double fps = meter.fps();
                if (fps > 0 && (reportedFps == 0 || Math.abs(fps - reportedFps) > RATE_CHANGE * reportedFps)) {
                    reportedFps = fps;
                    changeStatus(CameraState.STREAMING, String.format("%s, %.1f fps", described, fps), 0);
                }
            }
        }
        return "stopping";
    }

    /** Copies the decoded picture into a pooled image and makes it the latest frame (hands it off). */
    private void publish(SourceConnection.Decoded decoded, OpenCVFrameConverter.ToMat converter, boolean timestamps) {
        Mat wrapped = converter.convert(decoded.frame()); // a view of FFmpeg's buffer, reused next frame
        Mat image = pool.take(wrapped.cols(), wrapped.rows());
        wrapped.copyTo(image);
        long now = System.nanoTime();
        meter.decoded(now, decoded.decodeNanos(), image.cols(), image.rows());
        if (timestamps) {
            meter.lag.frame(decoded.mediaMicros(), now);
        }
        Instant arrivedAt = Instant.now().minusNanos(now - decoded.arrivedNanos());
        slot.publish(new FrameBuffer(
                source.cameraCode(), ++sequence, decoded.arrivedNanos(), arrivedAt, image, pool, meter));
    }

    private void changeStatus(CameraState state, String detail, int failedAttempts) {
        String shortDetail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
        double fps = meter.fps() > 0 ? meter.fps() : state == CameraState.STREAMING ? meter.nominalFps() : 0;
        CameraStatus next =
                new CameraStatus(source.cameraCode(), state, shortDetail, Instant.now(), failedAttempts, fps);
        status = next;
        if (state == CameraState.RECONNECTING && failedAttempts > 1) {
            LOG.debug("camera {}: {}", source.cameraCode(), shortDetail);
        } else {
            LOG.info("camera {} {}: {}", source.cameraCode(), state, shortDetail);
        }
        try {
            listener.cameraStatusChanged(next);
        } catch (RuntimeException e) {
            LOG.warn("camera {}: status listener failed", source.cameraCode(), e);
        }
    }

    @Override
    public String toString() {
        return "camera " + source + " " + status.state();
    }
}
