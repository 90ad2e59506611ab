package vn.bordergate.common.dto;

import jakarta.validation.constraints.Size;

/**
 * An officer putting a misread plate right: the plate as it really is, or the crossing it belongs to
 * (picked from the read's candidates), or both.
 */
public record PlateCorrectionRequest(
        @Size(max = 16) String plate, Long crossingId, @Size(max = 32) String stationCode) {}
