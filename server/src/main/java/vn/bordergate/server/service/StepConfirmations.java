package vn.bordergate.server.service;

import java.time.Clock;
import java.time.Instant;
import org.hibernate.LockMode;
import org.hibernate.Session;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;
import vn.bordergate.server.persistence.StepConfirmationEntity;
import vn.bordergate.server.security.Actor;

/**
 * Writes what an officer did to a step: the step's current state (its row created on its first record, {@link
 * CrossingSteps}) and one more entry of the step's confirmation history, in the caller's transaction.
 */
final class StepConfirmations {
    private final Clock clock;

    StepConfirmations(Clock clock) {
        this.clock = clock;
    }

    /** {@code action}: what the history calls it (PASS, HOLD, REJECT, RELEASE_HOLD…). */
    void record(
            Session session,
            CrossingEntity c,
            CrossingStepEntity s,
            Actor actor,
            StepState state,
            String station,
            String reason,
            String action) {
        if (s.getId() == null) {
            lockForFirstRecord(session, c);
        }
        Instant now = clock.instant();
        s.setState(state);
        s.setOfficer(actor.username());
        s.setStationCode(station);
        s.setDecidedAt(now);
        s.setReason(reason == null || reason.isBlank() ? null : reason.strip());
        if (s.getId() == null) {
            // the step's first record: its row is written now (a step without one is pending); a concurrent
            // first decision of the same step loses on the unique (crossing, step) key (ConcurrentChanges: 409)
            session.persist(s);
        }
        StepConfirmationEntity history = new StepConfirmationEntity();
        history.setCrossingId(c.getId());
        history.setStep(s.getStep());
        history.setAgency(s.getStep().agency());
        history.setAction(action);
        history.setOfficer(actor.username());
        history.setStationCode(station);
        history.setDecidedAt(now);
        history.setReason(s.getReason());
        session.persist(history);
    }

    /**
     * Before a step's row is inserted, the crossing is locked (checking its version, so a change meanwhile is
     * a 409 as ever): the insert checks its crossing (foreign key) under a share lock, and a second first
     * decision of the step would hold that lock while waiting for the first one's row, which then waits for
     * it to update the crossing: a deadlock, broken only after Derby's 20 s (StepRowsTest).
     */
    private static void lockForFirstRecord(Session session, CrossingEntity c) {
        session.lock(c, LockMode.PESSIMISTIC_WRITE);
    }
}
