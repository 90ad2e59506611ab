package vn.bordergate.workstation.connection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.GateEvent;

/**
 * The events {@link LiveEvents} hands to the screen in one FX task. A crossing changed several times in
 * one burst is shown once, as it is now: the screen would only repaint the earlier states away.
 */
final class EventBurst {
    private EventBurst() {}

    /** An event as it came off the socket, and when (to tell the network's part of the lag from the screen's). */
    record Arrival(EventEnvelope envelope, long receivedNanos) {}

    /** The events in order, without a crossing's change when the same batch holds a later one. */
    static List<GateEvent> latestOnly(List<Arrival> batch) {
        Map<Long, Integer> last = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).envelope().event() instanceof CrossingChangedEvent changed) {
                last.put(changed.crossing().id(), i);
            }
        }
        List<GateEvent> kept = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            GateEvent event = batch.get(i).envelope().event();
            if (!(event instanceof CrossingChangedEvent changed)
                    || last.get(changed.crossing().id()) == i) {
                kept.add(event);
            }
        }
        return kept;
    }
}
