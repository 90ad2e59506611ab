package vn.bordergate.workstation.outbox;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.PopOver;
import vn.bordergate.workstation.text.Wording;

/**
 * The status bar's outbox count ("2 waiting to be sent · 1 needs your decision"), hidden while the outbox
 * is empty; a click opens the list of actions over the screen.
 */
public final class OutboxIndicator {
    private final Button button = new Button();
    private final PopOver popOver;

    public OutboxIndicator(OutboxViewModel model, Wording words) {
        button.setId("outbox-count");
        button.getStyleClass().add("outbox-count");
        button.setFocusTraversable(false);
        button.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> words.text(
                                        "outbox.status.pending", model.pending().get())
                                + (model.refused().get() == 0
                                        ? ""
                                        : "  ·  "
                                                + words.text(
                                                        "outbox.status.refused",
                                                        model.refused().get())),
                        model.pending(),
                        model.refused()));
        button.visibleProperty().bind(model.pending().greaterThan(0));
        button.managedProperty().bind(button.visibleProperty());
        model.refused().addListener((obs, before, now) -> {
            button.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("refused"), now.intValue() > 0);
        });
        button.setTooltip(new Tooltip(words.text("outbox.status.tooltip")));
        OutboxView list = new OutboxView(model, words);
        // the pop-over is a window of its own: it needs the style sheet too
        list.root()
                .getStylesheets()
                .add(OutboxIndicator.class
                        .getResource("/vn/bordergate/workstation/look/workstation.css")
                        .toExternalForm());
        popOver = new PopOver(list.root());
        popOver.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        popOver.setDetachable(false);
        popOver.setTitle(words.text("outbox.title"));
        button.setOnAction(e -> toggle());
    }

    /** Opens the list (closes it when it is open). */
    public void toggle() {
        if (popOver.isShowing()) {
            popOver.hide();
        } else {
            popOver.show(button);
        }
    }

    public Button node() {
        return button;
    }
}
