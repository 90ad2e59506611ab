package vn.bordergate.server.camera;

import java.time.Instant;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

/**
 * A camera's connection state at one moment.
 *
 * @param failedAttempts connection attempts failed in a row (0 while streaming)
 * @param fps decoded frames per second when the status was taken
 */
public record CameraStatus(
        String cameraCode, CameraState state, String detail, Instant since, int failedAttempts, double fps) {

    /** The event the gate publishes on the WebSocket for this status. */
    public CameraStatusEvent toEvent() {
        return new CameraStatusEvent(cameraCode, state, fps, detail);
    }
}
