package vn.bordergate.common.dto;

import java.time.Instant;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/** One step of a crossing as every agency sees it. */
public record StepStatusDto(
        Step step,
        int number,
        Agency agency,
        StepState state,
        String officer,
        String stationCode,
        Instant decidedAt,
        String reason) {}
