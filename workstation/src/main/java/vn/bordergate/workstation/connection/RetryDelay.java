package vn.bordergate.workstation.connection;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long the workstation waits before trying the gate server again: 1 s doubling up to 15 s, with some
 * jitter so that a gate full of workstations doesn't hammer a server that just came back. The event
 * stream's reconnects and the outbox's retries both wait this long.
 */
public final class RetryDelay {
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(15);

    private RetryDelay() {}

    /** How long to wait before attempt {@code n + 1} after {@code n} failures: 1, 2, 4, 8, 15, 15… s ±20%. */
    public static Duration after(int failures) {
        long base =
                Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(Math.max(failures - 1, 0), 10));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.round(base * jitter));
    }
}
