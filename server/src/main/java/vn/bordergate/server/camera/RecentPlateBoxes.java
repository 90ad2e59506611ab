package vn.bordergate.server.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The plate boxes the recognizer found last on one camera, handed to the preview. The recognizer works on
 * fewer frames than the preview shows, so the boxes stay up a little while and then vanish when no plate
 * is seen any more.
 */
public final class RecentPlateBoxes implements Supplier<List<PlateBox>> {
    private final Duration keep;
    private final Clock clock;
    private volatile Posted latest = new Posted(List.of(), Instant.MIN);

    /** Boxes and their time in one reference, so a reader never pairs new boxes with an old time. */
    private record Posted(List<PlateBox> boxes, Instant at) {}

    public RecentPlateBoxes(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    /** Kept one second, on the system clock. */
    public RecentPlateBoxes() {
        this(Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** The recognizer's latest finding on a frame (an empty list clears the preview). */
    public void post(List<PlateBox> found) {
        latest = new Posted(List.copyOf(found), clock.instant());
    }

    /** The boxes to draw now: the last posted ones, unless they are too old. */
    @Override
    public List<PlateBox> get() {
        Posted current = latest;
        return current.at().plus(keep).isBefore(clock.instant()) ? List.of() : current.boxes();
    }
}
