package vn.bordergate.server.service;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.DeclarationEntity;

/**
 * The crossing a declaration opens, as its declaration says: its plates, arrival, goods' kind and steps,
 * set when it is declared and again when a correction is resubmitted.
 */
public final class DeclaredCrossings {
    private final DeclarationRecords records;
    private final Clock clock;

    public DeclaredCrossings(DeclarationRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Opens the crossing of a new declaration; {@code steps} receives its stored steps, as written. */
    CrossingEntity open(
            Session session,
            DeclarationEntity d,
            DeclarationRequest request,
            DeclaredVehicles vehicles,
            List<CrossingStepEntity> steps) {
        CrossingEntity c = new CrossingEntity();
        c.setDeclaration(d);
        setPlates(c, vehicles);
        c.setExpectedArrival(request.expectedArrival());
        c.setPerishable(records.perishable(request.goods()));
        c.setPriority(d.getEnterprise().isPriority());
        touch(c, CrossingStatus.DECLARED);
        session.persist(c);
        resetSteps(session, c, request, true, steps);
        return c;
    }

    /**
     * Declares the crossing again as a corrected declaration says, its steps back to their start; {@code
     * steps} receives those still stored, as written.
     */
    void redeclare(
            Session session,
            CrossingEntity c,
            DeclarationRequest request,
            DeclaredVehicles vehicles,
            List<CrossingStepEntity> steps) {
        setPlates(c, vehicles);
        c.setExpectedArrival(request.expectedArrival());
        c.setPerishable(records.perishable(request.goods()));
        resetSteps(session, c, request, false, steps);
        touch(c, CrossingStatus.DECLARED);
    }

    /** A new status, with its time and the open-trip keys that follow from it. */
    void touch(CrossingEntity c, CrossingStatus status) {
        c.setStatus(status);
        c.setUpdatedAt(clock.instant());
        OpenTrips.update(c);
    }

    private void resetSteps(
            Session session,
            CrossingEntity c,
            DeclarationRequest request,
            boolean fresh,
            List<CrossingStepEntity> steps) {
        boolean quarantine = request.goods().stream().anyMatch(g -> g.quarantine() != QuarantineKind.NONE);
        Map<Step, StepState> initial = CrossingWorkflow.initialSteps(request.direction(), quarantine);
        // a crossing opened in this transaction has no steps yet: no need to ask (and flush) for them
        Map<Step, CrossingStepEntity> existing = new EnumMap<>(Step.class);
        if (!fresh) {
            records.storedStepsOf(session, c).forEach(s -> existing.put(s.getStep(), s));
        }
        initial.forEach((step, state) -> {
            CrossingStepEntity s = existing.get(step);
            if (state == StepState.PENDING) {
                // a pending step at its start records nothing: no row (CrossingSteps)
                if (s != null) {
                    session.remove(s);
                }
                return;
            }
            boolean isNew = s == null;
            if (isNew) {
                s = new CrossingStepEntity();
                s.setCrossing(c);
                s.setStep(step);
            }
            s.setState(state);
            s.setOfficer(null);
            s.setStationCode(null);
            s.setDecidedAt(null);
            s.setReason(null);
            if (isNew) {
                session.persist(s);
            }
            steps.add(s);
        });
    }

    private static void setPlates(CrossingEntity c, DeclaredVehicles vehicles) {
        c.setTractorPlate(vehicles.tractor().normalized());
        c.setTrailerPlate(vehicles.trailer() == null ? null : vehicles.trailer().normalized());
    }
}
