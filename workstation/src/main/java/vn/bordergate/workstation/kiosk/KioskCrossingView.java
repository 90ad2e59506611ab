package vn.bordergate.workstation.kiosk;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.common.dto.KioskQueueDto;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.text.Wording;

/** The trip found (with the check-in button) and, once checked in, the queue number and where to wait. */
final class KioskCrossingView {
    private KioskCrossingView() {}

    static Node card(KioskViewModel model) {
        Wording words = model.words();
        KioskCrossingDto c = model.crossing().get();
        Label title = new Label(words.text("kiosk.card.title"));
        title.getStyleClass().add("kiosk-title");

        Label plate = new Label(c.tractorPlate() + (c.trailerPlate() == null ? "" : "  +  " + c.trailerPlate()));
        plate.setId("card-plate");
        plate.getStyleClass().add("kiosk-plate");
        Label status = new Label(words.status(c.status()));
        status.setId("card-status");
        status.getStyleClass().addAll("kiosk-status", Theme.statusClass(c.status()));

        GridPane facts = new GridPane();
        facts.setHgap(36);
        facts.setVgap(14);
        fact(facts, 0, words.text("kiosk.card.enterprise"), c.enterpriseName());
        fact(facts, 1, words.text("kiosk.card.declaration"), c.declarationCode());
        fact(facts, 2, words.text("kiosk.card.direction"), words.direction(c.direction()));
        fact(facts, 3, words.text("kiosk.card.expected"), words.time(c.expectedArrival()));

        HBox plateLine = new HBox(28, plate, status);
        plateLine.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(22, plateLine, facts);
        card.getStyleClass().add("kiosk-card");
        card.setMaxWidth(1300);

        Label advice = new Label();
        advice.setId("card-advice");
        advice.textProperty().bind(model.advice());
        advice.setWrapText(true);
        advice.getStyleClass().add(model.checkable().get() ? "kiosk-advice" : "kiosk-error");
        advice.setMaxWidth(1300);

        Button checkIn = new Button("✔  " + words.text("kiosk.checkIn"));
        checkIn.setId("card-check-in");
        checkIn.getStyleClass().addAll("kiosk-button", "kiosk-primary");
        checkIn.setMinWidth(900);
        checkIn.disableProperty().bind(model.checkable().not().or(model.busy()));
        checkIn.visibleProperty().bind(model.checkable());
        checkIn.setOnAction(e -> model.checkIn());

        VBox body = new VBox(24, title, card, advice, checkIn, KioskView.messageLabel(model.message(), "card-message"));
        body.setAlignment(Pos.TOP_CENTER);
        body.getStyleClass().add("kiosk-body");
        return body;
    }

    static Node queue(KioskViewModel model, Consumer<KioskViewModel> print) {
        Wording words = model.words();
        KioskCrossingDto c = model.crossing().get();
        KioskQueueDto q = c.queue();
        Label title = new Label("✔  " + words.text("kiosk.queue.title"));
        title.getStyleClass().add("kiosk-title");
        title.setStyle("-fx-text-fill: #1c6a30;");

        Label numberName = new Label(words.text("kiosk.queue.number"));
        numberName.getStyleClass().add("kiosk-field-name");
        Label number = new Label(String.valueOf(q.queueNumber()));
        number.setId("queue-number");
        number.getStyleClass().add("kiosk-number");
        Label plate = new Label(c.tractorPlate());
        plate.setId("queue-plate");
        plate.getStyleClass().add("kiosk-plate");
        plate.setStyle("-fx-font-size: 40px;");
        VBox numberBox = new VBox(4, numberName, number, plate);
        numberBox.getStyleClass().add("kiosk-number-box");

        VBox facts = new VBox(
                18,
                fact(
                        "queue-position",
                        words.text("kiosk.queue.position"),
                        q.position() == null
                                ? words.text("kiosk.queue.notWaiting")
                                : words.text("kiosk.queue.ahead", q.position() - 1)),
                fact("queue-yard", words.text("kiosk.queue.yard"), q.yardName() + "  (" + q.yardCode() + ")"),
                fact(
                        "queue-lane",
                        words.text("kiosk.queue.lane"),
                        q.calledLane() == null ? words.text("kiosk.queue.noLane") : q.calledLane()));
        HBox main = new HBox(40, numberBox, facts);
        main.setAlignment(Pos.CENTER);

        Label when = new Label(words.text("kiosk.queue.checkedInAt", words.time(q.checkedInAt())));
        when.getStyleClass().add("kiosk-muted");

        Button printTicket = new Button(words.text("kiosk.queue.print"));
        printTicket.setId("queue-print");
        printTicket.getStyleClass().addAll("kiosk-button", "kiosk-primary");
        printTicket.setMinWidth(560);
        printTicket.disableProperty().bind(model.busy());
        printTicket.setOnAction(e -> print.accept(model));
        Button done = new Button(words.text("kiosk.queue.done"));
        done.setId("queue-done");
        done.getStyleClass().addAll("kiosk-button", "kiosk-secondary");
        done.setMinWidth(280);
        done.setMinHeight(96);
        done.setOnAction(e -> model.reset());
        HBox actions = new HBox(24, printTicket, done);
        actions.setAlignment(Pos.CENTER);

        Label message = KioskView.messageLabel(model.message(), "queue-message");
        message.getStyleClass().setAll("kiosk-ok"); // here mostly "printed" / "saved"
        VBox body = new VBox(24, title, main, when, actions, message);
        body.setAlignment(Pos.TOP_CENTER);
        body.getStyleClass().add("kiosk-body");
        return body;
    }

    private static void fact(GridPane grid, int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("kiosk-field-name");
        Label v = new Label(value == null ? "—" : value);
        v.getStyleClass().add("kiosk-field-value");
        v.setWrapText(true);
        grid.addRow(row, n, v);
    }

    private static Node fact(String id, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("kiosk-field-name");
        Label v = new Label(value);
        v.setId(id);
        v.getStyleClass().add("kiosk-fact-value");
        VBox box = new VBox(4, n, v);
        box.getStyleClass().add("kiosk-fact");
        return box;
    }
}
