package vn.bordergate.workstation.connection;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Runs work on the JavaFX application thread: the only class that hands work to {@link Platform}. */
public final class FxThread implements Executor {
    @Override
    public void execute(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }
}
