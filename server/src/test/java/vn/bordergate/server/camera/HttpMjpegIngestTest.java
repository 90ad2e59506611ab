package vn.bordergate.server.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

/**
 * An MJPEG camera over HTTP on loopback (JDK HttpServer writing the preview's multipart format): frames
 * arrive, the server is stopped and restarted, and the feed reconnects by itself.
 */
class HttpMjpegIngestTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void streamsMjpegOverHttpAndReconnectsAfterARestart() throws Exception {
        CameraSettings settings = CameraSettings.defaults()
                .withRetry(Duration.ofMillis(200), Duration.ofSeconds(1))
                .withIoTimeout(Duration.ofSeconds(3));
        StatusLog statuses = new StatusLog();
        List<Integer> numbers = new CopyOnWriteArrayList<>();
        long opened = System.nanoTime();
        try (LoopbackMjpegServer camera = new LoopbackMjpegServer(CounterVideo.jpegs(640, 360, 20), 10);
                CameraFeed feed = new CameraFeed(CameraSource.parse("CAM-HTTP", "L3", camera.url()), settings, statuses)
                        .start()) {
            FrameSubscription reader =
                    feed.subscribe("reader", 0, frame -> numbers.add(CounterVideo.counter(frame.image())));
            statuses.await(CameraState.STREAMING, 0, PATIENCE);
            Await.until(PATIENCE, () -> "frames: " + numbers, () -> numbers.size() >= 12);
            // the camera's frames in order: a loaded machine may skip some, never repeat or reorder one (an exact
            // run of frame numbers, then "half of them one apart", failed while the machine was loaded)
            List<Integer> steps = IntStream.range(1, numbers.size())
                    .map(i -> Math.floorMod(numbers.get(i) - numbers.get(i - 1), 20))
                    .boxed()
                    .toList();
            assertThat(steps).as("steps between frame numbers").allSatisfy(step -> assertThat(step)
                    .isBetween(1, 10));
            // every frame the reader did not see was counted as skipped, none lost
            assertThat(steps.stream().mapToLong(step -> step - 1).sum())
                    .as("frames between hand-overs: " + steps)
                    .isLessThanOrEqualTo(reader.metrics().skipped());
            // paced from above by counts, not a rate over the last frames' times (a starved reader decodes the
            // frames that waited at once): the camera sends one at once and at most 10 a second after that
            double seconds = (System.nanoTime() - opened) / 1e9;
            assertThat(feed.metrics().framesDecoded())
                    .as("frames decoded in %.1f s from a 10 fps camera", seconds)
                    .isLessThanOrEqualTo((long) Math.ceil(seconds * 10) + camera.connections());
            assertThat(feed.metrics().fps()).as("a rate is measured").isPositive();
            assertThat(feed.metrics().width()).isEqualTo(640);

            int before = statuses.size();
            camera.stop();
            int reconnecting = statuses.await(CameraState.RECONNECTING, before, PATIENCE);
            camera.restart();
            statuses.await(CameraState.STREAMING, reconnecting, PATIENCE);
            int seen = numbers.size();
            Await.until(PATIENCE, () -> "frames after the restart", () -> numbers.size() >= seen + 5);
            assertThat(camera.connections()).isGreaterThanOrEqualTo(2);
        }
    }
}
