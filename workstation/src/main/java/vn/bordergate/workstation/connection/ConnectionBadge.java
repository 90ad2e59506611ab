package vn.bordergate.workstation.connection;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** A dot and a word: green when live, amber while reconnecting, red when the session has ended. */
public final class ConnectionBadge extends HBox {
    private static final String PREFIX = "connection-";

    public ConnectionBadge(ConnectionViewModel model) {
        Circle dot = new Circle(6);
        dot.getStyleClass().add("connection-dot");
        Label text = new Label();
        text.setId("connection-status");
        text.textProperty().bind(model.text());
        getChildren().addAll(dot, text);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        getStyleClass().add("connection-badge");
        model.state().addListener((obs, before, now) -> styleFor(now));
        styleFor(model.state().get());
    }

    private void styleFor(ConnectionState state) {
        getStyleClass().removeIf(c -> c.startsWith(PREFIX) && !c.equals("connection-badge"));
        getStyleClass().add(PREFIX + state.name().toLowerCase());
    }
}
