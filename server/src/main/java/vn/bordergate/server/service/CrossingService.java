package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.StepConfirmedEvent;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.events.EventPublisher;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * The crossing workflow: each agency decides its own step; a hold blocks the crossing until the same
 * agency lifts it; no vehicle is released while any required step is pending or held.
 */
public final class CrossingService {
    private final Transactions tx;
    private final RequestValidator validator;
    private final DeclarationRecords records;
    private final AuditLog audit;
    private final IdempotentWrites idempotent;
    private final EventPublisher events;
    private final QueueWatch queue;
    private final Clock clock;
    private final StepConfirmations confirmations;

    public CrossingService(
            Transactions tx,
            RequestValidator validator,
            DeclarationRecords records,
            AuditLog audit,
            IdempotentWrites idempotent,
            EventPublisher events,
            QueueWatch queue,
            Clock clock) {
        this.tx = tx;
        this.validator = validator;
        this.records = records;
        this.audit = audit;
        this.idempotent = idempotent;
        this.events = events;
        this.queue = queue;
        this.clock = clock;
        this.confirmations = new StepConfirmations(clock);
    }

    public CrossingDto get(long id) {
        return tx.read(session -> records.crossingDto(session, find(session, id).getId()));
    }

    public CrossingDto decide(Actor actor, long id, Step step, StepDecisionRequest request, String idempotencyKey) {
        validator.check(request);
        requireAgency(actor, step.agency(), "decide step " + step.number() + " (" + step.title() + ")");
        if (request.outcome() != Outcome.PASS
                && (request.reason() == null || request.reason().isBlank())) {
            throw GateException.invalidField(
                    "reason",
                    "is required to " + request.outcome().name().toLowerCase()
                            + " a step: say why, for the other agencies and the driver");
        }
        CrossingDto result = tx.write(session -> idempotent.run(
                session,
                actor,
                idempotencyKey,
                "decide:" + id + ":" + step + ":" + request.outcome(),
                CrossingDto.class,
                () -> {
                    CrossingEntity c = find(session, id);
                    requireActive(c);
                    Map<Step, CrossingStepEntity> steps = records.stepsOf(session, c);
                    CrossingWorkflow.refusal(states(steps), step, actor.agency(), request.outcome())
                            .ifPresent(why -> {
                                throw GateException.conflict(why);
                            });
                    StepState state =
                            switch (request.outcome()) {
                                case PASS -> StepState.PASSED;
                                case HOLD -> StepState.HELD;
                                case REJECT -> StepState.REJECTED;
                            };
                    String station = station(actor, request.stationCode());
                    confirmations.record(
                            session,
                            c,
                            steps.get(step),
                            actor,
                            state,
                            station,
                            request.reason(),
                            request.outcome().name());
                    if (step == Step.TRANSPORT && state == StepState.PASSED) {
                        c.setArrivedAt(clock.instant());
                    }
                    settle(c, steps);
                    audit.append(
                            session,
                            actor,
                            "STEP_" + request.outcome(),
                            "crossing",
                            c.getId(),
                            step + (request.reason() == null ? "" : ": " + request.reason()));
                    return records.crossingDto(session, c.getId());
                }));
        announce(result, step);
        return result;
    }

    /**
     * Lifts a hold. Idempotent with a key: a workstation's outbox that retries after a lost answer must
     * get the first answer again, not "step is not held".
     */
    public CrossingDto releaseHold(Actor actor, long id, Step step, HoldReleaseRequest request, String idempotencyKey) {
        validator.check(request);
        requireAgency(actor, step.agency(), "lift a hold on step " + step.number());
        CrossingDto result = tx.write(session -> idempotent.run(
                session, actor, idempotencyKey, "release-hold:" + id + ":" + step, CrossingDto.class, () -> {
                    CrossingEntity c = find(session, id);
                    Map<Step, CrossingStepEntity> steps = records.stepsOf(session, c);
                    if (steps.get(step).getState() != StepState.HELD) {
                        throw GateException.conflict("step " + step.number() + " is not held");
                    }
                    confirmations.record(
                            session,
                            c,
                            steps.get(step),
                            actor,
                            StepState.PENDING,
                            station(actor, request.stationCode()),
                            request.note(),
                            "RELEASE_HOLD");
                    settle(c, steps);
                    audit.append(session, actor, "STEP_HOLD_RELEASED", "crossing", c.getId(), step.name());
                    return records.crossingDto(session, c.getId());
                }));
        announce(result, step);
        return result;
    }

