package vn.bordergate.server.anpr.tracking;

import java.time.Instant;

/** One plate read in one frame of one camera, before voting. */
public record PlateSighting(String cameraCode, Instant at, String text, double confidence) {}
