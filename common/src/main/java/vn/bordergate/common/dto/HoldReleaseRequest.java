package vn.bordergate.common.dto;

import jakarta.validation.constraints.Size;

/** Lifting one's own agency's hold. */
public record HoldReleaseRequest(@Size(max = 500) String note, @Size(max = 32) String stationCode) {}
