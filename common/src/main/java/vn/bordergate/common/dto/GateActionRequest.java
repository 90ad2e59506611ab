package vn.bordergate.common.dto;

import jakarta.validation.constraints.Size;

/** A gate action on a crossing that needs no more than the station it is done from (release, return). */
public record GateActionRequest(@Size(max = 32) String stationCode) {}
