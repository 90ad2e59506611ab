package vn.bordergate.workstation.dashboard;

import java.time.InstantSource;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.util.Duration;
import vn.bordergate.common.event.GateEvent;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * The dashboard as the station opens it: built once, fed every event, and asking the server only while it
 * is on screen. While shown it also refreshes every 30 s, for what changes without an event (the hour
 * moving on, camera frame rates, a reconnect that missed events).
 */
public final class DashboardScreen {
    private static final Duration QUIET_REFRESH = Duration.seconds(30);

    private final DashboardViewModel model;
    private final DashboardView view;
    private final Timeline quiet;
    private boolean shown;

    public DashboardScreen(GateSession session, Wording words) {
        model = new DashboardViewModel(session, words, InstantSource.system(), (delay, work) -> {
            PauseTransition pause = new PauseTransition(Duration.millis(delay.toMillis()));
            pause.setOnFinished(e -> work.run());
            pause.play();
        });
        view = new DashboardView(model);
        quiet = new Timeline(new KeyFrame(QUIET_REFRESH, e -> model.refresh()));
        quiet.setCycleCount(Animation.INDEFINITE);
    }

    /** Whether {@code session} gets the dashboard at all (the shift supervisor). */
    public static boolean isFor(GateSession session) {
        return DashboardViewModel.isFor(session);
    }

    /** Every event from the gate; ignored while the dashboard is hidden (it loads afresh when shown). */
    public void onEvent(GateEvent event) {
        if (shown) {
            model.onEvent(event);
        }
    }

    public void show() {
        shown = true;
        model.load();
        quiet.play();
    }

    public void hide() {
        shown = false;
        quiet.stop();
    }

    public boolean isShown() {
        return shown;
    }

    public void refresh() {
        model.load();
    }

    public DashboardViewModel model() {
        return model;
    }

    public Parent root() {
        return view.root();
    }
}
