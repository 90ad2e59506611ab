package vn.bordergate.common.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The driver of a declared trip. */
public record DriverDto(
        @NotBlank @Size(max = 120) String fullName,
        @NotBlank @Size(max = 32) String documentNumber,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code such as VN or CN")
                String nationality,
        @Size(max = 32) String phone) {}
