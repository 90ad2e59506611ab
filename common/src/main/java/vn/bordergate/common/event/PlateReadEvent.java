package vn.bordergate.common.event;

import vn.bordergate.common.dto.PlateReadDto;

/** A camera read a plate (after voting), matched or not. */
public record PlateReadEvent(PlateReadDto read) implements GateEvent {}
