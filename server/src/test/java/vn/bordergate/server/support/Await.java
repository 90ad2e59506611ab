package vn.bordergate.server.support;

import java.time.Duration;
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

    /** Until {@code condition} holds or {@code atMost} has passed, without failing: the caller asserts what it needs. */
    public static void atMost(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
