package vn.bordergate.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.QueueSummaryDto;

/**
 * The gate's Prometheus metrics, through Micrometer: HTTP requests and their latency ({@link RequestTiming}),
 * the JVM, Jetty's request queue, the crossing queue, live event subscribers and every lane camera's frame
 * rate. Gauges read their source when scraped, so nothing here runs between scrapes.
 */
public final class GateMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, CameraMetricsDto> cameras = new ConcurrentHashMap<>();
    private volatile Supplier<List<CameraMetricsDto>> cameraMetrics = List::of;
    private volatile Supplier<Long> batchesReplayed;

    public GateMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The text a Prometheus server scrapes (exposition format 0.0.4). */
    public String scrape() {
        refresh(cameraMetrics); // cameras started since the last scrape get their gauges before this one
        return registry.scrape();
    }

    public void jetty(QueuedThreadPool pool) {
        gauge("gate_http_queued_requests", "requests waiting for a Jetty thread", pool, QueuedThreadPool::getQueueSize);
        gauge("gate_http_busy_threads", "Jetty threads serving a request", pool, QueuedThreadPool::getBusyThreads);
    }

    /** Crossings waiting at the gate, and per step still open (one database query per scrape). */
    public void crossingQueue(Supplier<QueueSummaryDto> summary) {
        Gauge.builder("gate_crossings_waiting", () -> summary.get().waiting())
                .description("crossings at the gate and not yet released")
                .register(registry);
    }

    /** Declaration batches whose shared transaction failed, so each declaration was written alone. */
    public void declarationBatchesReplayed(Supplier<Long> count) {
        batchesReplayed = count; // Micrometer holds a counter's source weakly: without this it would be collected
        FunctionCounter.builder("gate_declaration_batches_replayed", count, c -> c.get())
                .description("declaration batches written one by one after their shared transaction failed")
                .register(registry);
    }

    /**
     * Stages' timings as cumulative bucket counts, {@code gate_declaration_stage_total{stage, unit, upto}}: the
     * values counted up to {@code upto} (µs, or items); the difference of two scrapes is what happened between them.
     */
    public void declarationStages(List<StageTimes> stages) {
        for (StageTimes stage : stages) {
            for (int b = 0; b < StageTimes.BUCKETS; b++) {
                int bucket = b;
                String upTo = b == StageTimes.BUCKETS - 1 ? "+Inf" : Long.toString(stage.upTo(b));
                FunctionCounter.builder("gate_declaration_stage", stage, s -> s.countUpTo(bucket))
                        .description("declarations (or their batches) through a stage within a time (or size)")
                        .tag("stage", stage.stage())
                        .tag("unit", stage.unit())
                        .tag("upto", upTo)
                        .register(registry);
            }
        }
    }

    public void eventSubscribers(Supplier<Integer> count) {
        Gauge.builder("gate_event_subscribers", count::get)
                .description("open live-event WebSocket connections")
                .register(registry);
    }

    /**
     * Per-camera gauges; cameras appear as they start. Each scrape first refreshes the latest metrics, then
     * the gauges read them.
     */
    public void cameras(Supplier<List<CameraMetricsDto>> metrics) {
        cameraMetrics = metrics;
        Gauge.builder("gate_cameras", () -> refresh(metrics))
                .description("lane cameras running")
                .register(registry);
    }

    private double refresh(Supplier<List<CameraMetricsDto>> metrics) {
        List<CameraMetricsDto> now = metrics.get();
        for (CameraMetricsDto camera : now) {
            if (cameras.put(camera.cameraCode(), camera) == null) {
                String code = camera.cameraCode();
                cameraGauge("gate_camera_fps", "decoded frames per second", code, camera.laneCode(), c -> c.fps());
                cameraGauge(
                        "gate_camera_decode_ms",
                        "mean decode time per frame",
                        code,
                        camera.laneCode(),
                        c -> c.decodeMs());
                cameraGauge(
                        "gate_camera_latency_ms",
                        "frame arrival to plate reader",
                        code,
                        camera.laneCode(),
                        c -> c.latencyMs());
                cameraGauge(
                        "gate_camera_frames_dropped",
                        "frames skipped to stay current",
                        code,
                        camera.laneCode(),
                        c -> c.framesDropped());
                cameraGauge(
                        "gate_camera_reconnects", "stream reconnects", code, camera.laneCode(), c -> c.reconnects());
            }
        }
        return now.size();
    }

    private void cameraGauge(
            String name, String description, String code, String lane, ToDoubleFunction<CameraMetricsDto> value) {
        Gauge.builder(name, cameras, m -> {
                    CameraMetricsDto c = m.get(code);
                    return c == null ? Double.NaN : value.applyAsDouble(c);
                })
                .description(description)
                .tag("camera", code)
                .tag("lane", lane == null ? "" : lane)
                .register(registry);
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }
}
