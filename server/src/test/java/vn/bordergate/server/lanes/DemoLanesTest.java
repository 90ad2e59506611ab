package vn.bordergate.server.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateEventStream;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;
import vn.bordergate.server.support.TestGate;

/**
 * The demo as an officer sees it: simulated lane cameras play videos of trucks expected today, their
 * plates are read, voted and matched, and the crossings move through arrival and vehicle control,
 * all arriving on the WebSocket. Real JavaCV decoding, real OpenCV and Tesseract, real Derby.
 */
class DemoLanesTest {
    @TempDir
    Path data;

    @Test
    void platesReadByTheDemoCamerasMoveTheirCrossingsOn() throws Exception {
        CompletableFuture<Long> previewWatched;
        // what the lanes say, through the server's stop: a pass still being voted on when the cameras stop is
        // reported then, and must find the plate-read writer still open (the stop closes it after the lanes)
        Logger lanesLog = (Logger) LoggerFactory.getLogger("vn.bordergate.server.lanes");
        ListAppender<ILoggingEvent> said = new ListAppender<>();
        said.start();
        lanesLog.addAppender(said);
        try {
            previewWatched = runTheDemoLanes();
        } finally {
            lanesLog.detachAppender(said);
        }
        // only the reads refused (each named by LaneRecognition): a recognizer a starved machine keeps busy past
        // the stop's wait is logged by GateLanes, and is the machine's doing, not the stop order's
        assertThat(said.list)
                .as("reads the lanes could not record, through the stop")
                .filteredOn(e -> e.getLoggerName().equals(LaneRecognition.class.getName()))
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("not recorded"));
        // the stop ended the preview, whose response then ended cleanly; a preview left running would have held
        // Jetty's graceful stop until its timeout and then lost its connection (an IOException here)
        assertThat(previewWatched.get(30, TimeUnit.SECONDS))
                .as("preview bytes read")
                .isPositive();
    }

    private CompletableFuture<Long> runTheDemoLanes() throws Exception {
        CompletableFuture<Long> previewWatched;
        long started = System.nanoTime();
        try (GateServer server =
                GateServer.start(ServerOptions.embedded(data, true).withLaneCameras(), Clock.systemUTC())) {
            GateClient officer = TestGate.loggedIn(server.uri(), "gate", Duration.ofNanos(System.nanoTime() - started));
            List<EventEnvelope> events = new CopyOnWriteArrayList<>();
            try (GateEventStream stream = officer.openEvents(events::add, new GateEventStream.Listener() {})) {
                PlateReadEvent matched = awaitMatchedRead(events, Duration.ofMinutes(4));

                long crossingId = matched.read().crossingId();
                assertThat(matched.read().cameraCode()).startsWith("CAM-");
                assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOf(CameraStatusEvent.class));
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline && !vehicleControlPassed(events, crossingId)) {
                    Thread.sleep(100);
                }
                assertThat(vehicleControlPassed(events, crossingId))
                        .as("crossing %d advanced by its plate read", crossingId)
                        .isTrue();
                assertThat(officer.anpr().plateReadStats().autoMatched()).isPositive();
                assertThat(officer.send("GET", "/api/cameras/metrics", null).body())
                        .contains("CAM-L1", "CAM-L3", "STREAMING");
                assertPreviewIsMjpeg(server, officer.token());
                assertPicturesDownload(server, officer, matched.read());
                previewWatched = watchPreviewUntilItEnds(server, officer.token());
            }
        }
        return previewWatched;
    }

    /** Reads a preview in the background until its response ends; the bytes read, or the I/O failure. */
    private static CompletableFuture<Long> watchPreviewUntilItEnds(GateServer server, String token) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        server.uri().resolve("/api/cameras/preview/CAM-L1?access_token=" + token))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        InputStream body = response.body();
        long first = body.readNBytes(1024).length; // streaming before the server stops
        return CompletableFuture.supplyAsync(() -> {
            try (body) {
                return first + body.transferTo(OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the preview was cut off, not ended", e);
            }
        });
    }

    /**
     * The read's crop and snapshot, saved by the lane from the clearest frame of the pass, download as
     * JPEGs: the snapshot is a whole camera frame, the crop is plate-shaped and much smaller.
     */
    private static void assertPicturesDownload(GateServer server, GateClient officer, PlateReadDto read)
            throws Exception {
        assertThat(read.imagePath()).startsWith("plate-reads/").endsWith("/" + read.id() + "-crop.jpg");
        assertThat(server.services().plateImages.awaitWritten(Duration.ofSeconds(120)))
                .isTrue();
        BufferedImage frame = jpeg(officer.download("/api/plate-reads/" + read.id() + "/snapshot", "image/jpeg"));
        BufferedImage crop = jpeg(officer.download("/api/plate-reads/" + read.id() + "/crop", "image/jpeg"));

        assertThat(frame.getWidth()).isEqualTo(1280);
        assertThat(frame.getHeight()).isEqualTo(720);
        double aspect = (double) crop.getWidth() / crop.getHeight();
        assertThat(aspect)
                .as("crop %dx%d is plate-shaped", crop.getWidth(), crop.getHeight())
                .isBetween(1.1, 6.0);
        assertThat(crop.getWidth()).isBetween(40, 640);
        // a one-row plate far from the camera is a dozen pixels high, sometimes less (11 px seen)
        assertThat(crop.getHeight()).isBetween(8, 360);
        assertThat(server.services().plateImages.dropped()).isZero();
    }

    private static BufferedImage jpeg(byte[] bytes) throws java.io.IOException {
        assertThat(bytes.length).isGreaterThan(500);
        assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodes as a JPEG").isNotNull();
        return image;
    }

    /** The preview streams JPEG pictures in a multipart response, for a browser {@code <img>}. */
    private static void assertPreviewIsMjpeg(GateServer server, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        server.uri().resolve("/api/cameras/preview/CAM-L1?access_token=" + token))
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("multipart/x-mixed-replace");
        try (var body = response.body()) {
            byte[] start = body.readNBytes(4096);
            String text = new String(start, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).contains("image/jpeg").contains("\u00ff\u00d8"); // JPEG start-of-image marker
        }
        var anonymous = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(server.uri().resolve("/api/cameras/preview/CAM-L1"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static PlateReadEvent awaitMatchedRead(List<EventEnvelope> events, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (EventEnvelope e : events) {
                if (e.event() instanceof PlateReadEvent read && read.read().matchStatus() == MatchStatus.MATCHED) {
                    return read;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no matched plate read within " + limit + "; events: " + events.size());
    }

    private static boolean vehicleControlPassed(List<EventEnvelope> events, long crossingId) {
        return events.stream()
                .map(EventEnvelope::event)
                .filter(CrossingChangedEvent.class::isInstance)
                .map(e -> ((CrossingChangedEvent) e).crossing())
                .filter(c -> c.id() == crossingId)
                .anyMatch(c -> TestGate.state(c, Step.VEHICLE_CONTROL) == StepState.PASSED);
    }
}
