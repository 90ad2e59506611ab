package vn.bordergate.workstation.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.bordergate.common.dto.CameraDto;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.LaneDto;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;
import vn.bordergate.common.event.GateEvent;
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * The camera wall: one tile per lane camera, running ones first; the layout shows 1, 2 or 4 of them and
 * only the shown ones stream. The view calls {@link #tick} once a second: stale or dropped streams are
 * reopened with a growing pause, and every few seconds the cameras' frame rates are fetched.
 *
 * @param <F> the decoded picture (a JavaFX image in the workstation)
 */
public final class FeedWallViewModel<F> {
    public static final List<Integer> LAYOUTS = List.of(1, 2, 4);
    static final int METRICS_EVERY_TICKS = 3;

    private final GateSession session;
    private final Wording words;
    private final Executor ui;
    private final Function<byte[], F> decoder;
    private final PreviewStream.Opener opener;
    private final ObservableList<FeedTileViewModel<F>> tiles = FXCollections.observableArrayList();
    private final ObservableList<FeedTileViewModel<F>> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final IntegerProperty layout = new SimpleIntegerProperty(this, "layout", 2);
    private int ticks;
    private boolean closed;

    /** What the server knows about its cameras, fetched in one go. */
    private record Cameras(List<CameraDto> cameras, List<CameraMetricsDto> metrics, List<LaneDto> lanes) {}

    public FeedWallViewModel(
            GateSession session, Wording words, Executor ui, Function<byte[], F> decoder, PreviewStream.Opener opener) {
        this.session = session;
        this.words = words;
        this.ui = ui;
        this.decoder = decoder;
        this.opener = opener;
        layout.addListener((obs, before, now) -> {
            if (!LAYOUTS.contains(now.intValue())) {
                layout.set(before.intValue());
            } else {
                hideUnshown();
                tick(Instant.now());
            }
        });
    }

    /** Fetches the cameras and starts the shown tiles' streams. */
    public CompletableFuture<Void> load() {
        return session.ask(gate -> new Cameras(
                        gate.anpr().cameras(),
                        gate.anpr().cameraMetrics(),
                        gate.site().lanes()))
                .handle((found, failure) -> {
                    if (failure == null && !closed) {
                        build(found);
                        tick(Instant.now());
                    }
                    return null;
                });
    }

    private void build(Cameras found) {
        Map<String, CameraMetricsDto> running =
                found.metrics().stream().collect(Collectors.toMap(CameraMetricsDto::cameraCode, m -> m, (a, b) -> a));
        Map<String, LaneDto> lanes =
                found.lanes().stream().collect(Collectors.toMap(LaneDto::code, l -> l, (a, b) -> a));
        List<String> codes = new ArrayList<>(running.keySet());
        found.cameras().stream()
                .filter(CameraDto::enabled)
                .map(CameraDto::code)
                .filter(code -> !codes.contains(code))
                .forEach(codes::add);
        codes.sort(Comparator.comparing((String code) -> !running.containsKey(code))
                .thenComparing(Comparator.naturalOrder()));
        List<FeedTileViewModel<F>> built = new ArrayList<>();
        for (String code : codes) {
            String lane = found.cameras().stream()
                    .filter(c -> c.code().equals(code))
                    .map(CameraDto::laneCode)
                    .findFirst()
                    .orElse(Optional.ofNullable(running.get(code))
                            .map(CameraMetricsDto::laneCode)
                            .orElse(null));
            FeedTileViewModel<F> tile = new FeedTileViewModel<>(code, title(code, lanes.get(lane)), ui, decoder);
            CameraMetricsDto m = running.get(code);
            tile.cameraState(
                    m == null || down(m.state()), m == null ? 0 : m.fps(), m == null ? "not running" : m.detail());
            built.add(tile);
        }
        tiles.setAll(built);
    }

    private String title(String code, LaneDto lane) {
        return lane == null
                ? code
                : words.text("feeds.tile.title", code, lane.code(), words.directionShort(lane.direction()));
    }

    /** Once a second (the view's timer): reopens what is due, and now and then refreshes the metrics. */
    public void tick(Instant now) {
        if (closed) {
            return;
        }
        List<FeedTileViewModel<F>> shown = shown();
        for (FeedTileViewModel<F> tile : shown) {
            if (tile.due(now)) {
                open(tile, now);
            }
        }
        if (++ticks % METRICS_EVERY_TICKS == 0 && !tiles.isEmpty()) {
            session.ask(gate -> gate.anpr().cameraMetrics()).thenAccept(this::metrics);
        }
    }

    private void open(FeedTileViewModel<F> tile, Instant now) {
        PreviewStream.Sink sink = tile.sink(now);
        int attempt = tile.attempt();
        session.ask(gate -> opener.open(gate.baseUri(), gate.token(), tile.cameraCode(), sink))
                .whenComplete((stream, failure) -> {
                    if (failure != null) {
                        tile.dropped(attempt, words.problem(failure));
                    } else if (closed) {
                        tile.opened(attempt, stream);
                        tile.stop();
                    } else {
                        tile.opened(attempt, stream);
                    }
                });
    }

    void metrics(List<CameraMetricsDto> metrics) {
        runningFirst(metrics);
        for (FeedTileViewModel<F> tile : tiles) {
            Optional<CameraMetricsDto> m = metrics.stream()
                    .filter(x -> x.cameraCode().equals(tile.cameraCode()))
                    .findFirst();
            tile.cameraState(
                    m.map(x -> down(x.state())).orElse(true),
                    m.map(CameraMetricsDto::fps).orElse(0.0),
                    m.map(CameraMetricsDto::detail).orElse("not running"));
        }
    }

    /** A camera that started since the wall was built moves ahead of the ones that don't run. */
    private void runningFirst(List<CameraMetricsDto> metrics) {
        List<String> running = metrics.stream()
                .filter(m -> !down(m.state()))
                .map(CameraMetricsDto::cameraCode)
                .toList();
        List<FeedTileViewModel<F>> ordered = new ArrayList<>(tiles);
        ordered.sort(Comparator.comparing((FeedTileViewModel<F> t) -> !running.contains(t.cameraCode())));
        if (!ordered.equals(tiles)) {
            tiles.setAll(ordered);
            hideUnshown();
        }
    }

    /** Camera status changes and plate reads, from the live events (ui thread). */
    public void onEvent(GateEvent event) {
        if (event instanceof CameraStatusEvent status) {
            tile(status.cameraCode())
                    .ifPresent(t -> t.cameraState(down(status.state()), status.fps(), status.detail()));
        } else if (event instanceof PlateReadEvent read && read.read().pairedReadId() == null) {
            tile(read.read().cameraCode())
                    .ifPresent(t -> t.plateRead(read.read().text()));
        }
    }

    private static boolean down(CameraState state) {
        return state == CameraState.RECONNECTING || state == CameraState.STOPPED;
    }

    private Optional<FeedTileViewModel<F>> tile(String cameraCode) {
        return tiles.stream().filter(t -> t.cameraCode().equals(cameraCode)).findFirst();
    }

    /** The tiles the layout shows now, first ones first. */
    public List<FeedTileViewModel<F>> shown() {
        return List.copyOf(tiles.subList(0, Math.min(layout.get(), tiles.size())));
    }

    private void hideUnshown() {
        for (int i = layout.get(); i < tiles.size(); i++) {
            tiles.get(i).hide();
        }
    }

    /** The next layout: 1 → 2 → 4 → 1. */
    public void nextLayout() {
        int at = LAYOUTS.indexOf(layout.get());
        layout.set(LAYOUTS.get((at + 1) % LAYOUTS.size()));
    }

    /** Stops every stream (signing out). */
    public void close() {
        closed = true;
        tiles.forEach(FeedTileViewModel::stop);
    }

    public ObservableList<FeedTileViewModel<F>> tiles() {
        return tilesView;
    }

    /** How many tiles show: 1, 2 or 4. */
    public IntegerProperty layout() {
        return layout;
    }
}
