package vn.bordergate.server.camera;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four lane cameras at once, each a 1280x720 25 fps H.264 file with sensor-like noise played in real time:
 * per camera decoded fps, decode CPU ms per frame, latency, and whether a backlog ever formed (decoding fell
 * behind the stream by more than {@value #BACKLOG_MS} ms and stayed behind). Run twice: ingest alone, and
 * ingest with a 10 fps MJPEG preview per camera being encoded; in both, a 5 fps sink per camera stands in
 * for the recognizer (it only turns the frame grey) so that hand-over latency is measured. A loaded machine shows as short lag spikes
 * that are caught up within a second; the system load average is printed with the figures for that reason. Not part of {@code mvn verify}:
 * {@code mvn -B -Pbench -Dbuild.folder=target-camera -pl server -am verify -Dtest=CameraIngestBenchmark}.
 */
@Tag("bench")
class CameraIngestBenchmark {
    private static final int CAMERAS = 4;
    private static final int BACKLOG_MS = 200;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void fourCamerasAt720p25() throws Exception {
        long start = System.nanoTime();
        Path clip = CounterVideo.write(dir.resolve("lane-720p25.mp4"), 1280, 720, 25, 250, 50, 6);
        String made = String.format(
                "clip: 1280x720 25 fps H.264 (openh264), 10 s, GOP 2 s, noise sigma 6, %d kB, written in %.1f s",
                Files.size(clip) / 1024, (System.nanoTime() - start) / 1e9);
        List<String> report = new ArrayList<>();
        report.add(made);
        report.add(String.format(
                "machine: %d cores, %s %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version")));
        report.addAll(run(clip, false));
        report.addAll(run(clip, true));
        report.forEach(System.out::println);
        Path out = buildDirectory().resolve("bench").resolve("camera.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private List<String> run(Path clip, boolean preview) throws Exception {
        List<CameraSource> sources = new ArrayList<>();
        for (int i = 1; i <= CAMERAS; i++) {
            sources.add(CameraSource.parse("CAM-" + i, "L" + i, clip.toString()));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Figures> figures = new LinkedHashMap<>();
        AtomicBoolean viewing = new AtomicBoolean(true);
        List<Thread> viewers = new ArrayList<>();
        double cpu = 0;
        int cpuSamples = 0;
        String systemLoad;
        try (LaneCameras cameras = LaneCameras.start(sources, CameraSettings.defaults(), CameraStatusListener.NONE)) {
            for (CameraFeed feed : cameras.feeds()) {
                // where the recognizer will sit: 5 frames a second, here only turned grey
                feed.subscribe("recognizer-stand-in", 5, frame -> {
                    try (Mat grey = new Mat()) {
                        cvtColor(frame.image(), grey, COLOR_BGR2GRAY);
                    }
                });
            }
            if (preview) {
                for (CameraFeed feed : cameras.feeds()) {
                    MjpegPreview mjpeg =
                            MjpegPreview.of(feed, () -> List.of(new PlateBox(500, 300, 240, 60, "29C-123.45")));
                    Thread viewer = new Thread(() -> {
                        try {
                            mjpeg.stream(java.io.OutputStream.nullOutputStream(), viewing::get);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    viewer.start();
                    viewers.add(viewer);
                }
            }
            Thread.sleep(WARM_UP.toMillis());
            Map<String, Long> decodedAtStart = new LinkedHashMap<>();
            cameras.metrics().forEach(m -> decodedAtStart.put(m.cameraCode(), m.framesDecoded()));
            os.getProcessCpuLoad(); // the first reading is meaningless
            long measureStart = System.nanoTime();
            long end = measureStart + MEASURE.toNanos();
            double loadBefore = os.getSystemLoadAverage();
            while (System.nanoTime() < end) {
                Thread.sleep(1000);
                double load = os.getProcessCpuLoad();
                if (load >= 0) {
                    cpu += load;
                    cpuSamples++;
                }
                for (CameraMetrics m : cameras.metrics()) {
                    figures.computeIfAbsent(m.cameraCode(), code -> new Figures())
                            .add(m);
                }
            }
            double seconds = (System.nanoTime() - measureStart) / 1e9;
            systemLoad =
                    String.format("system load average %.1f before, %.1f after", loadBefore, os.getSystemLoadAverage());
            for (CameraMetrics m : cameras.metrics()) {
                figures.get(m.cameraCode())
                        .finish(m, (m.framesDecoded() - decodedAtStart.get(m.cameraCode())) / seconds);
            }
            viewing.set(false);
            for (Thread viewer : viewers) {
                viewer.join(5000);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "%n%s: %d cameras, %.0f s measured after %.0f s warm-up, process CPU %.0f%% of %d cores, %s",
                preview ? "ingest + 10 fps MJPEG preview (960 wide) per camera" : "ingest only",
                CAMERAS,
                (double) MEASURE.toSeconds(),
                (double) WARM_UP.toSeconds(),
                cpuSamples == 0 ? -1 : 100 * cpu / cpuSamples,
                Runtime.getRuntime().availableProcessors(),
                systemLoad));
        lines.add("camera | fps (avg, min of 1 s samples) | decode ms (mean, worst) | latency ms | lag ms (max, "
                + "share of samples over " + BACKLOG_MS + ", at end) | backlog | dropped | images");
        figures.forEach((code, f) -> lines.add(f.line(code)));
        return lines;
    }

    private static Path buildDirectory() throws Exception {
        // .../<build folder>/test-classes: the report goes next to it, whatever -Dbuild.folder says
        return Path.of(CameraIngestBenchmark.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getParent();
    }

    /** One camera's samples over the measured period. */
    private static final class Figures {
        private double minFps = Double.MAX_VALUE;
        private double decodeSum;
        private double decodeWorst;
        private double latencySum;
        private int samples;
        private int lagging;
        private double averageFps;
        private CameraMetrics last;

        void add(CameraMetrics m) {
            minFps = Math.min(minFps, m.fps());
            decodeSum += m.decodeMs();
            decodeWorst = Math.max(decodeWorst, m.decodeMsMax());
            latencySum += m.latencyMs();
            lagging += m.lagMs() > BACKLOG_MS ? 1 : 0;
            samples++;
        }

        void finish(CameraMetrics m, double fps) {
            last = m;
            averageFps = fps;
        }

        String line(String code) {
            return String.format(
                    "%s | %.1f, %.1f | %.2f, %.1f | %.1f | %.0f, %.0f%%, %.0f | %s | %d | %d",
                    code,
                    averageFps,
                    minFps,
                    decodeSum / samples,
                    decodeWorst,
                    latencySum / samples,
                    last.maxLagMs(),
                    100.0 * lagging / samples,
                    last.lagMs(),
                    // a backlog is lag that stays: behind at the end, or behind in most samples
                    last.lagMs() > BACKLOG_MS || lagging * 2 > samples ? "YES" : "no",
                    last.framesDropped(),
                    last.imagesAllocated());
        }
    }
}
