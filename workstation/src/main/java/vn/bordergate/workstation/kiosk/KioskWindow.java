package vn.bordergate.workstation.kiosk;

import java.time.Clock;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.look.Theme;
import vn.bordergate.workstation.printing.SystemPrinters;
import vn.bordergate.workstation.text.Wording;

/**
 * The kiosk's window: full screen, signed in as the kiosk's device account (no officer logs in), then
 * the driver's screens. Wires the view model to its view, the QR camera and the ticket printer.
 */
public final class KioskWindow {
    /** The demo gate's password, used only against the embedded demo gate. */
    public static final String DEMO_PASSWORD = "bordergate-demo";

    private final Stage stage;
    private final BackgroundWork work;
    private final KioskSettings settings;
    private final Clock clock;
    private final Scene scene;
    private KioskViewModel model;
    private KioskView view;
    private QrCamera camera;

    public KioskWindow(Stage stage, GateStartup gate, BackgroundWork work, KioskSettings settings, Clock clock) {
        this.stage = stage;
        this.work = work;
        this.settings =
                gate.isEmbedded() && settings.password() == null ? settings.withPassword(DEMO_PASSWORD) : settings;
        this.clock = clock;
        Wording words = Wording.of(Wording.VIETNAMESE);
        Label waiting = new Label(words.text("kiosk.connecting"));
        waiting.setStyle("-fx-font-size: 32px;");
        StackPane splash = new StackPane(waiting);
        splash.setAlignment(Pos.CENTER);
        scene = new Scene(splash);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.setTitle("BorderGate — " + words.text("kiosk.title"));
        gate.address().whenComplete((uri, failure) -> work.ui().execute(() -> {
            if (failure != null) {
                waiting.setText(words.text("kiosk.noAccount", words.problem(failure)));
            } else {
                signIn(uri, waiting, words);
            }
        }));
    }

    /** Full screen with no way out by Escape: a kiosk is left by its administrator, not by a driver. */
    public void showFullScreen() {
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(true);
        stage.show();
    }

    private void signIn(java.net.URI address, Label waiting, Wording words) {
        if (settings.password() == null) {
            waiting.setText(words.text("kiosk.noAccount", KioskSettings.PASSWORD_VARIABLE + " ?"));
            return;
        }
        String account = settings.account();
        String password = settings.password();
        work.submit(() -> GateSession.open(address, account, password, work, Set.of(Role.KIOSK)))
                .whenComplete((session, failure) -> {
                    if (failure != null) {
                        waiting.setText(words.text("kiosk.noAccount", words.loginProblem(failure)));
                    } else {
                        open(session);
                    }
                });
    }

    private void open(GateSession session) {
        model = new KioskViewModel(session, work, clock, settings.idleTimeout(), settings.ticketDir());
        camera = settings.camera() == null ? null : new QrCamera(settings.camera(), work);
        KioskTicketPrinter printer = new KioskTicketPrinter(work, new SystemPrinters());
        view = new KioskView(model, camera, m -> printer.print(m, stage), clock);
        scene.setRoot(view.root());
        Theme.apply(scene);
    }

    /** The kiosk's model once signed in, else null (tests drive it). */
    public KioskViewModel model() {
        return model;
    }

    public void close() {
        if (view != null) {
            view.stop();
        }
    }
}
