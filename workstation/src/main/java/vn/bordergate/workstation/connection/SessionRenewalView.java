package vn.bordergate.workstation.connection;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.bordergate.workstation.text.Wording;

/**
 * The station with the re-login card over it: while the session is expired the station stays visible
 * (dimmed) behind a card asking for the password, and takes no input until the officer signed in again.
 */
public final class SessionRenewalView {
    private final StackPane root = new StackPane();
    private final PasswordField password = new PasswordField();

    public SessionRenewalView(Parent station, SessionRenewalViewModel model, Wording words, Runnable onSignOut) {
        Label title = new Label(words.text("relogin.title"));
        title.getStyleClass().add("heading");
        Label body = new Label(words.text("relogin.body", model.officer()));
        body.setWrapText(true);
        password.setId("relogin-password");
        password.setPromptText(words.text("relogin.password"));
        password.textProperty().bindBidirectional(model.password());
        Label error = new Label();
        error.setId("relogin-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        Button submit = new Button(words.text("relogin.submit"));
        submit.setId("relogin-submit");
        submit.getStyleClass().add("primary");
        submit.setDefaultButton(true);
        submit.disableProperty().bind(model.busy());
        submit.setOnAction(e -> model.renew());
        Button signOut = new Button(words.text("relogin.signOut"));
        signOut.setId("relogin-sign-out");
        signOut.setOnAction(e -> onSignOut.run());
        HBox buttons = new HBox(10, signOut, submit);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(12, title, body, password, error, buttons);
        card.getStyleClass().add("login-card");
        card.setId("relogin-card");
        card.setMaxSize(440, VBox.USE_PREF_SIZE);
        StackPane veil = new StackPane(card);
        veil.getStyleClass().add("relogin-veil");
        veil.visibleProperty().bind(model.needed());
        veil.managedProperty().bind(veil.visibleProperty());
        root.getChildren().addAll(station, veil);
        model.needed().addListener((obs, before, now) -> {
            if (now) {
                password.requestFocus();
            }
        });
    }

    public Parent root() {
        return root;
    }
}
