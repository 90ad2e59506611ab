package vn.bordergate.workstation.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.TextFields;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.workstation.station.StationViewModel.Activity;
import vn.bordergate.workstation.text.Wording;

/** The vehicle queue: scope tabs with counts, direction and search filters, the table, recent activity. */
final class QueueView {
    private final VBox root;
    private final TableView<CrossingDto> table = new TableView<>();
    private final TextField search;
    private boolean syncing;

    QueueView(
            QueueViewModel model,
            ObservableList<Activity> activity,
            ReadOnlyObjectProperty<CrossingDto> shown,
            Wording words,
            Consumer<CrossingDto> onSelect) {
        Label title = new Label(words.text("queue.title"));
        title.getStyleClass().add("heading");
        Label shownCount = new Label();
        shownCount.getStyleClass().add("muted");
        shownCount
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> words.text(
                                "queue.shown",
                                model.shown().get(),
                                model.total().get()),
                        model.shown(),
                        model.total()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox titleLine = new HBox(12, title, gap, shownCount);
        titleLine.setAlignment(Pos.BASELINE_LEFT);

        SegmentedButton scopes = scopes(model, words);
        ComboBox<Direction> direction = directions(model, words);
        search = TextFields.createClearableTextField();
        search.setId("queue-search");
        search.setPromptText(words.text("queue.search"));
        search.getStyleClass().add("search-field");
        search.textProperty().bindBidirectional(model.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox filters = new HBox(10, direction, search);
        filters.setAlignment(Pos.CENTER_LEFT);

        buildTable(model, words);
        // While the rows change (an event replaced or re-sorted one), the table moves its selection by
        // index and may land on another vehicle: ignore that, then select the shown crossing again by id.
        // Listeners run in the order added, so these two bracket the table's own.
        model.rows().addListener((ListChangeListener<CrossingDto>) change -> syncing = true);
        table.setItems(model.rows());
        model.rows().addListener((ListChangeListener<CrossingDto>) change -> {
            syncing = false;
            keepSelected(shown.get());
        });
        model.rows().comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (!syncing && now != null) {
                onSelect.accept(now);
            }
        });
        shown.addListener((obs, before, now) -> {
            keepSelected(now);
            if (now != null && (before == null || before.id() != now.id())) {
                int row = table.getSelectionModel().getSelectedIndex();
                if (row >= 0) {
                    table.scrollTo(Math.max(0, row - 2)); // chosen elsewhere (search, start): bring it into view
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        ListView<Activity> recent = ActivityFeed.of(activity, words);
        Label recentTitle = new Label(words.text("activity.title"));
        recentTitle.getStyleClass().addAll("muted", "small");

        root = new VBox(10, titleLine, scopes, filters, table, recentTitle, recent);
        root.getStyleClass().add("queue-pane");

        // waiting times grow by themselves: redraw them every half minute
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(30), e -> table.refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        root.sceneProperty().addListener((obs, before, now) -> {
            if (now == null) {
                tick.stop(); // signed out: the screen is gone
            }
        });
    }

    private void keepSelected(CrossingDto shown) {
        if (shown == null) {
            return;
        }
        CrossingDto selected = table.getSelectionModel().getSelectedItem();
        if (selected != null && selected.id() == shown.id()) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).id() == shown.id()) {
                syncing = true;
                try {
                    table.getSelectionModel().clearAndSelect(i);
                } finally {
                    syncing = false;
                }
                return;
            }
        }
        syncing = true; // filtered out (e.g. no longer waiting for me): highlight nothing rather than a neighbour
        try {
            table.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private static SegmentedButton scopes(QueueViewModel model, Wording words) {
        SegmentedButton bar = new SegmentedButton();
        for (QueueScope scope : QueueScope.values()) {
            if (scope == QueueScope.MINE && model.agency() == null) {
                continue;
            }
            ToggleButton button = new ToggleButton();
            button.setId("scope-" + scope.name().toLowerCase());
            button.textProperty()
                    .bind(model.count(scope).map(n -> words.text("queue.scope." + scope.name()) + "  " + n.intValue()));
            button.setSelected(model.scope().get() == scope);
            button.setOnAction(e -> {
                model.scope().set(scope);
                button.setSelected(true); // a segmented bar always has one scope chosen
            });
            bar.getButtons().add(button);
        }
        bar.getStyleClass().add("scope-bar");
        return bar;
    }

    private static ComboBox<Direction> directions(QueueViewModel model, Wording words) {
        ComboBox<Direction> box = new ComboBox<>();
        box.setId("queue-direction");
        box.getItems().add(null);
        box.getItems().addAll(Direction.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return d == null ? words.text("queue.direction.all") : words.direction(d);
            }

            @Override
            public Direction fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(model.direction());
        box.setPrefHeight(34);
        return box;
    }

    private void buildTable(QueueViewModel model, Wording words) {
        Agency mine = model.agency();
        table.setId("queue-table");
        table.getStyleClass().add("queue-table");
        table.setRowFactory(QueueCells::row);
        table.setPlaceholder(new Label(words.text("queue.empty")));
        // only the company column flexes: the others hold exactly what they show
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        TableColumn<CrossingDto, CrossingDto> plate = fixed(words.text("queue.col.plate"), 126);
        plate.setCellFactory(c -> QueueCells.of(QueueCells::plate));
        plate.setComparator(Comparator.comparing(CrossingDto::tractorPlate));

        TableColumn<CrossingDto, CrossingDto> direction = fixed(words.text("queue.col.direction"), 92);
        direction.setCellFactory(c -> QueueCells.of(x -> new Label(words.directionShort(x.direction()))));
        direction.setComparator(Comparator.comparing(CrossingDto::direction));

        TableColumn<CrossingDto, CrossingDto> enterprise = column(words.text("queue.col.enterprise"), 240);
        enterprise.setCellFactory(c -> QueueCells.of(x -> QueueCells.enterprise(x, words)));
        enterprise.setComparator(Comparator.comparing(CrossingDto::enterpriseName));

        TableColumn<CrossingDto, CrossingDto> progress = fixed(words.text("queue.col.progress"), 122);
        progress.setCellFactory(c -> QueueCells.of(x -> QueueCells.progress(x, mine, words)));
        progress.setComparator(Comparator.comparingInt(QueueCells::passedCount));

        TableColumn<CrossingDto, CrossingDto> status = fixed(words.text("queue.col.status"), 126);
        status.setCellFactory(c -> QueueCells.of(x -> QueueCells.status(x, words)));
        status.setComparator(Comparator.comparing(CrossingDto::status));

        TableColumn<CrossingDto, CrossingDto> waiting = fixed(words.text("queue.col.waiting"), 80);
        waiting.setCellFactory(c -> QueueCells.of(x -> new Label(QueueCells.waiting(x, words, Instant.now()))));
        waiting.setComparator(Comparator.comparing(
                (CrossingDto x) -> x.arrivedAt() != null ? x.arrivedAt() : x.expectedArrival(),
                Comparator.nullsLast(Comparator.naturalOrder())));

        List<TableColumn<CrossingDto, ?>> columns = new ArrayList<>(List.of(plate, direction, enterprise));
        if (mine != null) { // an administrator has no step of its own
            TableColumn<CrossingDto, CrossingDto> myStep = fixed(words.text("queue.col.myStep"), 124);
            myStep.setId("col-my-step");
            myStep.setCellFactory(c -> QueueCells.of(x -> QueueCells.myStep(x, mine, words)));
            myStep.setComparator(Comparator.comparing(
                    (CrossingDto x) -> QueueCells.myStepOf(x, mine), Comparator.nullsLast(Comparator.naturalOrder())));
            columns.add(myStep);
        }
        columns.addAll(List.of(progress, status, waiting));
        table.getColumns().setAll(columns);
    }

    private static TableColumn<CrossingDto, CrossingDto> fixed(String title, double width) {
        TableColumn<CrossingDto, CrossingDto> column = column(title, width);
        column.setMinWidth(width);
        column.setMaxWidth(width);
        return column;
    }

    private static TableColumn<CrossingDto, CrossingDto> column(String title, double width) {
        TableColumn<CrossingDto, CrossingDto> column = new TableColumn<>(title);
        column.setCellValueFactory(row -> new SimpleObjectProperty<>(row.getValue()));
        column.setPrefWidth(width);
        return column;
    }

    /** Moves the cursor to the search box (Ctrl+F). */
    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    TableView<CrossingDto> table() {
        return table;
    }

    Parent root() {
        return root;
    }
}
