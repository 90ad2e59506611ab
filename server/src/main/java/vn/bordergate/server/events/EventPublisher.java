package vn.bordergate.server.events;

import vn.bordergate.common.event.GateEvent;

/** Where services announce what changed, after their transaction committed. */
@FunctionalInterface
public interface EventPublisher {
    void publish(GateEvent event);

    /**
     * As {@link #publish}, but never waits: false (nothing published) where {@code publish} would wait for room. For
     * threads that must not wait, such as a group commit's writer answering its batch.
     */
    default boolean tryPublish(GateEvent event) {
        publish(event);
        return true;
    }
}
