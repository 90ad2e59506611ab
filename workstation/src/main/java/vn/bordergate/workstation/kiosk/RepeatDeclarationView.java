package vn.bordergate.workstation.kiosk;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.workstation.text.Wording;

/** An enterprise user's sign-in at the kiosk, and the repeat declaration prefilled from an earlier one. */
final class RepeatDeclarationView {
    private RepeatDeclarationView() {}

    static Node signIn(KioskViewModel kiosk) {
        RepeatDeclarationViewModel model = kiosk.repeat();
        Wording words = kiosk.words();
        Label title = new Label(words.text("kiosk.signIn.title"));
        title.getStyleClass().add("kiosk-title");
        TextField username = new TextField();
        username.setId("repeat-username");
        username.setPromptText(words.text("kiosk.signIn.username"));
        username.getStyleClass().add("kiosk-input");
        username.textProperty().bindBidirectional(model.username());
        PasswordField password = new PasswordField();
        password.setId("repeat-password");
        password.setPromptText(words.text("kiosk.signIn.password"));
        password.getStyleClass().add("kiosk-input");
        password.textProperty().bindBidirectional(model.password());
        password.setOnAction(e -> model.signIn());
        Button submit = new Button(words.text("kiosk.signIn.button"));
        submit.setId("repeat-sign-in");
        submit.getStyleClass().addAll("kiosk-button", "kiosk-primary");
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(model.busy());
        submit.setOnAction(e -> model.signIn());
        VBox card = new VBox(20, username, password, submit, KioskView.messageLabel(model.message(), "repeat-error"));
        card.getStyleClass().add("kiosk-card");
        card.setMaxWidth(760);
        VBox body = new VBox(26, title, card);
        body.setAlignment(Pos.TOP_CENTER);
        body.getStyleClass().add("kiosk-body");
        return body;
    }

    static Node form(KioskViewModel kiosk) {
        RepeatDeclarationViewModel model = kiosk.repeat();
        Wording words = kiosk.words();
        Label title = new Label(words.text("kiosk.repeat.title") + "  ·  "
                + model.enterpriseName().get());
        title.getStyleClass().add("kiosk-title");
        title.setStyle("-fx-font-size: 36px;");

        Label pickTitle = new Label(words.text("kiosk.repeat.pick"));
        pickTitle.getStyleClass().add("kiosk-field-name");
        VBox list = new VBox(12, pickTitle);
        ToggleGroup group = new ToggleGroup();
        int i = 0;
        for (DeclarationDto d : model.previous()) {
            ToggleButton b = new ToggleButton(summary(d, words));
            b.setId("repeat-previous-" + i++);
            b.setToggleGroup(group);
            b.getStyleClass().add("kiosk-previous");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setSelected(d == model.picked().get());
            b.setOnAction(e -> {
                b.setSelected(true);
                model.pick(d);
            });
            list.getChildren().add(b);
        }
        if (model.previous().isEmpty()) {
            Label none = new Label(words.text("kiosk.repeat.none"));
            none.getStyleClass().add("kiosk-muted");
            list.getChildren().add(none);
        }
        ScrollPane listScroll = new ScrollPane(list);
        listScroll.setFitToWidth(true);
        listScroll.setPrefWidth(520);
        listScroll.setMinWidth(520);
        listScroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");

        VBox form = new VBox(16);
        form.getStyleClass().add("kiosk-card");
        HBox.setHgrow(form, Priority.ALWAYS);
        Runnable fill = () -> fill(form, kiosk);
        model.picked().addListener((obs, was, now) -> fill.run());
        fill.run();

        HBox main = new HBox(28, listScroll, form);
        VBox.setVgrow(main, Priority.ALWAYS);
        VBox body = new VBox(18, title, main);
        body.getStyleClass().add("kiosk-body");
        return body;
    }

