package vn.bordergate.server.camera;

import java.time.Duration;

/**
 * Exponential wait between reconnect attempts: a camera that reboots comes back within a second, one that
 * is unplugged is not hammered more than once per {@code max}. Used by one camera thread only.
 */
final class ReconnectBackoff {
    private final Duration first;
    private final Duration max;
    private Duration next;

    ReconnectBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The wait before the coming attempt; the one after it is twice as long, up to the maximum. */
    Duration nextDelay() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    /** After a frame arrived: the stream works again, so the next drop is retried quickly. */
    void reset() {
        next = first;
    }
}
