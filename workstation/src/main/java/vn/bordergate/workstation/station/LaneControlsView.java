package vn.bordergate.workstation.station;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;
import vn.bordergate.common.dto.LaneDto;
import vn.bordergate.workstation.barrier.BarrierViewModel;
import vn.bordergate.workstation.barrier.GateBarrier.Position;
import vn.bordergate.workstation.text.Wording;

/** The station's lane: which one, "Call next vehicle" (F6), its barrier's state and "Open barrier" (F7). */
final class LaneControlsView {
    private final VBox root;

    LaneControlsView(CallNextViewModel calls, BarrierViewModel barrier, Wording words) {
        Label laneCaption = new Label(words.text("lane.caption"));
        laneCaption.getStyleClass().add("fact-section");
        ComboBox<LaneDto> lane = new ComboBox<>(calls.lanes());
        lane.setId("lane-choice");
        lane.valueProperty().bindBidirectional(calls.lane());
        lane.setConverter(new StringConverter<>() {
            @Override
            public String toString(LaneDto l) {
                return l == null ? "" : l.code() + " · " + l.name();
            }

            @Override
            public LaneDto fromString(String text) {
                return null;
            }
        });
        lane.setFocusTraversable(false);

        Button call = button("call-next", "F6", words.text("callNext.button"), "action-call");
        call.disableProperty().bind(calls.canCall().not());
        call.setOnAction(e -> calls.callNext());
        call.setVisible(calls.mayCall());
        call.setManaged(calls.mayCall());

        Circle arm = new Circle(6);
        arm.getStyleClass().add("barrier-dot");
        Label position = new Label();
        position.setId("barrier-position");
        position.textProperty().bind(barrier.position().map(p -> words.text("barrier.position." + p.name())));
        barrier.position().addListener((obs, before, now) -> styleArm(arm, now));
        styleArm(arm, barrier.position().get());
        HBox state = new HBox(6, arm, position);
        state.setAlignment(Pos.CENTER_LEFT);

        Button open = button("open-barrier", "F7", words.text("barrier.button"), "action-barrier");
        open.disableProperty().bind(barrier.canOpen().not());
        open.setOnAction(e -> barrier.open());
        open.setVisible(barrier.officerMayOpen());
        open.setManaged(barrier.officerMayOpen());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(10, laneCaption, lane, call, gap, state, open);
        line.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("lane-message");
        outcome.getStyleClass().add("muted");
        outcome.setWrapText(true);
        outcome.textProperty()
                .bind(Bindings.when(calls.error().isNotEmpty())
                        .then(calls.error())
                        .otherwise(Bindings.when(calls.message().isNotEmpty())
                                .then(calls.message())
                                .otherwise(barrier.message())));
        outcome.managedProperty().bind(outcome.textProperty().isNotEmpty());
        root = new VBox(6, line, outcome);
        root.getStyleClass().addAll("panel", "lane-controls");
        root.setId("lane-controls");
    }

    private static void styleArm(Circle arm, Position position) {
        arm.getStyleClass().removeAll("barrier-open", "barrier-closed");
        arm.getStyleClass().add(position == Position.OPEN ? "barrier-open" : "barrier-closed");
    }

    private static Button button(String id, String key, String text, String style) {
        Label cap = new Label(key);
        cap.getStyleClass().add("key-cap");
        Button button = new Button(text, cap);
        button.setId(id);
        button.getStyleClass().addAll("action-button", "lane-button", style);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setFocusTraversable(false);
        return button;
    }

    Parent root() {
        return root;
    }
}
