package vn.bordergate.common.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A supervisor gives a crossing priority in the queue (perishables such as durian, dragon fruit or jackfruit;
 * a priority enterprise) or takes it away, saying why.
 */
public record PriorityRequest(boolean priority, @NotBlank @Size(max = 300) String reason) {}
