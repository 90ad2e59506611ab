package vn.bordergate.workstation.station;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.text.Wording;

/**
 * The officer's own step: which one, what can be done now, a reason field, and one big button per
 * decision with its function key on it. Buttons the workflow would refuse are greyed out.
 */
final class StepActionsView {
    private final VBox root;
    private final TextField reason = new TextField();

    StepActionsView(CrossingViewModel model, Agency agency, Wording words) {
        Label target = new Label();
        target.setId("action-target");
        target.getStyleClass().add("action-target");
        target.textProperty()
                .bind(model.target()
                        .map(step -> words.text("action.target", step.number(), words.step(step)))
                        .orElse(words.text("action.noTarget")));
        Label hint = new Label();
        hint.setId("action-hint");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.textProperty().bind(model.hint());

        reason.setId("action-reason");
        reason.getStyleClass().add("reason-field");
        reason.setPromptText(words.text("action.reason.prompt"));
        reason.textProperty().bindBidirectional(model.reason());

        Button confirm = button("action-confirm", "F2", words.text("action.confirm"), "action-confirm");
        confirm.disableProperty().bind(model.canConfirm().not());
        confirm.setOnAction(e -> model.confirm());
        Button hold = button("action-hold", "F3", words.text("action.hold"), "action-hold");
        hold.disableProperty().bind(model.canHold().not());
        hold.setOnAction(e -> holdOrAsk(model));
        Button reject = button("action-reject", "F4", words.text("action.reject"), "action-reject");
        reject.disableProperty().bind(model.canReject().not());
        reject.setOnAction(e -> rejectOrAsk(model));
        Button release = button("action-release", "F5", words.text("action.releaseHold"), "action-release");
        release.visibleProperty().bind(model.canReleaseHold());
        release.managedProperty().bind(release.visibleProperty());
        release.setOnAction(e -> model.releaseHold());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, confirm, hold, reject, gap, release);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("action-message");
        outcome.setWrapText(true);
        outcome.textProperty()
                .bind(Bindings.when(model.error().isNotEmpty())
                        .then(model.error())
                        .otherwise(Bindings.when(model.busy())
                                .then(words.text("action.busy"))
                                .otherwise(model.message())));
        model.error().addListener((obs, before, now) -> styleOutcome(outcome, !now.isEmpty()));
        styleOutcome(outcome, false);

        HBox heading = new HBox(14, target, hint);
        heading.setAlignment(Pos.BASELINE_LEFT);
        hint.setMinWidth(0);
        target.setMinWidth(Region.USE_PREF_SIZE);
        root = new VBox(8, heading, reason, buttons, outcome);
        root.getStyleClass().addAll("panel", "actions", Theme.agencyClass(agency));
        root.setId("step-actions");
    }

    private static void styleOutcome(Label outcome, boolean problem) {
        outcome.getStyleClass().removeAll("error-text", "ok-text");
        outcome.getStyleClass().add(problem ? "error-text" : "ok-text");
    }

    private static Button button(String id, String key, String text, String style) {
        Label cap = new Label(key);
        cap.getStyleClass().add("key-cap");
        Button button = new Button(text, cap);
        button.setId(id);
        button.getStyleClass().addAll("action-button", style);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** Hold with no reason yet: say so and put the cursor in the reason field, so one keystroke fixes it. */
    void holdOrAsk(CrossingViewModel model) {
        model.hold();
        if (!model.error().get().isEmpty() && reasonMissing()) {
            reason.requestFocus();
        }
    }

    void rejectOrAsk(CrossingViewModel model) {
        model.reject();
        if (!model.error().get().isEmpty() && reasonMissing()) {
            reason.requestFocus();
        }
    }

    private boolean reasonMissing() {
        return reason.getText() == null || reason.getText().isBlank();
    }

    /** Another action for the selected crossing (print slip): a row of its own below the step's decisions. */
    void addAction(Node action) {
        root.getChildren().add(action);
    }

    Parent root() {
        return root;
    }
}
