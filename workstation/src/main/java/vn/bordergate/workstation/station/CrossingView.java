package vn.bordergate.workstation.station;

import java.time.Duration;
import java.time.Instant;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.station.CrossingViewModel.StepLine;
import vn.bordergate.workstation.text.Wording;

/**
 * The selected crossing: plates and trip facts on top, then the eight-step checklist with every agency's
 * state, officer and time. The officer's own steps are outlined and can be clicked to choose which one
 * the actions apply to; the others are there to be seen, not changed.
 */
final class CrossingView {
    private final CrossingViewModel model;
    private final Wording words;
    private final VBox card = new VBox();
    private final VBox checklist = new VBox();
    private final StackPane root;

    CrossingView(CrossingViewModel model, Wording words, Parent actions, Parent facts) {
        this.model = model;
        this.words = words;
        card.getStyleClass().addAll("panel", "crossing-card");
        checklist.setId("checklist");
        checklist.getStyleClass().add("checklist");
        // the numbered, agency-coloured rows explain themselves: no title above them, so all eight fit
        checklist.setAccessibleText(words.text("crossing.checklist"));
        VBox content = new VBox(8, card, facts, checklist);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox detail = new VBox(8, scroll, actions);
        detail.getStyleClass().add("detail-pane");

        Label none = new Label(words.text("crossing.none"));
        none.getStyleClass().add("muted");
        none.setStyle("-fx-font-size: 16px;");
        root = new StackPane(detail, none);
        root.setId("crossing-pane");
        detail.visibleProperty().bind(model.crossing().isNotNull());
        none.visibleProperty().bind(model.crossing().isNull());

        model.crossing().addListener((obs, before, now) -> drawCard(now));
        model.steps().addListener((ListChangeListener<StepLine>) change -> drawChecklist());
        drawCard(model.crossing().get());
        drawChecklist();
    }

    private void drawCard(CrossingDto c) {
        card.getChildren().clear();
        if (c == null) {
            return;
        }
        Label plate = new Label(c.tractorPlate());
        plate.setId("detail-plate");
        plate.getStyleClass().add("plate-big");
        HBox plates = new HBox(14, plate);
        plates.setAlignment(Pos.BASELINE_LEFT);
        if (c.trailerPlate() != null && !c.trailerPlate().isBlank()) {
            Label trailer = new Label(words.text("crossing.trailer", c.trailerPlate()));
            trailer.getStyleClass().add("plate-big-trailer");
            plates.getChildren().add(trailer);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label status = new Label(words.status(c.status()));
        status.setId("detail-status");
        status.getStyleClass().addAll("pill", Theme.statusClass(c.status()));
        status.setStyle("-fx-font-size: 14px;");
        plates.getChildren().addAll(gap, status);

        Label enterprise = new Label(c.enterpriseName());
        enterprise.getStyleClass().add("enterprise");
        enterprise.setWrapText(true);

        GridPane facts = new GridPane();
        facts.setHgap(26);
        facts.setVgap(1);
        int col = 0;
        col = fact(facts, col, words.text("crossing.declaration"), c.declarationCode());
        col = fact(facts, col, words.text("crossing.direction"), words.direction(c.direction()));
        col = fact(facts, col, words.text("crossing.driver"), c.driverName());
        col = fact(facts, col, words.text("crossing.weight"), words.weight(c.grossWeightKg()));
        col = fact(facts, col, words.text("crossing.yard"), c.yardCode());
        if (c.arrivedAt() != null) {
            String since = c.status().isOpen()
                    ? " (" + words.waited(Duration.between(c.arrivedAt(), Instant.now())) + ")"
                    : "";
            fact(facts, col, words.text("crossing.arrived"), words.time(c.arrivedAt()) + since);
        } else {
            fact(facts, col, words.text("crossing.expected"), words.time(c.expectedArrival()));
        }
        card.getChildren().addAll(plates, enterprise, facts);
    }

    private static int fact(GridPane facts, int col, String name, String value) {
        if (value == null || value.isBlank()) {
            return col;
        }
        Label label = new Label(name);
        label.getStyleClass().add("fact-name");
        Label text = new Label(value);
        text.getStyleClass().add("fact-value");
        facts.add(label, col, 0);
        facts.add(text, col, 1);
        return col + 1;
    }

    private void drawChecklist() {
        checklist.getChildren().clear();
        for (StepLine line : model.steps()) {
            checklist.getChildren().add(stepRow(line));
        }
    }

    private Node stepRow(StepLine line) {
        StepStatusDto s = line.status();
        String agencyClass = Theme.agencyClass(s.agency());
        Label number = new Label(String.valueOf(s.number()));
        number.getStyleClass().addAll("step-number", agencyClass);

        Label title = new Label(words.step(s.step()));
        title.getStyleClass().add("step-title");
        Label agency = new Label(words.agency(s.agency()));
        agency.getStyleClass().addAll("step-agency", agencyClass);
        HBox agencyLine = new HBox(8, agency);
        if (line.mine()) {
            Label mark = new Label("● " + words.text("crossing.mine"));
            mark.getStyleClass().add("mine-mark");
            agencyLine.getChildren().add(mark);
        }
        VBox what = new VBox(1, title, agencyLine);
        if (s.reason() != null && !s.reason().isBlank()) {
            Label reason = new Label("“" + s.reason() + "”");
            reason.getStyleClass().add("step-reason");
            reason.setWrapText(true);
            what.getChildren().add(reason);
        }
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMinWidth(120);

        Label state = new Label(words.state(s.state()));
        state.getStyleClass().addAll("pill", Theme.stateClass(s.state()));
        state.setId("step-state-" + s.step().name());
        state.setMinWidth(Region.USE_PREF_SIZE);

        VBox who = new VBox(1);
        who.setMinWidth(170);
        who.setPrefWidth(190);
        if (s.officer() != null) {
            Label officer = new Label(s.officer());
            officer.getStyleClass().add("step-officer");
            Label when = new Label(
                    s.stationCode() == null
                            ? words.time(s.decidedAt())
                            : words.text("crossing.officer", words.time(s.decidedAt()), s.stationCode()));
            when.getStyleClass().add("step-time");
            who.getChildren().addAll(officer, when);
        }
        who.setAlignment(Pos.CENTER_LEFT);

        VBox stateBox = new VBox(state);
        stateBox.setAlignment(Pos.CENTER_LEFT);
        stateBox.setMinWidth(120);
        HBox row = new HBox(number, what, stateBox, who);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("step-row");
        row.setId("step-row-" + s.step().name());
        if (line.mine()) {
            row.getStyleClass().add("own-step");
            row.setOnMouseClicked(e -> model.choose(s.step()));
        } else {
            row.getStyleClass().add("not-mine");
        }
        if (line.target()) {
            row.getStyleClass().add("target-step");
        }
        return row;
    }

    Parent root() {
        return root;
    }
}
