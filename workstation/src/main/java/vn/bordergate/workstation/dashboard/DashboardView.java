package vn.bordergate.workstation.dashboard;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.CongestionLevel;
import vn.bordergate.workstation.text.Wording;

/**
 * The supervisor's wall screen: congestion, yards and cameras down the left; throughput per hour across the
 * top right; the backlog per step and the overdue vehicles under it. Large type and few colours, so it reads
 * from across the room: colour says only the congestion level, a yard filling up, a held step, a camera down.
 */
public final class DashboardView {
    private static final String CSS = DashboardView.class
            .getResource("/vn/bordergate/workstation/dashboard/dashboard.css")
            .toExternalForm();

    private final BorderPane root = new BorderPane();
    private final DashboardViewModel model;

    public DashboardView(DashboardViewModel model) {
        this.model = model;
        Wording words = model.words();
        root.getStylesheets().add(CSS);
        root.getStyleClass().add("dashboard");
        root.setId("dashboard");

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(14);
        grid.setPadding(new Insets(14));
        ColumnConstraints left = new ColumnConstraints(420, 520, 560);
        ColumnConstraints middle = new ColumnConstraints();
        middle.setHgrow(Priority.ALWAYS);
        middle.setPercentWidth(-1);
        ColumnConstraints right = new ColumnConstraints(380, 470, 520);
        grid.getColumnConstraints().addAll(left, middle, right);
        RowConstraints top = new RowConstraints();
        top.setPercentHeight(50);
        RowConstraints bottom = new RowConstraints();
        bottom.setPercentHeight(50);
        grid.getRowConstraints().addAll(top, bottom);

        VBox leftColumn = new VBox(
                14,
                congestionTile(words),
                card(words.text("dashboard.yards"), new YardBars(model).root()),
                card(words.text("dashboard.cameras"), new CameraTiles(model).root()));
        VBox.setVgrow(leftColumn.getChildren().get(1), Priority.ALWAYS);
        grid.add(leftColumn, 0, 0, 1, 2);
        grid.add(card(words.text("dashboard.throughput"), new ThroughputChart(model).root()), 1, 0, 2, 1);
        grid.add(card(words.text("dashboard.backlog"), new BacklogChart(model).root()), 1, 1);
        grid.add(card(words.text("dashboard.overstays"), new OverstayList(model).root()), 2, 1);
        root.setCenter(grid);
        root.setTop(titleBar(words));
    }

    private Parent titleBar(Wording words) {
        Label title = new Label(words.text("dashboard.title"));
        title.getStyleClass().add("dash-title");
        Label gate = new Label();
        gate.getStyleClass().add("dash-gate");
        gate.textProperty().bind(model.gateName());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label error = new Label();
        error.setId("dashboard-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.error());
        Label updated = new Label();
        updated.setId("dashboard-updated");
        updated.getStyleClass().add("dash-updated");
        updated.textProperty().bind(model.updated());
        HBox bar = new HBox(16, title, gate, gap, error, updated);
        bar.setAlignment(Pos.BASELINE_LEFT);
        bar.setPadding(new Insets(12, 18, 0, 18));
        return bar;
    }

    private Node congestionTile(Wording words) {
        Label caption = new Label(words.text("dashboard.congestion"));
        caption.getStyleClass().add("congestion-caption");
        Label level = new Label();
        level.setId("congestion-level");
        level.getStyleClass().add("congestion-level");
        Label count = new Label();
        count.setId("vehicles-waiting");
        count.getStyleClass().add("congestion-count");
        Label unit = new Label(words.text("dashboard.waitingUnit"));
        unit.getStyleClass().add("congestion-unit");
        HBox figure = new HBox(12, count, unit);
        figure.setAlignment(Pos.BASELINE_LEFT);
        Label scale = new Label();
        scale.setId("congestion-thresholds");
        scale.getStyleClass().add("congestion-scale");
        scale.setWrapText(true);
        VBox tile = new VBox(4, caption, level, figure, scale);
        tile.setId("congestion-tile");
        tile.getStyleClass().addAll("congestion-tile", style(model.congestion().get()));
        Runnable show = () -> {
            CongestionLevel now = model.congestion().get();
            level.setText(words.text("dashboard.level." + now.name()));
            count.setText(String.format(words.locale(), "%,d", model.waiting().get()));
            scale.setText(model.thresholdText());
            tile.getStyleClass().removeIf(c -> c.startsWith("congestion-is-"));
            tile.getStyleClass().add(style(now));
        };
        model.congestion().addListener((o, a, b) -> show.run());
        model.waiting().addListener((o, a, b) -> show.run());
        model.thresholds().addListener((o, a, b) -> show.run());
        show.run();
        return tile;
    }

    private static String style(CongestionLevel level) {
        return "congestion-is-" + level.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A white card with a heading. */
    static VBox card(String heading, Node content) {
        Label title = new Label(heading);
        title.getStyleClass().add("card-title");
        VBox card = new VBox(8, title, content);
        card.getStyleClass().add("dash-card");
        VBox.setVgrow(content, Priority.ALWAYS);
        return card;
    }

    public Parent root() {
        return root;
    }
}
