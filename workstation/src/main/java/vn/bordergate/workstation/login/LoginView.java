package vn.bordergate.workstation.login;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import vn.bordergate.workstation.look.GateMark;
import vn.bordergate.workstation.text.Wording;

/** The sign-in card: username, password, the gate server's state, and the language switch. */
public final class LoginView {
    private final StackPane root = new StackPane();
    private TextField first;

    /** {@code demo} shows the demo accounts' hint; {@code onLanguage} re-opens the screen in another language. */
    public LoginView(LoginViewModel model, Wording words, boolean demo, Consumer<Locale> onLanguage) {
        Label brand = new Label(words.text("app.title"));
        brand.getStyleClass().add("brand");
        Label subtitle = new Label(words.text("app.subtitle"));
        subtitle.getStyleClass().add("brand-sub");
        Label site = new Label(words.text("app.site"));
        site.getStyleClass().addAll("muted", "small");

        Label heading = new Label(words.text("login.heading"));
        heading.getStyleClass().add("heading");

        TextField username = new TextField();
        username.setId("login-username");
        first = username;
        username.textProperty().bindBidirectional(model.username());
        PasswordField password = new PasswordField();
        password.setId("login-password");
        password.textProperty().bindBidirectional(model.password());

        Label error = new Label();
        error.setId("login-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button submit = new Button(words.text("login.submit"));
        submit.setId("login-submit");
        submit.getStyleClass().add("primary");
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(model.canLogin().not());
        submit.textProperty()
                .bind(model.busy().map(busy -> busy ? words.text("login.busy") : words.text("login.submit")));
        submit.setOnAction(e -> model.login());
        username.setOnAction(e -> password.requestFocus());

        ProgressIndicator starting = new ProgressIndicator();
        starting.setPrefSize(16, 16);
        starting.visibleProperty()
                .bind(model.gateReady().not().and(model.gateText().isNotEmpty()));
        starting.managedProperty().bind(starting.visibleProperty());
        Label gate = new Label();
        gate.setId("login-gate");
        gate.getStyleClass().addAll("gate-line", "small");
        gate.setWrapText(true);
        gate.textProperty().bind(model.gateText());
        HBox gateLine = new HBox(8, starting, gate);
        gateLine.setAlignment(Pos.CENTER_LEFT);

        HBox brandLine = new HBox(14, GateMark.of(52), brand);
        brandLine.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(
                6,
                brandLine,
                spacer(2),
                subtitle,
                site,
                spacer(14),
                new Separator(),
                spacer(10),
                heading,
                spacer(6),
                fieldLabel(words.text("login.username")),
                username,
                spacer(4),
                fieldLabel(words.text("login.password")),
                password,
                error,
                spacer(10),
                submit,
                spacer(10),
                gateLine);
        if (demo) {
            Label hint = new Label(words.text("login.demoHint"));
            hint.getStyleClass().addAll("muted", "small");
            hint.setWrapText(true);
            card.getChildren().add(hint);
        }
        card.getStyleClass().add("login-card");
        card.setPadding(new Insets(34, 40, 30, 40));
        card.setMaxWidth(480);
        card.setMaxHeight(Region.USE_PREF_SIZE);

        SegmentedButton languages = languages(words.locale(), onLanguage);
        StackPane.setAlignment(languages, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(languages, new Insets(20));

        root.getChildren().addAll(card, languages);
        root.getStyleClass().add("login-backdrop");
        root.setPadding(new Insets(30));
    }

    private static SegmentedButton languages(Locale current, Consumer<Locale> onLanguage) {
        SegmentedButton switcher = new SegmentedButton();
        for (Locale language : Wording.LANGUAGES) {
            ToggleButton choice = new ToggleButton(language.getDisplayLanguage(language));
            choice.setId("language-" + language.getLanguage());
            choice.setSelected(language.equals(current));
            choice.setOnAction(e -> {
                if (!language.equals(current)) {
                    onLanguage.accept(language);
                } else {
                    choice.setSelected(true);
                }
            });
            switcher.getButtons().add(choice);
        }
        switcher.getStyleClass().add("language-switch");
        return switcher;
    }

    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Region spacer(double height) {
        Region gap = new Region();
        gap.setMinHeight(height);
        VBox.setVgrow(gap, Priority.NEVER);
        return gap;
    }

    /** Puts the cursor in the username field, once the view is on screen. */
    public void focus() {
        first.requestFocus();
    }

    public Parent root() {
        return root;
    }
}
