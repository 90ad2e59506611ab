package vn.bordergate.workstation.station;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.workstation.barrier.BarrierViewModel;
import vn.bordergate.workstation.connection.ConnectionBadge;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.dashboard.DashboardScreen;
import vn.bordergate.workstation.feeds.FeedWallView;
import vn.bordergate.workstation.feeds.FeedWallViewModel;
import vn.bordergate.workstation.look.GateMark;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.outbox.OutboxIndicator;
import vn.bordergate.workstation.outbox.OutboxMarks;
import vn.bordergate.workstation.platereads.PlateReadsView;
import vn.bordergate.workstation.slip.SlipPrintAction;
import vn.bordergate.workstation.slip.SlipViewModel;
import vn.bordergate.workstation.text.Wording;

/**
 * The station screen: who is working (agency, officer, station) and whether the screen is live along the
 * top, the queue on the left, the selected crossing and the officer's actions on the right, the keyboard
 * shortcuts along the bottom. Function keys work wherever the cursor is.
 */
public final class StationView {
    private final BorderPane root = new BorderPane();
    private final StationViewModel model;
    private final QueueView queue;
    private final SlipPrintAction slip;
    private final FeedWallViewModel<Image> feeds;
    private final PlateReadsView plates;
    private final BarrierViewModel barrier;
    /** The supervisor's live dashboard, shown instead of the station (F12); null for other accounts. */
    private final DashboardScreen dashboard;

    private SplitPane station;
    private Button dashboardButton;
    private final Wording words;

