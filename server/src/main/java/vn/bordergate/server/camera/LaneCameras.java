package vn.bordergate.server.camera;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All lane cameras of the gate, started together from configuration and stopped together. */
public final class LaneCameras implements AutoCloseable {
    private final Map<String, CameraFeed> feeds;
    private final Duration stopTimeout;

    private LaneCameras(Map<String, CameraFeed> feeds, Duration stopTimeout) {
        this.feeds = Collections.unmodifiableMap(feeds);
        this.stopTimeout = stopTimeout;
    }

    /** Starts one feed per source; camera codes must be unique. Returns at once: feeds connect in background. */
    public static LaneCameras start(
            Collection<CameraSource> sources, CameraSettings settings, CameraStatusListener listener) {
        Map<String, CameraFeed> feeds = new LinkedHashMap<>();
        for (CameraSource source : sources) {
            if (feeds.containsKey(source.cameraCode())) {
                throw new IllegalArgumentException("camera " + source.cameraCode() + " is configured twice");
            }
            feeds.put(source.cameraCode(), new CameraFeed(source, settings, listener));
        }
        feeds.values().forEach(CameraFeed::start);
        return new LaneCameras(feeds, settings.ioTimeout().plusSeconds(1));
    }

    public Optional<CameraFeed> feed(String cameraCode) {
        return Optional.ofNullable(feeds.get(cameraCode));
    }

    public Collection<CameraFeed> feeds() {
        return feeds.values();
    }

    public List<CameraMetrics> metrics() {
        return feeds.values().stream().map(CameraFeed::metrics).toList();
    }

    /** Stops every camera at once, then waits: shutdown takes one I/O timeout at worst, not one per camera. */
    @Override
    public void close() {
        feeds.values().forEach(CameraFeed::requestStop);
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        try {
            for (CameraFeed feed : feeds.values()) {
                feed.awaitStopped(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
