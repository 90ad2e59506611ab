package vn.bordergate.common.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;

/** An administrator creating an account. Officers and supervisors need an agency, enterprise accounts an enterprise. */
public record NewUserRequest(
        @NotBlank
                @Size(min = 3, max = 64)
                @Pattern(regexp = "[a-z0-9._-]+", message = "use lower-case letters, digits, dot, dash or underscore")
                String username,
        @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Role role,
        Agency agency,
        @Size(max = 32) String stationCode,
        Long enterpriseId) {}
