package vn.bordergate.workstation.barrier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.workstation.connection.BackgroundWork;

/**
 * A barrier with no hardware behind it: it logs, reports OPEN, and closes again after {@code openFor}
 * (the time a truck needs to pass), through the one background executor.
 */
public final class SimulatedBarrier implements GateBarrier {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBarrier.class);

    private final BackgroundWork work;
    private final Duration openFor;
    private final List<BiConsumer<String, Position>> listeners = new CopyOnWriteArrayList<>();

    public SimulatedBarrier(BackgroundWork work, Duration openFor) {
        this.work = work;
        this.openFor = openFor;
    }

    @Override
    public void open(String laneCode) {
        LOG.info("barrier of lane {} opened (simulated); closes in {} s", laneCode, openFor.toSeconds());
        tell(laneCode, Position.OPEN);
        work.later(openFor, () -> {
            LOG.info("barrier of lane {} closed (simulated)", laneCode);
            tell(laneCode, Position.CLOSED);
        });
    }

    @Override
    public void onMove(BiConsumer<String, Position> listener) {
        listeners.add(listener);
    }

    private void tell(String laneCode, Position position) {
        listeners.forEach(l -> l.accept(laneCode, position));
    }
}
