package vn.bordergate.common.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.bordergate.common.workflow.Outcome;

/** An officer's decision on a step. A hold or a reject needs a reason. */
public record StepDecisionRequest(
        @NotNull Outcome outcome, @Size(max = 500) String reason, @Size(max = 32) String stationCode) {}
