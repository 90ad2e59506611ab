package vn.bordergate.workstation.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs test code on the FX thread and waits for it (for tests that drive views without TestFX's robot). */
public final class FxRunner {
    private FxRunner() {}

    public static <T> T call(Callable<T> work) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(work.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Lets a few pulses pass so layout and CSS catch up with the last change. */
    public static void settle(long millis) {
        run(() -> {});
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run(() -> {});
    }
}
