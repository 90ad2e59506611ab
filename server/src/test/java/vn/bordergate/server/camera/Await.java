package vn.bordergate.server.camera;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until a generous deadline: the build machine may be loaded, so no fixed sleeps. */
final class Await {
    private Await() {}

    static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what.get());
            }
            Thread.sleep(20);
        }
    }
}
