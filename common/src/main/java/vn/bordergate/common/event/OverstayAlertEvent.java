package vn.bordergate.common.event;

import vn.bordergate.common.dto.OverstayAlertDto;

/** A vehicle passed its dwell limit without coming back. */
public record OverstayAlertEvent(OverstayAlertDto alert) implements GateEvent {}