    public StationView(
            StationViewModel model,
            FeedWallViewModel<Image> feeds,
            BarrierViewModel barrier,
            Wording words,
            Runnable onLogout) {
        this.model = model;
        this.feeds = feeds;
        this.barrier = barrier;
        this.words = words;
        GateSession session = model.session();
        dashboard = DashboardScreen.isFor(session) ? new DashboardScreen(session, words) : null;
        if (dashboard != null) {
            model.alsoTell(dashboard::onEvent);
        }
        Agency agency = session.agency().orElse(null);
        StepActionsView actions = new StepActionsView(model.crossing(), agency, words);
        slip = new SlipPrintAction(
                new SlipViewModel(session, words), model.crossing().crossing(), words);
        actions.addAction(slip.node());
        CrossingFactsView facts = new CrossingFactsView(model.facts(), words);
        LaneControlsView lane = new LaneControlsView(model.calls(), barrier, words);
        VBox decisions = new VBox(8, actions.root(), lane.root());
        CrossingView crossing = new CrossingView(model.crossing(), words, decisions, facts.root());
        queue = new QueueView(model.queue(), model.activity(), model.crossing().crossing(), words, model::select);
        plates = new PlateReadsView(model.plateReads(), words, model::show);
        FeedWallView wall = new FeedWallView(feeds, words);
        OutboxMarks.decorate(queue.table(), model.outbox());

        // what the cameras see and read on top, the queue under it, the selected crossing on the right
        HBox lanes = new HBox(8, wall.root(), plates.root());
        HBox.setHgrow(wall.root(), Priority.ALWAYS);
        plates.root().setMinWidth(330);
        plates.root().setPrefWidth(450);
        plates.root().setMaxWidth(480);
        lanes.getStyleClass().add("lanes-pane");
        SplitPane left = new SplitPane(lanes, queue.root());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.42);
        SplitPane split = new SplitPane(left, crossing.root());
        split.setDividerPositions(0.6);
        station = split;
        root.setTop(header(session, words, onLogout));
        root.setCenter(split);
        root.setBottom(statusBar(words));
        root.setId("station");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (shortcut(e, actions)) {
                e.consume();
            }
        });
    }

    private boolean shortcut(KeyEvent e, StepActionsView actions) {
        if (dashboard != null && (e.getCode() == KeyCode.F12 || dashboard.isShown())) {
            return dashboardShortcut(e.getCode());
        }
        CrossingViewModel crossing = model.crossing();
        if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
            queue.focusSearch();
            return true;
        }
        if (e.getCode() == KeyCode.P && e.isShortcutDown()) {
            slip.print(root.getScene().getWindow());
            return true;
        }
        switch (e.getCode()) {
            case F2 -> crossing.confirm();
            case F3 -> actions.holdOrAsk(crossing);
            case F4 -> actions.rejectOrAsk(crossing);
            case F5 -> crossing.releaseHold();
            case F6 -> model.calls().callNext();
            case F7 -> barrier.open();
            case F8 -> plates.focusCorrection();
            case F9 -> model.load();
            case DIGIT1, DIGIT2, DIGIT4 -> {
                if (!e.isShortcutDown()) {
                    return false;
                }
                feeds.layout()
                        .set(Integer.parseInt(
                                e.getText().isEmpty() ? e.getCode().getName() : e.getText()));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean dashboardShortcut(KeyCode key) {
        switch (key) {
            case F12 -> toggleDashboard();
            case F9 -> dashboard.refresh();
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Swaps the station for the dashboard and back; the station keeps its state meanwhile. */
    public void toggleDashboard() {
        if (dashboard.isShown()) {
            dashboard.hide();
            root.setCenter(station);
            station.requestFocus();
        } else {
            root.setCenter(dashboard.root());
            dashboard.show();
            dashboard.root().requestFocus(); // keys (F12, F9) reach the station's filter only from inside it
        }
        dashboardButton.setText(words.text(dashboard.isShown() ? "dashboard.back" : "dashboard.button"));
    }

    private Parent header(GateSession session, Wording words, Runnable onLogout) {
        Label brand = new Label(words.text("app.title"));
        brand.getStyleClass().add("brand-small");
        Label site = new Label(words.text("app.site"));
        site.getStyleClass().add("site");
        VBox brandText = new VBox(0, brand, site);
        HBox brandBox = new HBox(10, GateMark.of(36), brandText);
        brandBox.setAlignment(Pos.CENTER_LEFT);

        Agency agency = session.agency().orElse(null);
        Label agencyPill = new Label(words.agency(agency));
        agencyPill.setId("header-agency");
        agencyPill.getStyleClass().addAll("agency-pill", Theme.agencyClass(agency));

        UserDto user = session.user();
        Label officer = new Label(user.displayName() != null ? user.displayName() : user.username());
        officer.setId("header-officer");
        officer.getStyleClass().add("officer");
        String station = session.station()
                .map(s -> s.name() + " (" + s.code() + ")")
                .orElse(session.stationCode() == null ? "" : words.text("header.station", session.stationCode()));
        String detail = words.role(session.role())
                + (station.isEmpty() ? "" : "  ·  " + station)
                + (agency == null ? "  ·  " + words.text("header.readOnly") : "");
        Label officerDetail = new Label(detail);
        officerDetail.setId("header-station");
        officerDetail.getStyleClass().add("officer-detail");
        VBox who = new VBox(1, officer, officerDetail);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label lastCall = new Label();
        lastCall.setId("last-call");
        lastCall.getStyleClass().add("call-pill");
        lastCall.textProperty().bind(model.calls().lastCall());
        lastCall.visibleProperty().bind(model.calls().lastCall().isNotEmpty());
        lastCall.managedProperty().bind(lastCall.visibleProperty());
        ConnectionBadge connection = new ConnectionBadge(model.connection());
        Button logout = new Button(words.text("header.logout"));
        logout.setId("logout");
        logout.setFocusTraversable(false);
        logout.setOnAction(e -> onLogout.run());

        HBox header = new HBox(brandBox, gap, lastCall, agencyPill, who, connection, logout);
        if (dashboard != null) {
            dashboardButton = new Button(words.text("dashboard.button"));
            dashboardButton.setId("dashboard-toggle");
            dashboardButton.setFocusTraversable(false);
            dashboardButton.setOnAction(e -> toggleDashboard());
            header.getChildren().add(header.getChildren().indexOf(agencyPill), dashboardButton);
        }
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    private Parent statusBar(Wording words) {
        Label keys = new Label(words.text("shortcuts"));
        Label more = new Label(
                words.text("shortcuts.station") + (dashboard == null ? "" : " · " + words.text("shortcuts.dashboard")));
        more.setId("shortcuts-station");
        Label problem = new Label();
        problem.setId("load-error");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(model.loadError());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label where = new Label(model.session().address().toString());
        OutboxIndicator outbox = new OutboxIndicator(model.outbox(), words);
        HBox bar = new HBox(keys, more, problem, gap, outbox.node(), where);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Selects the first vehicle in the queue when none is shown yet (after the first load). */
    public void selectFirst() {
        if (model.crossing().crossing().get() == null
                && !queue.table().getItems().isEmpty()) {
            queue.table().getSelectionModel().select(0);
        }
    }

    public Parent root() {
        return root;
    }
}
