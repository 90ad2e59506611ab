package vn.bordergate.common.dto;

import java.time.Instant;
import vn.bordergate.common.plate.PlateCountry;

/** A plate read from a camera, with what it matched. */
public record PlateReadDto(
        long id,
        String cameraCode,
        String laneCode,
        Instant readAt,
        String text,
        PlateCountry country,
        double confidence,
        String imagePath,
        Long crossingId,
        MatchStatus matchStatus) {}
