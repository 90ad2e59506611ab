package vn.bordergate.server.camera;

import java.time.Instant;
import java.util.List;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

/**
 * One camera's figures at one moment, for the API and the benchmark. Rates and times are over the last
 * 50 frames or hand-overs.
 *
 * @param source the configured location without credentials
 * @param nominalFps the frame rate the stream or file declares (0 when unknown)
 * @param fps frames decoded per second
 * @param decodeMs CPU time of the camera thread per frame: demuxing, decoding, conversion to BGR
 * @param decodeMsMax the slowest of the recent frames
 * @param latencyMs from the encoded frame being available to decode until a consumer got it
 * @param framesDropped frames replaced by a newer one before any consumer took them (latest-frame policy)
 * @param lagMs how far decoding is behind the stream's own clock now (0 while keeping up; -1 when the
 *     source has no usable timestamps)
 * @param maxLagMs the worst lag since the feed started: above a few frame intervals, a backlog formed
 * @param imagesAllocated native frame images ever allocated; stays at a handful without a backlog
 */
public record CameraMetrics(
        String cameraCode,
        String laneCode,
        String source,
        CameraState state,
        String detail,
        Instant stateSince,
        int width,
        int height,
        double nominalFps,
        double fps,
        double decodeMs,
        double decodeMsMax,
        double latencyMs,
        long framesDecoded,
        long framesDropped,
        long reconnects,
        double lagMs,
        double maxLagMs,
        long imagesAllocated,
        List<SinkMetrics> sinks) {}
