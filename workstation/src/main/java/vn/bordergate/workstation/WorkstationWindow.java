package vn.bordergate.workstation;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import vn.bordergate.workstation.barrier.BarrierViewModel;
import vn.bordergate.workstation.barrier.GateBarrier;
import vn.bordergate.workstation.barrier.SimulatedBarrier;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.connection.LiveEvents;
import vn.bordergate.workstation.feeds.FeedWallView;
import vn.bordergate.workstation.feeds.FeedWallViewModel;
import vn.bordergate.workstation.feeds.PreviewStream;
import vn.bordergate.workstation.login.LoginView;
import vn.bordergate.workstation.login.LoginViewModel;
import vn.bordergate.workstation.look.GateMark;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.station.StationView;
import vn.bordergate.workstation.station.StationViewModel;
import vn.bordergate.workstation.text.Wording;

/**
 * The one window: the login screen, then the station; signing out goes back to the login screen. Also
 * the place where each screen's view model is wired to the gate and to the live events.
 */
public final class WorkstationWindow {
    private final Stage stage;
    private final GateStartup gate;
    private final BackgroundWork work;
    private final Executor fx;
    private Scene scene;
    private LiveEvents events;
    private Wording words;
    private LoginViewModel login;
    private StationViewModel station;
    private StationView stationView;
    private FeedWallViewModel<Image> feeds;
    private BarrierViewModel barrier;
    private final GateBarrier gateBarrier;

    public WorkstationWindow(Stage stage, GateStartup gate, BackgroundWork work, Executor fx) {
        this.stage = stage;
        this.gate = gate;
        this.work = work;
        this.fx = fx;
        stage.getIcons().setAll(GateMark.image(64), GateMark.image(32));
        // no lane controller is wired to this workstation: the barrier is simulated (logs, closes after 8 s)
        this.gateBarrier = new SimulatedBarrier(work, Duration.ofSeconds(8));
    }

    public void showLogin(Locale language) {
        stopEvents();
        station = null;
        stationView = null;
        words = Wording.of(language);
        login = new LoginViewModel(gate, work, words);
        LoginView view = new LoginView(login, words, gate.isEmbedded(), this::showLogin);
        login.session().addListener((obs, before, session) -> {
            if (session != null) {
                showStation(session);
            }
        });
        show(view.root());
        stage.setTitle(words.text("app.title") + " — " + words.text("app.site"));
        view.focus();
    }

    public void showStation(GateSession session) {
        login = null;
        station = new StationViewModel(session, words);
        feeds = new FeedWallViewModel<>(session, words, fx, FeedWallView::decode, PreviewStream.opener());
        station.alsoTell(feeds::onEvent);
        barrier = new BarrierViewModel(
                session,
                words,
                gateBarrier,
                fx,
                station.crossing().crossing(),
                station.calls().laneCode());
        stationView = new StationView(station, feeds, barrier, words, () -> showLogin(words.locale()));
        show(stationView.root());
        StationView shown = stationView;
        station.load().thenRun(shown::selectFirst);
        feeds.load();
        events = new LiveEvents(session, work, fx, station);
        events.start();
    }

    private void show(Parent root) {
        if (scene == null) {
            scene = new Scene(root);
            stage.setScene(scene);
        } else {
            scene.setRoot(root);
        }
        Theme.apply(scene);
    }

    private void stopEvents() {
        if (feeds != null) {
            feeds.close();
            feeds = null;
        }
        if (events != null) {
            events.close();
            events = null;
        }
    }

    /** The login screen's model while it shows (tests drive it), else null. */
    public LoginViewModel login() {
        return login;
    }

    /** The camera wall's model once logged in, else null. */
    public FeedWallViewModel<Image> feeds() {
        return feeds;
    }

    /** The barrier action's model once logged in, else null. */
    public BarrierViewModel barrier() {
        return barrier;
    }

    /** The station's model once logged in, else null. */
    public StationViewModel station() {
        return station;
    }

    public void close() {
        stopEvents();
    }
}
