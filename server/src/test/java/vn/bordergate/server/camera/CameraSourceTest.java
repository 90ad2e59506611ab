package vn.bordergate.server.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

class CameraSourceTest {
    @Test
    void parsesEveryKindOfSource() {
        assertThat(CameraSource.parse("C", "L", "rtsp://10.0.0.5:554/Streaming/101")
                        .kind())
                .isEqualTo(CameraSource.Kind.RTSP);
        assertThat(CameraSource.parse("C", "L", "http://10.0.0.6/mjpg/video.mjpg")
                        .kind())
                .isEqualTo(CameraSource.Kind.HTTP);
        assertThat(CameraSource.parse("C", "L", "device:1").deviceIndex()).isEqualTo(1);
        assertThat(CameraSource.parse("C", "L", "/dev/video2").deviceIndex()).isEqualTo(2);
        CameraSource file = CameraSource.parse("C", "L", "file:///var/lib/bordergate/demo/lane%201.mp4");
        assertThat(file.kind()).isEqualTo(CameraSource.Kind.FILE);
        assertThat(file.location()).isEqualTo("/var/lib/bordergate/demo/lane 1.mp4");
        assertThat(file.isLive()).isFalse();
        assertThat(CameraSource.parse("C", "L", "demo/lane1.mp4").location()).isEqualTo("demo/lane1.mp4");
        assertThatThrownBy(() -> CameraSource.parse("C", "L", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsNeverLeaveTheSource() throws Exception {
        CameraSource source = CameraSource.parse("CAM-9", "L9", "rtsp://admin:s3cret@127.0.0.1:1/Streaming/101");
        assertThat(source.displayLocation()).isEqualTo("rtsp://***@127.0.0.1:1/Streaming/101");
        assertThat(source.toString()).doesNotContain("s3cret");

        // nothing listens on port 1: FFmpeg's error repeats the URL, the status must not
        StatusLog statuses = new StatusLog();
        CameraSettings settings = CameraSettings.defaults().withRetry(Duration.ofMillis(100), Duration.ofMillis(200));
        try (CameraFeed feed = new CameraFeed(source, settings, statuses).start()) {
            int reconnecting = statuses.await(CameraState.RECONNECTING, 0, Duration.ofSeconds(15));
            CameraStatus status = statuses.all().get(reconnecting);
            assertThat(status.detail()).doesNotContain("s3cret").contains("Connection refused", "attempt 1 in 100 ms");
            assertThat(feed.metrics().source()).doesNotContain("s3cret");
            CameraStatusEvent event = status.toEvent();
            assertThat(event.cameraCode()).isEqualTo("CAM-9");
            assertThat(event.state()).isEqualTo(CameraState.RECONNECTING);
        }
        assertThat(statuses.states()).startsWith(CameraState.CONNECTING, CameraState.RECONNECTING);
        assertThat(statuses.states()).endsWith(CameraState.STOPPED);
    }

    @Test
    void backoffDoublesToTheMaximumAndResets() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(10));
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.nextDelay().toMillis());
        }
        assertThat(waits).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 10000L, 10000L, 10000L);
        backoff.reset();
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void camerasAreUniqueInALane() {
        CameraSource one = CameraSource.parse("CAM-1", "L1", "a.mp4");
        assertThatThrownBy(() -> LaneCameras.start(List.of(one, one), CameraSettings.defaults(), s -> {}))
                .hasMessageContaining("CAM-1");
    }
}
