package vn.bordergate.workstation;

import java.nio.file.Path;
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
import vn.bordergate.workstation.connection.SessionRenewalView;
import vn.bordergate.workstation.connection.SessionRenewalViewModel;
import vn.bordergate.workstation.feeds.FeedWallView;
import vn.bordergate.workstation.feeds.FeedWallViewModel;
import vn.bordergate.workstation.feeds.PreviewStream;
import vn.bordergate.workstation.login.LoginView;
import vn.bordergate.workstation.login.LoginViewModel;
import vn.bordergate.workstation.look.GateMark;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.outbox.OutboxJournal;
import vn.bordergate.workstation.outbox.OutboxViewModel;
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
    private final Path outboxRoot;
    private Scene scene;
    private OutboxViewModel outbox;
    private LiveEvents events;
    private Wording words;
    private LoginViewModel login;
    private StationViewModel station;
    private StationView stationView;
    private FeedWallViewModel<Image> feeds;
    private BarrierViewModel barrier;
    private final GateBarrier gateBarrier;

    /** Actions that wait for the server are kept in memory only: for tests that never go offline. */
    public WorkstationWindow(Stage stage, GateStartup gate, BackgroundWork work, Executor fx) {
        this(stage, gate, work, fx, null);
    }

    /** {@code outboxRoot} holds each officer's outbox of actions waiting for the server (null: in memory). */
    public WorkstationWindow(Stage stage, GateStartup gate, BackgroundWork work, Executor fx, Path outboxRoot) {
        this.stage = stage;
        this.gate = gate;
        this.work = work;
        this.fx = fx;
        this.outboxRoot = outboxRoot;
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
        Path dir = outboxDir(session);
        outbox = new OutboxViewModel(session, dir == null ? OutboxJournal::inMemory : () -> OutboxJournal.open(dir));
        station = new StationViewModel(session, words, outbox);
        feeds = new FeedWallViewModel<>(session, words, fx, FeedWallView::decode, PreviewStream.opener());
        station.alsoTell(feeds::onEvent);
        barrier = new BarrierViewModel(
                session,
                words,
                gateBarrier,
                fx,
                station.crossing().crossing(),
                station.calls().laneCode());
        SessionRenewalViewModel renewal = new SessionRenewalViewModel(session, words);
        Runnable signOut = () -> showLogin(words.locale());
        stationView = new StationView(station, feeds, barrier, words, signOut);
        show(new SessionRenewalView(stationView.root(), renewal, words, signOut).root());
        StationView shown = stationView;
        StationViewModel model = station;
        station.load().thenRun(shown::selectFirst);
        feeds.load();
        LiveEvents live = new LiveEvents(session, work, fx, station);
        events = live;
        // signed in again after the token expired: what waited carries on, and the queue is fetched afresh
        renewal.onRenewed(() -> {
            model.outbox().sessionRenewed();
            live.resume();
            model.load();
        });
        live.start();
    }

    /** One outbox per gate server and officer: another officer at this computer never sends someone else's. */
    private Path outboxDir(GateSession session) {
        if (outboxRoot == null) {
            return null;
        }
        String server = gate.isEmbedded()
                ? "embedded" // the embedded server's port changes at each start; its data folder does not
                : session.address().getHost() + "_" + session.address().getPort();
        return outboxRoot
                .resolve(server.replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve(session.user().username());
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
        if (outbox != null) {
            outbox.close(); // what it holds is sent after this officer's next sign-in
            outbox = null;
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

    /** The live events of the station once logged in, else null (their lag is measured there). */
    public LiveEvents events() {
        return events;
    }

    /** The station's model once logged in, else null. */
    public StationViewModel station() {
        return station;
    }

    public void close() {
        stopEvents();
    }
}
