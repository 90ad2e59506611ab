package vn.bordergate.workstation.station;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.workstation.connection.ConnectionBadge;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.look.GateMark;
import vn.bordergate.workstation.look.Theme;
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

    public StationView(StationViewModel model, Wording words, Runnable onLogout) {
        this.model = model;
        GateSession session = model.session();
        Agency agency = session.agency().orElse(null);
        StepActionsView actions = new StepActionsView(model.crossing(), agency, words);
        slip = new SlipPrintAction(
                new SlipViewModel(session, words), model.crossing().crossing(), words);
        actions.addAction(slip.node());
        CrossingView crossing = new CrossingView(model.crossing(), words, actions.root());
        queue = new QueueView(model.queue(), model.activity(), model.crossing().crossing(), words, model::select);

        SplitPane split = new SplitPane(queue.root(), crossing.root());
        split.setDividerPositions(0.58);
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
            case F9 -> model.load();
            default -> {
                return false;
            }
        }
        return true;
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
        ConnectionBadge connection = new ConnectionBadge(model.connection());
        Button logout = new Button(words.text("header.logout"));
        logout.setId("logout");
        logout.setFocusTraversable(false);
        logout.setOnAction(e -> onLogout.run());

        HBox header = new HBox(brandBox, gap, agencyPill, who, connection, logout);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    private Parent statusBar(Wording words) {
        Label keys = new Label(words.text("shortcuts"));
        Label problem = new Label();
        problem.setId("load-error");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(model.loadError());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label where = new Label(model.session().address().toString());
        HBox bar = new HBox(keys, problem, gap, where);
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
