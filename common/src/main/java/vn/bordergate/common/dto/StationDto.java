package vn.bordergate.common.dto;

import vn.bordergate.common.workflow.Agency;

/** A joint control station workstation. */
public record StationDto(long id, String code, String name, Agency agency) {}
