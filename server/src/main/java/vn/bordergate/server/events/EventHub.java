package vn.bordergate.server.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.event.EventEnvelope;
import vn.bordergate.common.event.GateEvent;

/**
 * Fans each event out to every subscriber. Publishers only queue the event: one dispatcher thread
 * numbers it, serialises it once and hands the frame to every subscriber, so a request never waits
 * for hundreds of sockets and every subscriber sees events in sequence order. The queue is bounded:
 * when the dispatcher falls that far behind, publishers wait (back-pressure) instead of memory
 * growing. Subscribers must accept a frame without blocking (a slow workstation drops itself, it
 * never slows the others).
 */
public final class EventHub implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    static final int QUEUE_CAPACITY = 10_000;

    /** A connected client. {@code offer} must not block. */
    public interface Subscriber {
        void offer(String frame);
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<GateEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private long seq;

    public EventHub(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
        Thread dispatcher = new Thread(this::dispatch, "event-fan-out");
        dispatcher.setDaemon(true);
        dispatcher.start();
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

    @Override
    public void publish(GateEvent event) {
        if (queue.offer(event)) {
            return;
        }
        try {
            if (!queue.offer(event, 5, TimeUnit.SECONDS)) {
                LOG.warn(
                        "event {} dropped: the fan-out is 5 s behind",
                        event.getClass().getSimpleName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        while (true) {
            GateEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                send(event);
            } catch (RuntimeException e) {
                LOG.error("event {} not sent", event.getClass().getSimpleName(), e);
            }
        }
    }

    private void send(GateEvent event) {
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
