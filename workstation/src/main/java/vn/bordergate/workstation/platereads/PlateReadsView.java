package vn.bordergate.workstation.platereads;

import java.io.ByteArrayInputStream;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.workstation.text.Wording;

/**
 * The plate reads list: crop, plate, lane, time and confidence, and what it matched — a crossing, or
 * "needs officer" with the ranked candidates. Below it, for the gate management board, the correction
 * of the selected read (F8 puts the cursor there).
 */
public final class PlateReadsView {
    private static final double CROP_WIDTH = 84;
    private static final double CROP_HEIGHT = 28;

    private final PlateReadsViewModel model;
    private final Wording words;
    private final VBox root;
    private final ListView<PlateReadDto> list;
    private final TextField plate = new TextField();

    /** {@code openCrossing} shows a matched read's crossing in the detail pane. */
    public PlateReadsView(PlateReadsViewModel model, Wording words, LongConsumer openCrossing) {
        this.model = model;
        this.words = words;
        Label title = new Label(words.text("plates.title"));
        title.getStyleClass().add("heading");
        Label waiting = new Label();
        waiting.setId("plates-needs-officer");
        waiting.getStyleClass().addAll("pill", "state-held");
        waiting.textProperty().bind(model.needsOfficer().map(n -> words.text("plates.needsOfficerCount", n)));
        waiting.visibleProperty().bind(model.needsOfficer().greaterThan(0));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox heading = new HBox(10, title, gap, waiting);
        heading.setAlignment(Pos.CENTER_LEFT);

        list = new ListView<>(model.reads());
        list.setId("plate-reads");
        list.getStyleClass().add("plate-reads");
        list.setPlaceholder(new Label(words.text("plates.empty")));
        list.setCellFactory(v -> new ReadCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (now != null) {
                model.select(now);
            }
        });
        list.setOnMouseClicked(e -> {
            PlateReadDto read = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && read != null && read.crossingId() != null) {
                openCrossing.accept(read.crossingId());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        root = new VBox(8, heading, list, editor());
        root.getStyleClass().addAll("panel", "plate-pane");
        root.setId("plate-pane");
    }

    private Node editor() {
        if (!model.canCorrect()) {
            Label readOnly = new Label(words.text("plates.readOnly"));
            readOnly.getStyleClass().addAll("muted", "small");
            readOnly.setWrapText(true);
            return readOnly;
        }
        plate.setId("plate-correction");
        plate.getStyleClass().add("plate-field");
        plate.setPromptText(words.text("plates.correct.prompt"));
        plate.textProperty().bindBidirectional(model.plate());
        plate.setOnAction(e -> model.correct());
        HBox.setHgrow(plate, Priority.ALWAYS);
        Label cap = new Label("F8");
        cap.getStyleClass().add("key-cap");
        Button correct = new Button(words.text("plates.correct.button"), cap);
        correct.setId("plate-correct");
        correct.getStyleClass().addAll("action-button", "action-correct");
        correct.setMinWidth(Region.USE_PREF_SIZE);
        correct.disableProperty()
                .bind(model.selected()
                        .isNull()
                        .or(model.busy())
                        .or(model.plateProblem().isNotEmpty()));
        correct.setOnAction(e -> model.correct());
        HBox line = new HBox(8, plate, correct);
        line.setAlignment(Pos.CENTER_LEFT);

        FlowPane candidates = new FlowPane(6, 4);
        candidates.setId("plate-candidates");
        model.selected().addListener((obs, before, now) -> drawCandidates(candidates, now));

        Label outcome = new Label();
        outcome.setId("plate-result");
        outcome.setWrapText(true);
        outcome.textProperty()
                .bind(Bindings.when(model.error().isNotEmpty())
                        .then(model.error())
                        .otherwise(Bindings.when(model.plateProblem()
                                        .isNotEmpty()
                                        .and(model.selected().isNotNull()))
                                .then(model.plateProblem())
                                .otherwise(model.result())));
        outcome.getStyleClass().add("ok-text");
        model.error().addListener((obs, before, now) -> styleOutcome(outcome));
        model.plateProblem().addListener((obs, before, now) -> styleOutcome(outcome));

        VBox box = new VBox(6, line, candidates, outcome);
        box.getStyleClass().add("plate-editor");
        box.disableProperty().bind(model.selected().isNull());
        return box;
    }

    private void styleOutcome(Label outcome) {
        boolean problem =
                !model.error().get().isEmpty() || !model.plateProblem().get().isEmpty();
        outcome.getStyleClass().removeAll("error-text", "ok-text");
        outcome.getStyleClass().add(problem ? "error-text" : "ok-text");
    }

    private void drawCandidates(FlowPane pane, PlateReadDto read) {
        pane.getChildren().clear();
        if (read == null || read.candidates() == null || read.candidates().isEmpty() || read.crossingId() != null) {
            return;
        }
        Label intro = new Label(words.text("plates.candidates"));
        intro.getStyleClass().addAll("muted", "small");
        pane.getChildren().add(intro);
        int rank = 1;
        for (MatchCandidateDto candidate : read.candidates()) {
            Button pick = new Button(rank + ". " + candidate.plate());
            pick.setId("candidate-" + candidate.crossingId());
            pick.getStyleClass().add("candidate");
            pick.setOnAction(e -> model.assign(candidate));
            pane.getChildren().add(pick);
            rank++;
        }
    }

    /** Puts the cursor in the correction field (F8), with the selected read's plate ready to edit. */
    public void focusCorrection() {
        if (list.getSelectionModel().getSelectedItem() == null
                && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
        if (model.canCorrect()) {
            plate.requestFocus();
            plate.selectAll();
        }
    }

    public ListView<PlateReadDto> list() {
        return list;
    }

    public VBox root() {
        return root;
    }

    /** One read: crop, plate and where it was read, and what it matched. */
    private final class ReadCell extends ListCell<PlateReadDto> {
        ReadCell() {
            setPrefWidth(0); // as wide as the list, never wider: no sideways scrolling
        }

        @Override
        protected void updateItem(PlateReadDto read, boolean empty) {
            super.updateItem(read, empty);
            if (empty || read == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(read.text());
            text.getStyleClass().add("plate");
            Label where = new Label(words.text(
                    "plates.where",
                    read.laneCode() == null ? read.cameraCode() : read.laneCode(),
                    words.time(read.readAt()),
                    model.confidence(read)));
            where.getStyleClass().addAll("muted", "small");
            VBox what = new VBox(1, text, where);
            what.setMinWidth(0);
            HBox.setHgrow(what, Priority.ALWAYS);
            HBox row = new HBox(10, crop(read), what, match(read));
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }

        private Node crop(PlateReadDto read) {
            Label none = new Label(words.text("plates.noCrop"));
            none.getStyleClass().add("crop-none");
            StackPane frame = new StackPane(none);
            frame.getStyleClass().add("crop-frame");
            frame.setMinSize(CROP_WIDTH, CROP_HEIGHT);
            frame.setMaxSize(CROP_WIDTH, CROP_HEIGHT);
            model.crop(read.id())
                    .thenAccept(bytes -> bytes.ifPresent(jpeg -> {
                        Image image = new Image(new ByteArrayInputStream(jpeg));
                        if (!image.isError() && getItem() != null && getItem().id() == read.id()) {
                            ImageView view = new ImageView(image);
                            view.setFitWidth(CROP_WIDTH);
                            view.setFitHeight(CROP_HEIGHT);
                            view.setPreserveRatio(true);
                            frame.getChildren().setAll(view);
                        }
                    }));
            return frame;
        }

        private Node match(PlateReadDto read) {
            Label state;
            if (read.crossingId() != null) {
                String key = read.matchStatus() == MatchStatus.CORRECTED ? "plates.corrected" : "plates.matched";
                state = new Label(words.text(key, read.crossingId()));
                state.getStyleClass().addAll("pill", "state-passed");
            } else {
                int count = read.candidates() == null ? 0 : read.candidates().size();
                state = new Label(
                        count == 0
                                ? words.text("plates.needsOfficer")
                                : words.text("plates.needsOfficerRanked", count));
                state.getStyleClass().addAll("pill", "state-held");
            }
            state.setMinWidth(Region.USE_PREF_SIZE);
            state.setId("read-state-" + read.id());
            return state;
        }
    }
}
