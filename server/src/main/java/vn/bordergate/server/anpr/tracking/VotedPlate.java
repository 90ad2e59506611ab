package vn.bordergate.server.anpr.tracking;

import java.time.Instant;

/**
 * The plate of one vehicle as voted from its consecutive sightings.
 *
 * @param evidence the picture of the most confident sighting, null when the sightings carried none
 */
public record VotedPlate(
        String cameraCode,
        Instant firstSeen,
        Instant lastSeen,
        String text,
        double confidence,
        int sightings,
        PlateEvidence evidence) {
    public VotedPlate(
            String cameraCode, Instant firstSeen, Instant lastSeen, String text, double confidence, int sightings) {
        this(cameraCode, firstSeen, lastSeen, text, confidence, sightings, null);
    }
}
