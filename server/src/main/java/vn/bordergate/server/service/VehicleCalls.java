package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.VehicleCalledEvent;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.LaneEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * A lane calls the next vehicle from the yard: of the trucks that arrived and are still being cleared
 * and were not called yet, perishable or priority goods first, then whoever arrived first. The call is
 * recorded on the crossing (lane and time), audited, and announced so every station and the kiosk show
 * "lane X calls plate Y". Only the gate management board calls vehicles.
 */
public final class VehicleCalls {
    private final Transactions tx;
    private final AuditLog audit;
    private final EventPublisher events;
    private final QueueWatch queue;
    private final Clock clock;

    public VehicleCalls(Transactions tx, AuditLog audit, EventPublisher events, QueueWatch queue, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.events = events;
        this.queue = queue;
        this.clock = clock;
    }

    /** The crossing called to {@code laneCode}, or empty when no vehicle waits in the yard. */
    public Optional<CrossingDto> callNext(Actor actor, String laneCode) {
        CrossingService.requireAgency(actor, Agency.GATE_MANAGEMENT, "call vehicles from the yard");
        Instant now = clock.instant();
        Optional<Called> called = tx.write(session -> {
            LaneEntity lane = session.createSelectionQuery("from LaneEntity where code = :code", LaneEntity.class)
                    .setParameter("code", laneCode)
                    .getResultStream()
                    .findFirst()
                    .orElseThrow(() -> GateException.notFound("lane " + laneCode));
            List<CrossingEntity> next = session.createSelectionQuery(
                            "from CrossingEntity where status = :status and arrivedAt is not null and calledAt is null"
                                    + " order by case when perishable = true or priority = true then 0 else 1 end,"
                                    + " arrivedAt, id",
                            CrossingEntity.class)
                    .setParameter("status", CrossingStatus.IN_PROGRESS)
                    .setMaxResults(1)
                    .getResultList();
            if (next.isEmpty()) {
                return Optional.<Called>empty();
            }
            CrossingEntity c = next.get(0);
            c.setCalledLaneCode(lane.getCode());
            c.setCalledAt(now);
            c.setUpdatedAt(now);
            audit.append(session, actor, "VEHICLE_CALLED", "crossing", c.getId(), "lane " + lane.getCode());
            session.flush(); // the version the answer carries is the one stored
            List<CrossingStepEntity> steps = session.createSelectionQuery(
                            "from CrossingStepEntity where crossing.id = :id", CrossingStepEntity.class)
                    .setParameter("id", c.getId())
                    .getResultList();
            return Optional.of(new Called(DtoMapping.crossing(c, steps), lane.getCode(), lane.getName()));
        });
        called.ifPresent(call -> {
            CrossingDto c = call.crossing();
            events.publish(new VehicleCalledEvent(
                    call.laneCode(),
                    call.laneName(),
                    c.id(),
                    c.tractorPlate(),
                    c.trailerPlate(),
                    now,
                    actor.username()));
            events.publish(new CrossingChangedEvent(c));
            queue.changed();
        });
        return called.map(Called::crossing);
    }

    private record Called(CrossingDto crossing, String laneCode, String laneName) {}
}
