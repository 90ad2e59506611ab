package vn.bordergate.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per account name and per client address: after {@code maxPerAccount} failures
 * for one name, or {@code maxPerAddress} from one address, within {@code window}, further attempts are
 * refused until the oldest failure leaves the window. The address limit is higher because a whole
 * station network may reach the gate host through one address.
 */
public final class LoginThrottle {
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxPerAccount, int maxPerAddress, Duration window) {
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public Optional<Duration> retryAfter(String username, String clientAddress) {
        Instant now = clock.instant();
        return longest(wait(key("u", username), maxPerAccount, now), wait(key("a", clientAddress), maxPerAddress, now));
    }

    public void recordFailure(String username, String clientAddress) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            // a flood of guessed names must not grow memory without bound: forget what left the window
            failures.values().removeIf(q -> {
                prune(q, now);
                return q.isEmpty();
            });
        }
        for (String k : new String[] {key("u", username), key("a", clientAddress)}) {
            failures.compute(k, (ignored, q) -> {
                Deque<Instant> deque = q == null ? new ArrayDeque<>() : q;
                prune(deque, now);
                deque.addLast(now);
                return deque;
            });
        }
    }

    public void recordSuccess(String username) {
        failures.remove(key("u", username));
    }

    private Optional<Duration> wait(String k, int maxFailures, Instant now) {
        Deque<Instant> q = failures.get(k);
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            prune(q, now);
            if (q.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, q.peekFirst().plus(window)));
        }
    }

    private void prune(Deque<Instant> q, Instant now) {
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) {
                q.removeFirst();
            }
        }
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase());
    }
}
