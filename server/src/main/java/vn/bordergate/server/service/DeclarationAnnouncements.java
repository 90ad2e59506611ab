package vn.bordergate.server.service;

import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.events.EventPublisher;

/**
 * Who is told about a declared, corrected or cancelled crossing once it was committed: the plate matcher
 * (which crossings are expected at the lanes), the workstations, and the queue's watchers.
 */
public final class DeclarationAnnouncements {
    private final EventPublisher events;
    private final PlateMatcher plates;
    private final QueueWatch queue;

    public DeclarationAnnouncements(EventPublisher events, PlateMatcher plates, QueueWatch queue) {
        this.events = events;
        this.plates = plates;
        this.queue = queue;
    }

    /** Tells the matcher and the workstations about a crossing, after its commit. */
    void tell(CrossingDto crossing) {
        expect(crossing);
        publish(crossing);
    }

    /**
     * Tells the plate matcher (in memory, quick): done before the declaration is answered, so a plate read
     * sent after the answer can be matched to it.
     */
    void expect(CrossingDto crossing) {
        plates.declared(
                crossing.id(),
                PlateParser.normalize(crossing.tractorPlate()),
                crossing.trailerPlate() == null ? null : PlateParser.normalize(crossing.trailerPlate()),
                crossing.expectedArrival());
    }

    /** Tells the workstations (may wait for the event hub): done after the declaration was answered. */
    void publish(CrossingDto crossing) {
        events.publish(new CrossingChangedEvent(crossing));
    }

    void queueChanged() {
        queue.changed();
    }
}
