package vn.bordergate.server.lanes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.server.camera.CameraFeed;
import vn.bordergate.server.camera.CameraMetrics;
import vn.bordergate.server.camera.CameraSettings;
import vn.bordergate.server.camera.CameraSource;
import vn.bordergate.server.camera.FrameSink;
import vn.bordergate.server.camera.FrameSubscription;
import vn.bordergate.server.camera.LaneCameras;
import vn.bordergate.server.camera.MjpegPreview;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.service.PlateReadService;

/**
 * The gate's lane cameras with plate recognition attached: feeds decode in the background, each has a
 * recognizer reading a few frames a second, status changes go out as events, and each feed has an
 * MJPEG preview with the plate boxes drawn.
 */
public final class GateLanes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GateLanes.class);

    /** Frames a second the recognizer reads: enough to see every truck several times as it stops. */
    static final double RECOGNITION_FPS = 4;

    private final LaneCameras cameras;
    private final Map<String, LaneRecognition> recognition = new ConcurrentHashMap<>();
    private final List<FrameSubscription> subscriptions = new ArrayList<>();

    private GateLanes(LaneCameras cameras) {
        this.cameras = cameras;
    }

    public static GateLanes start(Collection<CameraSource> sources, PlateReadService reads, EventPublisher events) {
        return start(sources, reads, events, (code, sink) -> sink);
    }

    /**
     * As in production, with each lane's recognizer passed through {@code probe} before it is attached:
     * the benchmark times every recognised frame this way.
     */
    static GateLanes start(
            Collection<CameraSource> sources,
            PlateReadService reads,
            EventPublisher events,
            BiFunction<String, FrameSink, FrameSink> probe) {
        LaneCameras cameras =
                LaneCameras.start(sources, CameraSettings.defaults(), status -> events.publish(status.toEvent()));
        GateLanes lanes = new GateLanes(cameras);
        for (CameraFeed feed : cameras.feeds()) {
            String code = feed.source().cameraCode();
            LaneRecognition lane = new LaneRecognition(code, reads);
            lanes.recognition.put(code, lane);
            lanes.subscriptions.add(feed.subscribe("plates-" + code, RECOGNITION_FPS, probe.apply(code, lane)));
        }
        return lanes;
    }

    /** The cameras' own figures, with their consumers' (the benchmark reads these). */
    List<CameraMetrics> cameraMetrics() {
        return cameras.metrics();
    }

    public List<CameraMetricsDto> metrics() {
        return cameras.metrics().stream()
                .map(m -> new CameraMetricsDto(
                        m.cameraCode(),
                        m.laneCode(),
                        m.state(),
                        m.detail(),
                        m.stateSince(),
                        m.width(),
                        m.height(),
                        m.nominalFps(),
                        m.fps(),
                        m.decodeMs(),
                        m.latencyMs(),
                        m.framesDecoded(),
                        m.framesDropped(),
                        m.reconnects()))
                .toList();
    }

    /** The live preview of one camera, with the plates it recognised lately boxed. */
    public Optional<MjpegPreview> preview(String cameraCode) {
        return cameras.feed(cameraCode)
                .map(feed -> MjpegPreview.of(feed, recognition.get(cameraCode).boxes()));
    }

    @Override
    public void close() {
        // every recognizer is asked first, so the lanes wind down together rather than one wait each
        subscriptions.forEach(FrameSubscription::requestStop);
        subscriptions.forEach(FrameSubscription::close);
        cameras.close();
        if (subscriptions.stream().allMatch(FrameSubscription::isStopped)) {
            // the passes still being voted on are reported now, while the plate-read writer still takes them
            recognition.values().forEach(LaneRecognition::close);
        } else {
            // freeing a reader under a running recognizer crashes the process in native code, and its votes are
            // its own thread's to flush: what it was voting on is lost, so the log says so, as an error
            List<String> busy = subscriptions.stream()
                    .filter(s -> !s.isStopped())
                    .map(FrameSubscription::name)
                    .toList();
            LOG.error(
                    "recognizers {} still running at stop: the passes they were voting on are not recorded, and"
                            + " the plate readers are left for the process exit to free",
                    busy);
        }
        long refused = recognition.values().stream()
                .mapToLong(LaneRecognition::notRecorded)
                .sum();
        if (refused > 0) {
            LOG.warn("{} camera pass(es) were not recorded while the lanes ran (each logged with its plate)", refused);
        }
    }
}
