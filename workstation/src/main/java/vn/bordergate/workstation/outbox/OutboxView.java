package vn.bordergate.workstation.outbox;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.bordergate.workstation.text.Wording;

/** The actions in the outbox, oldest first: what each is, where it stands, and for a refused one what changed. */
public final class OutboxView {
    private final VBox root = new VBox(8);

    public OutboxView(OutboxViewModel model, Wording words) {
        OutboxWords say = new OutboxWords(words);
        Label title = new Label(words.text("outbox.title"));
        title.getStyleClass().add("outbox-title");
        // a plain column of lines, not a ListView: a handful of actions, each with its own buttons
        VBox lines = new VBox(6);
        lines.setId("outbox-list");
        Label empty = new Label(words.text("outbox.empty"));
        Runnable redraw = () -> {
            lines.getChildren().clear();
            for (OutboxEntry entry : model.entries()) {
                lines.getChildren().add(line(entry, model, say, words));
            }
            if (model.entries().isEmpty()) {
                lines.getChildren().add(empty);
            }
        };
        model.entries().addListener((ListChangeListener<OutboxEntry>) change -> redraw.run());
        // the "waiting for login" wording changes without the entries changing
        model.waitingForLogin().addListener((obs, before, now) -> redraw.run());
        redraw.run();
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(600);
        scroll.setPrefViewportHeight(260);
        root.getChildren().addAll(title, scroll);
        root.getStyleClass().add("outbox-panel");
        root.setId("outbox-panel");
    }

    private static Parent line(OutboxEntry entry, OutboxViewModel model, OutboxWords say, Wording words) {
        Label what = new Label(say.action(entry.action()));
        what.getStyleClass().add("outbox-action");
        Label state = new Label(say.state(entry, model.waitingForLogin().get()));
        state.setWrapText(true);
        state.getStyleClass().add(entry.refused() ? "outbox-refused" : "outbox-waiting");
        state.setId("outbox-state-" + entry.key());
        VBox text = new VBox(2, what, state);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Region gap = new Region();
        HBox line = new HBox(8, text, gap);
        line.setAlignment(Pos.CENTER_LEFT);
        if (entry.refused()) {
            Button redo = new Button(words.text("outbox.redo"));
            redo.getStyleClass().add("outbox-redo");
            redo.setOnAction(e -> model.redo(entry.key()));
            line.getChildren().add(redo);
        }
        if (entry.refused() || !entry.attempted()) {
            Button discard = new Button(words.text("outbox.discard"));
            discard.getStyleClass().add("outbox-discard");
            discard.setOnAction(e -> model.discard(entry.key()));
            line.getChildren().add(discard);
        }
        return line;
    }

    public Parent root() {
        return root;
    }
}
