package vn.bordergate.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.GateEvent;

/**
 * Fans each event out to every subscriber. The event is serialised once; subscribers must accept a
 * frame without blocking (a slow workstation drops itself, it never slows the others).
 */
public final class EventHub implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    /** A connected client. {@code offer} must not block. */
    public interface Subscriber {
        void offer(String frame);
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private long seq;

    public EventHub(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Synchronised so every subscriber sees events in sequence order. */
    @Override
    public synchronized void publish(GateEvent event) {
        String frame;
        try {
            frame = json.writeValueAsString(new EventEnvelope(++seq, clock.instant(), event));
        } catch (JsonProcessingException e) {
            LOG.error("event {} not sent: cannot serialise", event.getClass().getSimpleName(), e);
            return;
        }
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.offer(frame);
            } catch (RuntimeException e) {
                LOG.debug("subscriber failed, dropping it: {}", e.getMessage());
                subscribers.remove(subscriber);
            }
        }
    }
}
