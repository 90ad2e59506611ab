package vn.bordergate.server.service;

import java.time.Clock;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.PriorityRequest;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * Priority in the queue: a supervisor puts perishables (durian, dragon fruit, jackfruit…) or a priority
 * enterprise's truck first, or takes that back. The change is audited with its reason and announced to
 * every station; the queue lists priority crossings first ({@link CrossingQueries#list}).
 */
public final class PriorityService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final DeclarationRecords records;
    private final AuditLog audit;
    private final EventPublisher events;
    private final QueueWatch queue;
    private final Clock clock;

    public PriorityService(
            Transactions tx,
            RequestValidator validator,
            DeclarationRecords records,
            AuditLog audit,
            EventPublisher events,
            QueueWatch queue,
            Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.records = records;
        this.audit = audit;
        this.events = events;
        this.queue = queue;
        this.clock = clock;
    }

    public CrossingDto set(Actor actor, long crossingId, PriorityRequest request) {
        if (actor.role() != Role.SUPERVISOR) {
            throw GateException.forbidden("only a shift supervisor may give or take away priority in the queue");
        }
        validator.check(request);
        CrossingDto result = tx.write(session -> {
            CrossingEntity c = session.find(CrossingEntity.class, crossingId);
            if (c == null) {
                throw GateException.notFound("crossing " + crossingId);
            }
            if (!c.getStatus().isOpen()) {
                throw GateException.conflict(
                        "crossing " + crossingId + " is " + c.getStatus() + ": priority only matters while it waits");
            }
            if (c.isPriority() == request.priority()) {
                throw GateException.conflict(
                        "crossing " + crossingId + (request.priority() ? " already has" : " has no") + " priority");
            }
            c.setPriority(request.priority());
            c.setUpdatedAt(clock.instant());
            audit.append(
                    session,
                    actor,
                    request.priority() ? "PRIORITY_GIVEN" : "PRIORITY_REMOVED",
                    "crossing",
                    c.getId(),
                    c.getTractorPlate() + ": " + request.reason().strip());
            return records.crossingDto(session, c.getId());
        });
        events.publish(new CrossingChangedEvent(result));
        queue.changed();
        return result;
    }
}
