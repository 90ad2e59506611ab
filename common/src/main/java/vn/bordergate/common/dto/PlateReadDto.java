package vn.bordergate.common.dto;

import java.time.Instant;
import java.util.List;
import vn.bordergate.common.plate.PlateCountry;

/**
 * A plate read from a camera, with what it matched: the crossing when the match is unique, else the
 * ranked candidates for an officer. A trailer read points at the tractor read of the same pass.
 */
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
        MatchStatus matchStatus,
        List<MatchCandidateDto> candidates,
        Long pairedReadId,
        String correctedBy) {}
