package vn.bordergate.common.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Registering an enterprise. {@code country} is an ISO 3166 alpha-2 code (VN, CN). */
public record NewEnterpriseRequest(
        @NotBlank
                @Size(max = 20)
                @Pattern(regexp = "[0-9A-Z-]{6,20}", message = "must be 6 to 20 digits, capitals or dashes")
                String taxCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO country code such as VN or CN")
                String country,
        @Size(max = 120) String contactName,
        @Size(max = 32) String contactPhone,
        @Size(max = 120) @Email String contactEmail) {}
