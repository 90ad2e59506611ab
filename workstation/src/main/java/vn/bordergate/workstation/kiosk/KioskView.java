package vn.bordergate.workstation.kiosk;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableStringValue;
import javafx.event.Event;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import vn.bordergate.workstation.look.GateMark;
import vn.bordergate.workstation.text.Wording;

/**
 * The kiosk's one screen: a header with the gate's name and a "start over" button, the current step
 * in the middle, and the idle notice below. Any touch restarts the idle countdown; a timeline checks it
 * every second (an animation, not a thread) and refreshes the queue place while it shows.
 */
public final class KioskView {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(KioskClock.ZONE);

    private final KioskViewModel model;
    private final QrCamera camera;
    private final Consumer<KioskViewModel> print;
    private final Clock clock;
    private final BorderPane root = new BorderPane();
    private final Label time = new Label();
    private final Timeline ticker;
    private int seconds;

    /** {@code camera} may be null (no QR camera); {@code print} prints or saves the queue ticket. */
    public KioskView(KioskViewModel model, QrCamera camera, Consumer<KioskViewModel> print, Clock clock) {
        this.model = model;
        this.camera = camera;
        this.print = print;
        this.clock = clock;
        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskView.class.getResource("kiosk.css").toExternalForm());
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, this::touched);
        root.addEventFilter(TouchEvent.TOUCH_PRESSED, this::touched);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::touched);
        model.step().addListener((obs, was, now) -> show());
        model.wording().addListener((obs, was, now) -> show());
        show();
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    public Parent root() {
        return root;
    }

    public void stop() {
        ticker.stop();
        if (camera != null) {
            camera.stop();
        }
    }

    private void touched(Event e) {
        model.touch();
    }

    private void tick() {
        time.setText(CLOCK.format(clock.instant()));
        model.checkIdle();
        if (++seconds % 10 == 0) {
            model.refresh();
        }
    }

    private void show() {
        if (camera != null && model.step().get() != KioskStep.FIND) {
            camera.stop();
        }
        root.setTop(header());
        root.setCenter(
                switch (model.step().get()) {
                    case START -> KioskStartView.build(model);
                    case FIND -> KioskFindView.build(model, camera);
                    case CROSSING -> KioskCrossingView.card(model);
                    case QUEUE -> KioskCrossingView.queue(model, print);
                    case SIGN_IN -> RepeatDeclarationView.signIn(model);
                    case REPEAT -> RepeatDeclarationView.form(model);
                });
        root.setBottom(footer());
    }

    private Node header() {
        Wording words = model.words();
        Label brand = new Label("BorderGate  ·  " + words.text("kiosk.title"));
        brand.getStyleClass().add("kiosk-brand");
        Label site = new Label(words.text("kiosk.site.all"));
        site.getStyleClass().add("kiosk-site");
        VBox names = new VBox(2, brand, site);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        time.getStyleClass().add("kiosk-clock");
        time.setText(CLOCK.format(clock.instant()));
        HBox header = new HBox(20, GateMark.of(56), names, gap);
        if (model.step().get() != KioskStep.START) {
            Button back = new Button(words.text("kiosk.back"));
            back.setId("kiosk-back");
            back.getStyleClass().addAll("kiosk-button", "kiosk-secondary");
            back.setOnAction(e -> model.back());
            Button restart = new Button("⟲  " + words.text("kiosk.restart"));
            restart.setId("kiosk-restart");
            restart.getStyleClass().addAll("kiosk-button", "kiosk-secondary");
            restart.setOnAction(e -> model.reset());
            header.getChildren().addAll(back, restart);
        }
        header.getChildren().add(time);
        header.getStyleClass().add("kiosk-header");
        return header;
    }

    private Node footer() {
        Label idle =
                new Label(model.words().text("kiosk.idle", model.idleTimeout().toSeconds()));
        HBox footer = new HBox(idle);
        footer.getStyleClass().add("kiosk-footer");
        footer.setAlignment(Pos.CENTER);
        return footer;
    }

    /** A problem or confirmation line, hidden while empty. */
    static Label messageLabel(ObservableStringValue text, String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("kiosk-error");
        l.setWrapText(true);
        l.setMaxWidth(1300);
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
