package vn.bordergate.server.service;

import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.event.OverstayAlertEvent;
import vn.bordergate.server.events.EventPublisher;

/** Looks for vehicles past their dwell limit and raises one alert event per vehicle. */
public final class OverstayMonitor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OverstayMonitor.class);

    private final CrossingQueries queries;
    private final EventPublisher events;
    private final Set<Long> alerted = new HashSet<>();

    public OverstayMonitor(CrossingQueries queries, EventPublisher events) {
        this.queries = queries;
        this.events = events;
    }

    @Override
    public synchronized void run() {
        try {
            Set<Long> current = new HashSet<>();
            for (OverstayAlertDto alert : queries.overstays()) {
                current.add(alert.crossingId());
                if (alerted.add(alert.crossingId())) {
                    events.publish(new OverstayAlertEvent(alert));
                }
            }
            alerted.retainAll(current);
        } catch (RuntimeException e) {
            LOG.warn("overstay check failed: {}", e.getMessage());
        }
    }
}
