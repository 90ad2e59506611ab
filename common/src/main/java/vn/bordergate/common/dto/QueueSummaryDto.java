package vn.bordergate.common.dto;

import java.util.Map;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;

/**
 * How many crossings stand where: per status, and per step still pending among crossings at the gate.
 *
 * @param waiting crossings at the gate and not yet released (in progress, held, ready)
 */
public record QueueSummaryDto(Map<CrossingStatus, Long> byStatus, Map<Step, Long> pendingByStep, long waiting) {}
