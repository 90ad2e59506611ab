package vn.bordergate.common.event;

/** A lane camera went up or down, or its frame rate changed noticeably. */
public record CameraStatusEvent(String cameraCode, CameraState state, double fps, String detail) implements GateEvent {
    public enum CameraState {
        CONNECTING,
        STREAMING,
        RECONNECTING,
        STOPPED
    }
}
