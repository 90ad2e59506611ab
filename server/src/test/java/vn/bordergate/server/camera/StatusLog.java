package vn.bordergate.server.camera;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

/** Records every status a camera publishes, for asserting the order of states. */
final class StatusLog implements CameraStatusListener {
    private final List<CameraStatus> statuses = new ArrayList<>();

    @Override
    public synchronized void cameraStatusChanged(CameraStatus status) {
        statuses.add(status);
        notifyAll();
    }

    synchronized int size() {
        return statuses.size();
    }

    synchronized List<CameraStatus> all() {
        return List.copyOf(statuses);
    }

    synchronized List<CameraState> states() {
        return statuses.stream().map(CameraStatus::state).toList();
    }

    /** Waits for a status with this state at position {@code from} or later; returns its position. */
    synchronized int await(CameraState state, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = from; i < statuses.size(); i++) {
                if (statuses.get(i).state() == state) {
                    return i;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + state + " within " + timeout.toMillis() + " ms; got " + statuses);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
