package vn.bordergate.workstation.barrier;

import java.util.function.BiConsumer;

/**
 * A lane's exit barrier. The workstation only asks it to open; it closes by itself once the truck has
 * passed. Real ones (a relay on the lane controller) plug in here; {@link SimulatedBarrier} stands in
 * for the demo and tests.
 */
public interface GateBarrier {
    /** Where the barrier arm is. */
    enum Position {
        CLOSED,
        OPEN
    }

    /** Opens the barrier of {@code laneCode}; may block on the lane controller, so call it in the background. */
    void open(String laneCode);

    /** Hears every move of every lane's barrier, on whatever thread the barrier reports from. */
    void onMove(BiConsumer<String, Position> listener);
}
