package vn.bordergate.server.events;

import vn.bordergate.common.event.GateEvent;

/** Where services announce what changed, after their transaction committed. */
@FunctionalInterface
public interface EventPublisher {
    void publish(GateEvent event);
}
