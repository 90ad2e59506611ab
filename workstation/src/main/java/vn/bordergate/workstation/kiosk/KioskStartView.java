package vn.bordergate.workstation.kiosk;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.scene.text.TextAlignment;
import vn.bordergate.workstation.text.Wording;

/** The start screen: a greeting in the three languages and one big button per language. */
final class KioskStartView {
    private KioskStartView() {}

    static Node build(KioskViewModel model) {
        Wording words = model.words();
        Label welcome = new Label(words.text("kiosk.start.welcome"));
        welcome.getStyleClass().add("kiosk-welcome");
        Label choose = new Label(words.text("kiosk.start.choose"));
        choose.getStyleClass().add("kiosk-lead");
        Label drivers = new Label(words.text("kiosk.start.drivers"));
        drivers.getStyleClass().add("kiosk-muted");
        drivers.setWrapText(true);

        HBox languages = new HBox(
                36,
                language(model, "lang-vi", "Tiếng Việt", "Bắt đầu", Wording.VIETNAMESE, flag("kiosk-flag-vn", true)),
                language(model, "lang-zh", "中文", "开始", Wording.CHINESE, flag("kiosk-flag-cn", true)),
                language(model, "lang-en", "English", "Start", Wording.ENGLISH, flag("kiosk-flag-en", false)));
        languages.setAlignment(Pos.CENTER);

        Button repeat = new Button(words.text("kiosk.start.repeat"));
        repeat.setId("start-repeat");
        repeat.getStyleClass().addAll("kiosk-button", "kiosk-repeat");
        repeat.setOnAction(e -> model.startRepeatDeclaration(Wording.VIETNAMESE));

        Region top = new Region();
        Region bottom = new Region();
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        VBox body = new VBox(26, top, welcome, choose, languages, drivers, bottom, repeat);
        body.setAlignment(Pos.CENTER);
        body.getStyleClass().add("kiosk-body");
        return body;
    }

    private static Button language(
            KioskViewModel model, String id, String name, String start, Locale locale, Node flag) {
        // the language's name, and "start" in that language under it
        Button b = new Button(name + "\n" + start + "  →");
        b.setId(id);
        b.setGraphic(flag);
        b.setContentDisplay(ContentDisplay.TOP);
        b.setTextAlignment(TextAlignment.CENTER);
        b.getStyleClass().addAll("kiosk-button", "kiosk-language");
        b.setOnAction(e -> model.chooseLanguage(locale));
        return b;
    }

    /** A simple flag: Vietnam's one star in the middle, China's five in the corner, a plain blue for English. */
    private static Node flag(String style, boolean star) {
        StackPane flag = new StackPane();
        flag.getStyleClass().addAll("kiosk-flag", style);
        if (!star) {
            Label en = new Label("EN");
            en.setStyle("-fx-text-fill: white; -fx-font-size: 34px; -fx-font-weight: bold;");
            flag.getChildren().add(en);
        } else if (style.endsWith("cn")) {
            javafx.scene.layout.Pane corner = new javafx.scene.layout.Pane(
                    star(15, 9, 9), star(5, 43, 4), star(5, 52, 14), star(5, 52, 29), star(5, 43, 39));
            corner.setMaxSize(120, 80);
            flag.getChildren().add(corner);
        } else {
            flag.getChildren().add(star(26, 0, 0));
        }
        return flag;
    }

    private static Polygon star(double radius, double x, double y) {
        Polygon s = new Polygon();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? radius : radius * 0.4;
            double a = Math.PI / 2 + i * Math.PI / 5;
            s.getPoints().addAll(x + radius + r * Math.cos(a), y + radius - r * Math.sin(a));
        }
        s.getStyleClass().add("kiosk-star");
        return s;
    }
}
