package vn.bordergate.server.camera;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.ArrayDeque;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reuses the native BGR images of one camera. A 720p frame is 2.7 MB of native memory that the garbage
 * collector does not see; at 25 fps and four cameras, allocating one per frame would leave hundreds of
 * megabytes waiting for a collection. With the latest-frame policy only the slot and the consumers busy
 * with a frame hold images, so the pool stays at a handful.
 */
final class FramePool {
    /** Idle images kept for reuse; more are released (after a burst of slow consumers). */
    private static final int MAX_IDLE = 4;

    private final ArrayDeque<Mat> idle = new ArrayDeque<>();
    private long allocated;
    private boolean closed;

    /** An image of this size, recycled when possible. Its content is undefined. */
    synchronized Mat take(int width, int height) {
        while (!idle.isEmpty()) {
            Mat mat = idle.pop();
            if (mat.cols() == width && mat.rows() == height) {
                return mat;
            }
            mat.close(); // the stream changed resolution
        }
        allocated++;
        return new Mat(height, width, CV_8UC3);
    }

    synchronized void giveBack(Mat mat) {
        if (closed || idle.size() >= MAX_IDLE) {
            mat.close();
        } else {
            idle.push(mat);
        }
    }

    /** Images ever allocated: stays small when no backlog forms (a test watches it). */
    synchronized long allocated() {
        return allocated;
    }

    synchronized void close() {
        closed = true;
        idle.forEach(Mat::close);
        idle.clear();
    }
}
