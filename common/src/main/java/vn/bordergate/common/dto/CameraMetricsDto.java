package vn.bordergate.common.dto;

import java.time.Instant;
import vn.bordergate.common.event.CameraStatusEvent.CameraState;

/**
 * How a lane camera is doing now: its state, decoded frame rate against the stream's own, decode time,
 * end-to-end latency (frame in → handed to the plate reader) and frames skipped to stay current.
 */
public record CameraMetricsDto(
        String cameraCode,
        String laneCode,
        CameraState state,
        String detail,
        Instant stateSince,
        int width,
        int height,
        double nominalFps,
        double fps,
        double decodeMs,
        double latencyMs,
        long framesDecoded,
        long framesDropped,
        long reconnects) {}