    private static void fill(VBox form, KioskViewModel kiosk) {
        RepeatDeclarationViewModel model = kiosk.repeat();
        Wording words = kiosk.words();
        DeclarationDto d = model.picked().get();
        if (d == null) {
            Label hint = new Label("← " + words.text("kiosk.repeat.pick"));
            hint.getStyleClass().add("kiosk-advice");
            form.getChildren().setAll(hint);
            return;
        }
        GridPane who = new GridPane();
        who.setHgap(24);
        who.setVgap(8);
        who.addRow(0, name(words.text("kiosk.repeat.vehicle")), value(vehicle(d)));
        who.addRow(
                1,
                name(words.text("kiosk.repeat.driver")),
                value(d.driver().fullName() + "  ·  " + d.driver().documentNumber()));

        GridPane goods = new GridPane();
        goods.setHgap(14);
        goods.setVgap(10);
        goods.addRow(
                0,
                name(words.text("kiosk.repeat.goods")),
                name(words.text("kiosk.repeat.quantity")),
                name(words.text("kiosk.repeat.weight")));
        int row = 1;
        for (GoodsForm line : model.goods()) {
            TextField description = input("repeat-goods-" + row, line.description(), 420);
            TextFields.bindAutoCompletion(description, request -> model.goodsSuggestions().stream()
                    .filter(s -> s.toLowerCase(Locale.ROOT)
                            .contains(request.getUserText()
                                    .toLowerCase(Locale.ROOT)
                                    .strip()))
                    .limit(8)
                    .toList());
            TextField quantity = input("repeat-quantity-" + row, line.quantity(), 150);
            Label unit = name(line.unit());
            unit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox quantityBox = new HBox(8, quantity, unit);
            quantityBox.setAlignment(Pos.CENTER_LEFT);
            goods.addRow(
                    row++, description, quantityBox, input("repeat-weight-" + (row - 1), line.grossWeightKg(), 170));
        }

        DatePicker date = new DatePicker();
        date.setId("repeat-date");
        date.valueProperty().bindBidirectional(model.arrivalDate());
        TextField time = input("repeat-time", model.arrivalTime(), 150);
        HBox arrival = new HBox(14, name(words.text("kiosk.repeat.arrival")), date, time);
        arrival.setAlignment(Pos.CENTER_LEFT);

        Label hint = new Label(words.text("kiosk.repeat.hint"));
        hint.getStyleClass().add("kiosk-muted");
        Button submit = new Button(words.text("kiosk.repeat.submit"));
        submit.setId("repeat-submit");
        submit.getStyleClass().addAll("kiosk-button", "kiosk-primary");
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(model.busy().or(model.submitted().isNotNull()));
        submit.setOnAction(e -> model.submit());
        Label message = KioskView.messageLabel(model.message(), "repeat-message");
        model.submitted().addListener((obs, was, now) -> message.getStyleClass()
                .setAll(now != null ? "kiosk-ok" : "kiosk-error"));
        form.getChildren().setAll(who, goods, arrival, hint, submit, message);
    }

    private static String summary(DeclarationDto d, Wording words) {
        return d.tractorPlate() + "   " + words.time(d.expectedArrival()) + "\n"
                + d.goods().stream().map(GoodsLineDto::description).findFirst().orElse("")
                + (d.goods().size() > 1 ? " (+" + (d.goods().size() - 1) + ")" : "");
    }

    private static String vehicle(DeclarationDto d) {
        return d.tractorPlate() + (d.trailerPlate() == null ? "" : " + " + d.trailerPlate());
    }

    private static TextField input(String id, javafx.beans.property.StringProperty value, double width) {
        TextField t = new TextField();
        t.setId(id);
        t.getStyleClass().add("kiosk-input");
        t.setPrefWidth(width);
        t.textProperty().bindBidirectional(value);
        return t;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add("kiosk-field-name");
        return l;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("kiosk-field-value");
        l.setStyle("-fx-font-size: 26px;");
        return l;
    }
}
