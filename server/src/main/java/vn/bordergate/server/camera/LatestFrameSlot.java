package vn.bordergate.server.camera;

import java.util.concurrent.TimeUnit;

/**
 * The latest-frame policy: the camera thread puts every decoded frame here, replacing the previous one;
 * consumers take the newest when they are ready. There is no queue, so a slow consumer makes frames be
 * skipped (counted) instead of piling up.
 */
final class LatestFrameSlot {
    private FrameBuffer latest;
    private boolean latestTaken;
    private long droppedUnseen;

    /** Replaces the latest frame; the replaced one counts as dropped if nobody ever took it. */
    synchronized void publish(FrameBuffer frame) {
        if (latest != null) {
            if (!latestTaken) {
                droppedUnseen++;
            }
            latest.release();
        }
        latest = frame;
        latestTaken = false;
        notifyAll();
    }

    /** The newest frame, or null before the first one (or after {@link #clear()}). Close it after use. */
    synchronized CameraFrame take() {
        if (latest == null) {
            return null;
        }
        latestTaken = true;
        return latest.handOut();
    }

    /**
     * Waits for a frame newer than {@code sequence} and hands it out, or returns null when none came in
     * time. Close it after use.
     */
    synchronized CameraFrame takeAfter(long sequence, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (latest == null || latest.sequence <= sequence) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return take();
    }

    /** Frames replaced before any consumer took them: what the latest-frame policy dropped. */
    synchronized long droppedUnseen() {
        return droppedUnseen;
    }

    /** Forgets the latest frame when the camera stops, so a dead camera does not show a frozen picture. */
    synchronized void clear() {
        if (latest != null) {
            latest.release();
            latest = null;
        }
        notifyAll();
    }
}
