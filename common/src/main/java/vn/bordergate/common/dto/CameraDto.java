package vn.bordergate.common.dto;

/** A lane camera. */
public record CameraDto(long id, String code, String laneCode, String sourceUrl, boolean enabled) {}
