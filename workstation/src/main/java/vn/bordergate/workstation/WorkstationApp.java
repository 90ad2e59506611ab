package vn.bordergate.workstation;

import java.time.Clock;
import javafx.application.Application;
import javafx.stage.Stage;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.FxThread;
import vn.bordergate.workstation.connection.GateStartup;
import vn.bordergate.workstation.kiosk.KioskWindow;

/** The JavaFX application: builds the window's parts in one place and stops them in reverse order. */
public final class WorkstationApp extends Application {
    private BackgroundWork work;
    private GateStartup gate;
    private WorkstationWindow window;
    private KioskWindow kiosk;

    @Override
    public void start(Stage stage) {
        WorkstationOptions options = WorkstationOptions.parse(getParameters().getRaw());
        FxThread fx = new FxThread();
        work = new BackgroundWork(fx);
        gate = options.embedded()
                ? GateStartup.embedded(options.dataDir(), work)
                : GateStartup.remote(options.server());
        // a killed workstation still shuts its embedded Derby down cleanly (close() runs once)
        BackgroundWork.atExit("gate-shutdown", gate::close);
        if (options.kiosk() != null) {
            kiosk = new KioskWindow(stage, gate, work, options.kiosk(), Clock.systemUTC());
            kiosk.showFullScreen();
            return;
        }
        window = new WorkstationWindow(stage, gate, work, fx, options.dataDir().resolve("outbox"));
        stage.setWidth(1480);
        stage.setHeight(920);
        stage.setMaximized(true);
        window.showLogin(options.language());
        stage.show();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        if (gate != null) {
            gate.close(); // shuts the embedded Derby down cleanly
        }
        if (work != null) {
            work.close();
        }
    }
}
