package vn.bordergate.workstation.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import vn.bordergate.workstation.WorkstationWindow;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.ConnectionState;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.station.StationViewModel;

/** The workstation's window on a TestFX stage, connected to the shared demo gate. */
public final class WorkstationStage implements AutoCloseable {
    private final BackgroundWork work = new BackgroundWork(new FxThread());
    private final WorkstationWindow window;

    /** Call on the FX thread (a TestFX {@code @Start} method). */
    public WorkstationStage(Stage stage, DemoGate gate, Locale language) {
        this(stage, gate.uri(), language, null);
    }

    /** A workstation of the server at {@code server} keeping its outboxes in {@code outboxRoot} (null: memory). */
    public WorkstationStage(Stage stage, URI server, Locale language, Path outboxRoot) {
        window = new WorkstationWindow(stage, GateStartup.remote(server), work, new FxThread(), outboxRoot);
        // TestFX gives every test class of the JVM the same primary stage, and the kiosk tests leave it full screen
        stage.setFullScreen(false);
        stage.setWidth(1400);
        stage.setHeight(860);
        window.showLogin(language);
        stage.show();
    }

    public WorkstationWindow window() {
        return window;
    }

    /** Signs in through the login model (tests of the station need not type it each time). */
    public void signInAs(String username) {
        window.login().username().set(username);
        window.login().password().set(DemoGate.PASSWORD);
        window.login().login();
    }

    /** Waits until the signed-in station has loaded its queue and its live events are connected. */
    public void awaitLiveStation(long seconds) throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                seconds,
                TimeUnit.SECONDS,
                () -> FxRunner.call(() -> {
                    StationViewModel station = window.station();
                    return station != null
                            && station.queue().total().get() > 0
                            && station.connection().state().get() == ConnectionState.CONNECTED;
                }));
    }

    @Override
    public void close() {
        FxRunner.run(window::close);
        work.close();
    }
}
