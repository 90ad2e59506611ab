package vn.bordergate.server.support;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Polls a condition until a generous deadline: the build machine may be loaded, so no fixed sleeps. */
public final class Await {
    private Await() {}

    /** Until {@code condition} holds, for at most 30 s; then fails with {@code failure}. */
    public static void until(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " (within 30 s)");
            }
            Thread.sleep(20);
        }
    }
}
