package vn.bordergate.server.anpr.tracking;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * One plate read in one frame of one camera, before voting.
 *
 * @param evidence makes the picture of this sighting, asked for only when the sighting becomes the most
 *     confident of its track (and only while the frame is still valid, inside {@link PlateVoting#observe});
 *     null when there is no picture to keep
 */
public record PlateSighting(
        String cameraCode, Instant at, String text, double confidence, Supplier<PlateEvidence> evidence) {
    public PlateSighting(String cameraCode, Instant at, String text, double confidence) {
        this(cameraCode, at, text, confidence, null);
    }
}
