package vn.bordergate.common.event;

import vn.bordergate.common.dto.QueueSummaryDto;

/** The gate's queue counts changed. */
public record QueueChangedEvent(QueueSummaryDto queue) implements GateEvent {}
