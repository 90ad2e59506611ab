package vn.bordergate.common.dto;

import vn.bordergate.common.workflow.Direction;

/** A gate lane. */
public record LaneDto(long id, String code, String name, Direction direction) {}
