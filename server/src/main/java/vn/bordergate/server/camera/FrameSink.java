package vn.bordergate.server.camera;

/**
 * A consumer of camera frames, such as the plate recognizer, attached with
 * {@link CameraFeed#subscribe(String, double, FrameSink)}. It runs on a thread of its own and always gets
 * the newest frame; while it is busy, frames are skipped rather than queued.
 */
@FunctionalInterface
public interface FrameSink {
    /**
     * Handles one frame. The frame is closed when this returns: {@link CameraFrame#retain()} it to keep it
     * longer. An exception is counted and logged, and the next frame comes as usual.
     */
    void accept(CameraFrame frame) throws Exception;
}
