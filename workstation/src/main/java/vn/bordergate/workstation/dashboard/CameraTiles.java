package vn.bordergate.workstation.dashboard;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

/** One tile per lane camera: streaming green, reconnecting amber, stopped red, with frame rate and latency. */
final class CameraTiles {
    private final FlowPane root = new FlowPane(10, 10);
    private final DashboardViewModel model;

    CameraTiles(DashboardViewModel model) {
        this.model = model;
        root.setId("camera-tiles");
        model.cameras().addListener((ListChangeListener<CameraMetricsDto>) c -> draw());
        draw();
    }

    private void draw() {
        root.getChildren().clear();
        if (model.cameras().isEmpty()) {
            Label none = new Label(model.words().text("dashboard.noCameras"));
            none.getStyleClass().add("dash-empty");
            root.getChildren().add(none);
            return;
        }
        for (CameraMetricsDto camera : model.cameras()) {
            Label name = new Label(camera.laneCode() == null ? camera.cameraCode() : camera.laneCode());
            name.getStyleClass().add("camera-name");
            Label state = new Label(
                    model.words().text("dashboard.camera." + camera.state().name()));
            state.getStyleClass().add("camera-state");
            Label figures = new Label(
                    camera.state() == CameraState.STREAMING
                            ? String.format(
                                    Locale.ROOT,
                                    "%.0f/%.0f fps · %.0f ms",
                                    camera.fps(),
                                    camera.nominalFps(),
                                    camera.latencyMs())
                            : camera.cameraCode());
            figures.getStyleClass().add("camera-figures");
            VBox tile = new VBox(2, name, state, figures);
            tile.setId("camera-" + camera.cameraCode());
            tile.getStyleClass()
                    .addAll("camera-tile", "camera-" + camera.state().name().toLowerCase(Locale.ROOT));
            root.getChildren().add(tile);
        }
    }

    Parent root() {
        return root;
    }
}