    /** Opens the barrier: only when every required step has passed. */
    public CrossingDto release(Actor actor, long id, GateActionRequest request) {
        validator.check(request);
        requireAgency(actor, Agency.BORDER_GUARD, "release a vehicle across the border");
        CrossingDto result = tx.write(session -> {
            CrossingEntity c = find(session, id);
            Map<Step, CrossingStepEntity> steps = records.stepsOf(session, c);
            if (c.getStatus() != CrossingStatus.READY_TO_RELEASE || !CrossingWorkflow.releasable(states(steps))) {
                throw GateException.conflict("crossing " + id + " can't be released: " + blockers(c, steps));
            }
            Instant now = clock.instant();
            c.setReleasedAt(now);
            var d = c.getDeclaration();
            PlateCountry country = PlateParser.parse(c.getTractorPlate()).country();
            CrossingWorkflow.returnLimit(d.getDirection(), country, d.isTwoWayTransport())
                    .ifPresent(limit -> c.setReturnDeadline(now.plus(limit)));
            c.setStatus(CrossingStatus.RELEASED);
            touch(c);
            audit.append(session, actor, "CROSSING_RELEASED", "crossing", c.getId(), c.getTractorPlate());
            return records.crossingDto(session, c.getId());
        });
        announce(result, null);
        return result;
    }

    /** Records that a vehicle with a dwell limit came back. */
    public CrossingDto recordReturn(Actor actor, long id, GateActionRequest request) {
        validator.check(request);
        requireAgency(actor, Agency.BORDER_GUARD, "record a vehicle's return");
        CrossingDto result = tx.write(session -> {
            CrossingEntity c = find(session, id);
            if (c.getStatus() != CrossingStatus.RELEASED || c.getReturnDeadline() == null) {
                throw GateException.conflict("crossing " + id + " has no vehicle abroad to come back");
            }
            if (c.getReturnedAt() != null) {
                throw GateException.conflict("the vehicle of crossing " + id + " already came back");
            }
            c.setReturnedAt(clock.instant());
            touch(c);
            audit.append(session, actor, "VEHICLE_RETURNED", "crossing", c.getId(), c.getTractorPlate());
            return records.crossingDto(session, c.getId());
        });
        announce(result, null);
        return result;
    }

    static void requireAgency(Actor actor, Agency agency, String what) {
        if (!actor.isOfficerOf(agency)) {
            throw GateException.forbidden("only " + agency + " officers may " + what
                    + (actor.agency() == null ? "" : "; you work for " + actor.agency()));
        }
    }

    CrossingEntity find(Session session, long id) {
        CrossingEntity c = session.find(CrossingEntity.class, id);
        if (c == null) {
            throw GateException.notFound("crossing " + id);
        }
        return c;
    }

    private static void requireActive(CrossingEntity c) {
        if (!c.getStatus().isOpen()) {
            throw GateException.conflict("crossing " + c.getId() + " is " + c.getStatus() + ": nothing more to decide");
        }
    }

    private void settle(CrossingEntity c, Map<Step, CrossingStepEntity> steps) {
        c.setStatus(CrossingWorkflow.statusOf(states(steps)));
        touch(c);
    }

    private void touch(CrossingEntity c) {
        c.setUpdatedAt(clock.instant());
        OpenTrips.update(c);
    }

    private static Map<Step, StepState> states(Map<Step, CrossingStepEntity> steps) {
        Map<Step, StepState> states = new EnumMap<>(Step.class);
        steps.forEach((step, entity) -> states.put(step, entity.getState()));
        return states;
    }

    private static String blockers(CrossingEntity c, Map<Step, CrossingStepEntity> steps) {
        if (!c.getStatus().isOpen()) {
            return "it is " + c.getStatus();
        }
        List<String> open = steps.values().stream()
                .filter(s -> !s.getState().isDone())
                .sorted((a, b) -> a.getStep().number() - b.getStep().number())
                .map(s -> "step " + s.getStep().number() + " (" + s.getStep().title() + ") is "
                        + s.getState().name().toLowerCase())
                .toList();
        return String.join("; ", open);
    }

    private static String station(Actor actor, String requested) {
        return Optional.ofNullable(requested).filter(s -> !s.isBlank()).orElse(actor.stationCode());
    }

    private void announce(CrossingDto crossing, Step step) {
        if (step != null) {
            StepStatusDto status = crossing.steps().stream()
                    .filter(s -> s.step() == step)
                    .findFirst()
                    .orElseThrow();
            events.publish(new StepConfirmedEvent(crossing.id(), crossing.tractorPlate(), status));
        }
        events.publish(new CrossingChangedEvent(crossing));
        queue.changed();
    }
}
