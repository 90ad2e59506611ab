package vn.bordergate.workstation.feeds;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BackgroundImage;
import javafx.scene.layout.BackgroundPosition;
import javafx.scene.layout.BackgroundRepeat;
import javafx.scene.layout.BackgroundSize;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;
import vn.bordergate.workstation.feeds.FeedTileViewModel.FeedState;
import vn.bordergate.workstation.text.Wording;

/** The camera wall: a 1, 2 or 4 tile grid of live lane pictures with name, frame rate and state on top. */
public final class FeedWallView {
    private static final Color TILE_COLOUR = Color.web("#0e1722");

    private final FeedWallViewModel<Image> model;
    private final Wording words;
    private final GridPane grid = new GridPane();
    private final VBox root;

    public FeedWallView(FeedWallViewModel<Image> model, Wording words) {
        this.model = model;
        this.words = words;
        Label title = new Label(words.text("feeds.title"));
        title.getStyleClass().add("heading");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        SegmentedButton layouts = new SegmentedButton();
        for (int n : FeedWallViewModel.LAYOUTS) {
            ToggleButton button = new ToggleButton(words.text("feeds.layout", n));
            button.setId("feeds-layout-" + n);
            button.setSelected(model.layout().get() == n);
            button.setFocusTraversable(false);
            button.setOnAction(e -> {
                model.layout().set(n);
                button.setSelected(true);
            });
            model.layout().addListener((obs, before, now) -> button.setSelected(now.intValue() == n));
            layouts.getButtons().add(button);
        }
        layouts.getStyleClass().add("layout-bar");
        HBox heading = new HBox(10, title, gap, layouts);
        heading.setAlignment(Pos.CENTER_LEFT);

        grid.setId("feed-grid");
        grid.setHgap(6);
        grid.setVgap(6);
        VBox.setVgrow(grid, Priority.ALWAYS);
        model.tiles().addListener((ListChangeListener<FeedTileViewModel<Image>>) c -> layoutTiles());
        model.layout().addListener((obs, before, now) -> layoutTiles());
        layoutTiles();

        root = new VBox(8, heading, grid);
        root.getStyleClass().addAll("panel", "feed-pane");
        root.setId("feed-pane");

        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick(Instant.now())));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        root.sceneProperty().addListener((obs, before, now) -> {
            if (now == null) {
                tick.stop();
            }
        });
    }

    /** Decodes a preview frame off the FX thread (JavaFX images may be built on any thread). */
    public static Image decode(byte[] jpeg) {
        Image image = new Image(new ByteArrayInputStream(jpeg));
        return image.isError() ? null : image;
    }

    private void layoutTiles() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        List<FeedTileViewModel<Image>> shown = model.shown();
        if (shown.isEmpty()) {
            Label none = new Label(words.text("feeds.none"));
            none.getStyleClass().add("feed-none");
            StackPane empty = tileFrame(none);
            grid.add(empty, 0, 0);
            stretch(1, 1);
            return;
        }
        int columns = shown.size() == 1 ? 1 : 2;
        int rows = (shown.size() + columns - 1) / columns;
        for (int i = 0; i < shown.size(); i++) {
            grid.add(tile(shown.get(i)), i % columns, i / columns);
        }
        stretch(columns, rows);
    }

    private void stretch(int columns, int rows) {
        for (int c = 0; c < columns; c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(100.0 / rows);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
    }

    private StackPane tileFrame(Node... content) {
        StackPane frame = new StackPane(content);
        frame.getStyleClass().add("feed-tile");
        frame.setBackground(picture(null));
        frame.setMinSize(120, 80);
        frame.setPrefSize(320, 180);
        return frame;
    }

    private Node tile(FeedTileViewModel<Image> tile) {
        Label name = new Label(tile.title());
        name.getStyleClass().add("feed-name");
        Circle dot = new Circle(5);
        dot.getStyleClass().add("feed-dot");
        Label state = new Label();
        state.getStyleClass().add("feed-state");
        state.setId("feed-state-" + tile.cameraCode());
        state.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> tile.state().get() == FeedState.LIVE
                                ? words.text(
                                        "feeds.live",
                                        String.format(
                                                words.locale(),
                                                "%.0f",
                                                tile.fps().get()))
                                : words.text("feeds.state." + tile.state().get().name()),
                        tile.state(),
                        tile.fps()));
        state.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        HBox badge = new HBox(6, dot, state);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        badge.setAlignment(Pos.CENTER_LEFT);
        badge.getStyleClass().add("feed-badge");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, name, gap, badge);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("feed-top");
        StackPane.setAlignment(top, Pos.TOP_CENTER);
        top.setMaxHeight(Region.USE_PREF_SIZE);

        Label plate = new Label();
        plate.getStyleClass().add("feed-plate");
        plate.setId("feed-plate-" + tile.cameraCode());
        plate.textProperty().bind(tile.lastPlate().map(p -> p.isEmpty() ? "" : words.text("feeds.lastPlate", p)));
        plate.visibleProperty().bind(tile.lastPlate().isNotEmpty());
        StackPane.setAlignment(plate, Pos.BOTTOM_LEFT);
        StackPane.setMargin(plate, new Insets(0, 0, 8, 8));

        Label offline = new Label();
        offline.getStyleClass().add("feed-offline");
        offline.textProperty()
                .bind(tile.state()
                        .map(s -> s == FeedState.CONNECTING
                                ? words.text("feeds.connecting")
                                : words.text("feeds.offline")));
        offline.visibleProperty()
                .bind(tile.state().isNotEqualTo(FeedState.LIVE).or(tile.frame().isNull()));

        StackPane frame = tileFrame(offline, top, plate);
        frame.setId("feed-tile-" + tile.cameraCode());
        // the picture is the tile's background, scaled to fit: the tile's size never depends on the frame's
        tile.frame().addListener((obs, before, now) -> frame.setBackground(picture(now)));
        frame.setBackground(picture(tile.frame().get()));
        tile.state().addListener((obs, before, now) -> styleState(frame, now));
        styleState(frame, tile.state().get());
        return frame;
    }

    private static Background picture(Image image) {
        BackgroundFill dark = new BackgroundFill(TILE_COLOUR, new CornerRadii(6), Insets.EMPTY);
        if (image == null) {
            return new Background(dark);
        }
        BackgroundImage fitted = new BackgroundImage(
                image,
                BackgroundRepeat.NO_REPEAT,
                BackgroundRepeat.NO_REPEAT,
                BackgroundPosition.CENTER,
                new BackgroundSize(100, 100, true, true, true, false));
        return new Background(List.of(dark), List.of(fitted));
    }

    private static void styleState(StackPane frame, FeedState state) {
        frame.getStyleClass().removeAll("feed-live", "feed-connecting", "feed-offline-tile");
        frame.getStyleClass()
                .add(
                        switch (state) {
                            case LIVE -> "feed-live";
                            case CONNECTING -> "feed-connecting";
                            case OFFLINE -> "feed-offline-tile";
                        });
    }

    public Parent root() {
        return root;
    }
}
