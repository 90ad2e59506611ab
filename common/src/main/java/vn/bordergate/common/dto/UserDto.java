package vn.bordergate.common.dto;

import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;

/** An account as others see it; never carries the password hash. */
public record UserDto(
        long id,
        String username,
        String displayName,
        Role role,
        Agency agency,
        String stationCode,
        Long enterpriseId) {}
