package vn.bordergate.workstation.kiosk;

import java.awt.image.BufferedImage;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.bordergate.workstation.text.Wording;

/** Finding the trip: by plate or declaration code on the on-screen keyboard, or by the QR camera. */
final class KioskFindView {
    private KioskFindView() {}

    static Node build(KioskViewModel model, QrCamera camera) {
        Wording words = model.words();
        Label title = new Label(words.text("kiosk.find.title"));
        title.getStyleClass().add("kiosk-title");

        ToggleGroup group = new ToggleGroup();
        HBox tabs = new HBox(
                16,
                tab(group, "find-plate", words.text("kiosk.find.plate"), FindMode.PLATE, model),
                tab(group, "find-code", words.text("kiosk.find.code"), FindMode.CODE, model),
                tab(group, "find-qr", "▣  " + words.text("kiosk.find.qr"), FindMode.QR, model));
        tabs.setAlignment(Pos.CENTER);

        StackPane content = new StackPane();
        Runnable showMode = () -> {
            if (camera != null) {
                camera.stop();
            }
            content.getChildren()
                    .setAll(
                            switch (model.mode().get()) {
                                case PLATE -> typed(model, model.plate(), "kiosk.find.platePrompt", "find-plate-entry");
                                case CODE -> typed(model, model.code(), "kiosk.find.codePrompt", "find-code-entry");
                                case QR -> scan(model, camera);
                            });
        };
        model.mode().addListener((obs, was, now) -> showMode.run());
        showMode.run();

        Label error = KioskView.messageLabel(model.message(), "find-message");
        VBox body = new VBox(20, title, tabs, content, error);
        body.setAlignment(Pos.TOP_CENTER);
        body.getStyleClass().add("kiosk-body");
        return body;
    }

    private static ToggleButton tab(ToggleGroup group, String id, String text, FindMode mode, KioskViewModel model) {
        ToggleButton t = new ToggleButton(text);
        t.setId(id);
        t.setToggleGroup(group);
        t.getStyleClass().add("kiosk-tab");
        t.setSelected(model.mode().get() == mode);
        t.setOnAction(e -> {
            model.touch();
            t.setSelected(true); // a tab stays chosen when tapped again
            model.mode().set(mode);
        });
        return t;
    }

    private static Node typed(
            KioskViewModel model, javafx.beans.property.StringProperty value, String prompt, String id) {
        Wording words = model.words();
        TextField entry = new TextField();
        entry.setId(id);
        entry.setPromptText(words.text(prompt));
        entry.getStyleClass().add("kiosk-entry");
        entry.setPrefWidth(760);
        entry.textProperty().bindBidirectional(value);
        entry.setOnAction(e -> model.find());
        Button find = new Button(words.text("kiosk.find.button") + "  →");
        find.setId("find-submit");
        find.getStyleClass().addAll("kiosk-button", "kiosk-primary");
        find.setMinWidth(380);
        find.setMinHeight(96);
        find.setMaxHeight(96);
        find.disableProperty().bind(model.canFind().not());
        find.setOnAction(e -> model.find());
        PlateKeyboard keyboard = new PlateKeyboard(value, words);
        HBox line = new HBox(18, entry, find);
        line.setAlignment(Pos.CENTER);
        VBox box = new VBox(22, line, keyboard.root());
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private static Node scan(KioskViewModel model, QrCamera camera) {
        Wording words = model.words();
        Label prompt = new Label(words.text(camera == null ? "kiosk.find.noCamera" : "kiosk.find.qrPrompt"));
        prompt.getStyleClass().add("kiosk-advice");
        prompt.setWrapText(true);
        ImageView preview = new ImageView();
        preview.setFitWidth(720);
        preview.setFitHeight(450);
        preview.setPreserveRatio(true);
        Label placeholder = new Label("▣");
        placeholder.setStyle("-fx-font-size: 160px; -fx-opacity: 0.5;");
        StackPane frame = new StackPane(placeholder, preview);
        frame.getStyleClass().add("kiosk-camera");
        frame.setMaxWidth(760);
        if (camera != null) {
            camera.start(
                    model::foundQr,
                    (BufferedImage image) -> preview.setImage(fxImage(image)),
                    failure -> prompt.setText(words.text("kiosk.find.cameraFailed")));
        }
        VBox box = new VBox(20, prompt, frame);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** A camera frame for the preview (javafx.swing is not on the module path). */
    private static WritableImage fxImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }
}
