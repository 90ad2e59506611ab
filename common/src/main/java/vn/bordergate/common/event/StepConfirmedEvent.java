package vn.bordergate.common.event;

import vn.bordergate.common.dto.StepStatusDto;

/** An agency decided a step (pass, hold, reject) or lifted its hold. */
public record StepConfirmedEvent(long crossingId, String tractorPlate, StepStatusDto step) implements GateEvent {}
