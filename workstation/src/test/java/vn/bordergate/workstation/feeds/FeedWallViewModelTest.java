package vn.bordergate.workstation.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.feeds.FeedTileViewModel.FeedState;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/**
 * The camera wall against a real gate (its cameras configured but not running in tests), with the
 * preview streams stood in for by the test: which tiles stream, and how status events move them.
 */
class FeedWallViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final Map<String, PreviewStream.Sink> sinks = new ConcurrentHashMap<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private FeedWallViewModel<String> wall() throws Exception {
        GateSession session = Officers.session(gate, "gate", work);
        PreviewStream.Opener opener = (server, token, camera, sink) -> {
            assertThat(server).isEqualTo(gate.uri());
            assertThat(token).isNotBlank();
            opened.add(camera);
            sinks.put(camera, sink);
            return () -> closed.add(camera);
        };
        FeedWallViewModel<String> wall = ui.call(() -> new FeedWallViewModel<>(
                session,
                Wording.of(Wording.VIETNAMESE),
                ui,
                jpeg -> new String(jpeg, StandardCharsets.US_ASCII),
                opener));
        ui.call(wall::load).get(10, TimeUnit.SECONDS);
        return wall;
    }

    @Test
    void oneTilePerCameraOnlyTheShownOnesStreamAndALiveCameraShowsPictures() throws Exception {
        FeedWallViewModel<String> wall = wall();
        int cameras = gate.as("admin").anpr().cameras().size();
        assertThat(ui.call(() -> wall.tiles().size())).isEqualTo(cameras).isGreaterThanOrEqualTo(2);
        ui.await(java.time.Duration.ofSeconds(5), () -> opened.size() == 2); // layout 2
        String first = ui.call(() -> wall.tiles().get(0).cameraCode());
        FeedTileViewModel<String> tile = ui.call(() -> wall.tiles().get(0));
        assertThat(ui.call(() -> tile.state().get()))
                .as("the server runs no camera in tests: offline")
                .isEqualTo(FeedState.OFFLINE);

        ui.run(() -> wall.metrics(List.of(new CameraMetricsDto(
                first, "L1", CameraState.STREAMING, null, Instant.now(), 1280, 720, 10, 9.6, 4, 40, 100, 0, 0))));
        sinks.get(first).frame("picture".getBytes(StandardCharsets.US_ASCII));
        ui.await(java.time.Duration.ofSeconds(5), () -> tile.state().get() == FeedState.LIVE);
        assertThat(ui.call(() -> tile.frame().get())).isEqualTo("picture");
        assertThat(ui.call(() -> tile.fps().get())).isEqualTo(9.6);
        assertThat(tile.title()).startsWith("Làn ").doesNotContain("CAM-");

        ui.run(() -> wall.onEvent(new CameraStatusEvent(first, CameraState.RECONNECTING, 0, "source lost")));
        assertThat(ui.call(() -> tile.state().get())).isEqualTo(FeedState.OFFLINE);

        ui.run(() -> wall.onEvent(new PlateReadEvent(new PlateReadDto(
                1, first, "L1", Instant.now(), "15C-123.45", null, 0.9, null, null, null, List.of(), null, null))));
        assertThat(ui.call(() -> tile.lastPlate().get())).isEqualTo("15C-123.45");

        ui.run(() -> wall.layout().set(1));
        String second = ui.call(() -> wall.tiles().get(1).cameraCode());
        assertThat(closed).as("the hidden tile stops streaming").contains(second);
        ui.run(() -> wall.layout().set(3));
        assertThat(ui.call(() -> wall.layout().get())).as("only 1, 2 or 4").isEqualTo(1);
        ui.run(wall::nextLayout);
        assertThat(ui.call(() -> wall.layout().get())).isEqualTo(2);

        ui.run(wall::close);
        assertThat(closed).contains(first);
    }
}
