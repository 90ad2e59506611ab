package vn.bordergate.common.event;

import vn.bordergate.common.dto.CrossingDto;

/** A crossing was created or changed; carries its whole new state so clients need not fetch it. */
public record CrossingChangedEvent(CrossingDto crossing) implements GateEvent {}
