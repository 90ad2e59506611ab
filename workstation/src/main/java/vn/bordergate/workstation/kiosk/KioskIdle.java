package vn.bordergate.workstation.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the kiosk was last touched. A driver who walks away must not leave the next one looking at
 * their trip: untouched for the timeout, the kiosk starts over. Time comes from a clock, so tests move
 * it instead of waiting.
 */
final class KioskIdle {
    private final Clock clock;
    private final Duration timeout;
    private Instant lastTouch;

    KioskIdle(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        this.lastTouch = clock.instant();
    }

    void touch() {
        lastTouch = clock.instant();
    }

    boolean expired() {
        return !clock.instant().isBefore(lastTouch.plus(timeout));
    }

    Duration timeout() {
        return timeout;
    }
}
