package vn.bordergate.server.anpr.tracking;

import java.time.Instant;

/** The plate of one vehicle as voted from its consecutive sightings. */
public record VotedPlate(
        String cameraCode, Instant firstSeen, Instant lastSeen, String text, double confidence, int sightings) {}
