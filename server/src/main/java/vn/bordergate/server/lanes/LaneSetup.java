package vn.bordergate.server.lanes;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.server.camera.CameraSource;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.service.CrossingQueries;
import vn.bordergate.server.service.PlateReadService;
import vn.bordergate.server.service.ReferenceData;

/**
 * Starts the lane cameras once the gate knows what to expect: configured cameras (those with a source
 * URL) at once; in demo mode, simulated cameras once the demo day is in. Off the start-up path either
 * way: cameras connect, and demo videos render, while the server already answers.
 */
public final class LaneSetup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LaneSetup.class);

    private final AtomicReference<GateLanes> lanes = new AtomicReference<>();
    private volatile boolean closed;
    private volatile java.util.Map<String, String> sourceOverrides = java.util.Map.of();

    /** Stream addresses from the host's configuration (camera code to URL), used instead of the stored ones. */
    public void overrideSources(java.util.Map<String, String> overrides) {
        sourceOverrides = java.util.Map.copyOf(overrides);
    }

    /** What has to happen before demo cameras can show today's trucks. */
    @FunctionalInterface
    public interface DemoDayWait {
        void await() throws InterruptedException;
    }

    public Thread begin(
            boolean demo,
            Path dataDir,
            ReferenceData reference,
            CrossingQueries crossings,
            PlateReadService reads,
            EventPublisher events,
            DemoDayWait demoDay) {
        Thread starting = new Thread(
                () -> {
                    try {
                        List<CameraSource> sources;
                        if (demo) {
                            demoDay.await();
                            sources = DemoLaneVideos.prepare(dataDir, crossings, 20261122L);
                        } else {
                            java.util.Map<String, String> overrides = sourceOverrides;
                            sources = reference.cameras().stream()
                                    .filter(c -> c.enabled())
                                    .map(c -> java.util.Map.entry(c, overrides.getOrDefault(c.code(), c.sourceUrl())))
                                    .filter(e -> e.getValue() != null
                                            && !e.getValue().isBlank())
                                    .map(e -> CameraSource.parse(
                                            e.getKey().code(), e.getKey().laneCode(), e.getValue()))
                                    .toList();
                        }
                        if (!sources.isEmpty() && startUnlessClosed(() -> GateLanes.start(sources, reads, events))) {
                            LOG.info("{} lane camera(s) started{}", sources.size(), demo ? " (simulated)" : "");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        LOG.warn("lane cameras not started: {}", e.getMessage());
                    }
                },
                "lane-setup");
        starting.setDaemon(true);
        starting.start();
        return starting;
    }

    public java.util.List<vn.bordergate.common.dto.CameraMetricsDto> metrics() {
        return lanes().map(GateLanes::metrics).orElse(java.util.List.of());
    }

    public java.util.Optional<vn.bordergate.server.camera.MjpegPreview> preview(String cameraCode) {
        return lanes().flatMap(l -> l.preview(cameraCode));
    }

    /** Until the lanes are closed (at server stop): previews end then. */
    public boolean running() {
        return !closed;
    }

    /** The running lanes, once started. */
    public java.util.Optional<GateLanes> lanes() {
        return java.util.Optional.ofNullable(lanes.get());
    }

    /**
     * Starts the lanes unless the server is stopping. Under the same lock as {@link #close}: lanes started
     * while the server stops would be left running, their reads refused by the closed plate-read writer.
     */
    private synchronized boolean startUnlessClosed(java.util.function.Supplier<GateLanes> start) {
        if (closed) {
            return false;
        }
        lanes.set(start.get());
        return true;
    }

    /**
     * Stops the cameras and waits for their recognizers, whose last passes are recorded now: the server
     * closes the plate-read writer only after this.
     */
    @Override
    public void close() {
        GateLanes running;
        synchronized (this) {
            closed = true;
            running = lanes.getAndSet(null);
        }
        if (running != null) {
            running.close();
        }
    }
}
