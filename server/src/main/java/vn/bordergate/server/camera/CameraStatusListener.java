package vn.bordergate.server.camera;

/**
 * Told about every state change of a camera and every failed reconnect attempt (at most one per backoff
 * wait). Called on the camera's own thread: return quickly, since decoding waits meanwhile.
 */
@FunctionalInterface
public interface CameraStatusListener {
    void cameraStatusChanged(CameraStatus status);

    CameraStatusListener NONE = status -> {};
}
