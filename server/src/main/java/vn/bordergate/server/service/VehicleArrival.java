package vn.bordergate.server.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.security.Actor;

/**
 * A lane camera recognised a declared vehicle at the yard entry: its arrival (step 2) and the plate
 * check of vehicle control (step 3) pass in the lane's name, so no officer types the plate. Steps
 * that can't pass yet (a declaration not accepted, a crossing on hold) are left for the officers.
 */
public final class VehicleArrival {
    private static final Logger LOG = LoggerFactory.getLogger(VehicleArrival.class);

    private static final Step[] ARRIVAL = {Step.TRANSPORT, Step.VEHICLE_CONTROL};

    /** Crossings whose steps are read in one statement (an in-list size {@link InListParameters} keeps). */
    private static final int STATES_CHUNK = 128;

    private final Transactions tx;
    private final CrossingService crossings;

    public VehicleArrival(Transactions tx, CrossingService crossings) {
        this.tx = tx;
        this.crossings = crossings;
    }

    void arrived(long crossingId, String cameraCode, String laneCode) {
        arrived(crossingId, cameraCode, laneCode, null);
    }

    /**
     * As {@link #arrived(long, String, String)}, with the crossing's step states when they were already read
     * after the read's commit ({@link #stepStates(Collection)}, for a whole batch of reads at once); null: read
     * them now.
     */
    void arrived(long crossingId, String cameraCode, String laneCode, Map<Step, StepState> readAfterCommit) {
        Actor lane = new Actor(0, "camera:" + cameraCode, Role.OFFICER, Agency.GATE_MANAGEMENT, laneCode, null);
        try {
            // the step states only, not the whole crossing: most matched reads pass nothing (a declaration
            // not yet accepted), and building the crossing for them was a fifth of the server's CPU under
            // plate-read load (JFR, docs/benchmarks.md)
            Map<Step, StepState> states =
                    readAfterCommit != null ? readAfterCommit : tx.read(session -> stepStates(session, crossingId));
            try {
                advance(lane, crossingId, states);
            } catch (GateException refused) {
                if (readAfterCommit == null || refused.kind() != GateException.Kind.CONFLICT) {
                    throw refused;
                }
                // the batch's states are a few milliseconds old: an officer may have passed a step since (the
                // camera's PASS of it is refused) and the next step is still due, so look again, once
                advance(lane, crossingId, tx.read(session -> stepStates(session, crossingId)));
            }
        } catch (GateException refused) {
            if (refused.kind() == GateException.Kind.UNAVAILABLE) {
                // the read is recorded but the arrival is not, and the camera won't send it again: officers must
                LOG.warn(
                        "crossing {} seen by {} but its arrival was not recorded: {}",
                        crossingId,
                        cameraCode,
                        refused.getMessage());
            } else {
                LOG.debug("crossing {} not advanced by {}: {}", crossingId, cameraCode, refused.getMessage());
            }
        }
    }

    /**
     * Whether {@link #arrived} with these step states would try to pass a step, a write that may wait for the
     * crossing's lock and a commit; false: it would do nothing.
     */
    static boolean mayPass(Map<Step, StepState> states) {
        for (Step step : ARRIVAL) {
            if (states.get(step) == StepState.PENDING
                    && CrossingWorkflow.refusal(states, step, Agency.GATE_MANAGEMENT, Outcome.PASS)
                            .isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void advance(Actor lane, long crossingId, Map<Step, StepState> states) {
        for (Step step : ARRIVAL) {
            // a step the workflow would refuse (declaration not yet accepted, say) is not even tried:
            // that write would only wait for the crossing's lock to be refused
            if (states.get(step) == StepState.PENDING
                    && CrossingWorkflow.refusal(states, step, Agency.GATE_MANAGEMENT, Outcome.PASS)
                            .isEmpty()) {
                states = states(crossings.decide(
                        lane, crossingId, step, new StepDecisionRequest(Outcome.PASS, null, null), null));
            }
        }
    }

    private static Map<Step, StepState> states(CrossingDto crossing) {
        Map<Step, StepState> states = new EnumMap<>(Step.class);
        crossing.steps().forEach(s -> states.put(s.step(), s.state()));
        return states;
    }

    /**
     * The step states of these crossings in one read-only transaction, by crossing (each one asked for; a step
     * without a row pending): asked once per batch of plate reads after its commit, instead of once per matched
     * read.
     */
    Map<Long, Map<Step, StepState>> stepStates(Collection<Long> crossingIds) {
        Map<Long, Map<Step, StepState>> states = new HashMap<>();
        if (crossingIds.isEmpty()) {
            return states;
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(crossingIds));
        tx.read(session -> {
            for (int from = 0; from < ids.size(); from += STATES_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + STATES_CHUNK));
                for (Object[] row : InListParameters.bind(
                                session.createSelectionQuery(
                                        "select crossing.id, step, state from CrossingStepEntity where crossing.id in ("
                                                + InListParameters.in("c", chunk.size())
                                                + ")",
                                        Object[].class),
                                "c",
                                chunk)
                        .getResultList()) {
                    states.computeIfAbsent((Long) row[0], id -> new EnumMap<>(Step.class))
                            .put((Step) row[1], (StepState) row[2]);
                }
            }
            return null;
        });
        Map<Long, Map<Step, StepState>> all = new HashMap<>();
        ids.forEach(id -> all.put(id, CrossingSteps.states(states.getOrDefault(id, Map.of()))));
        return all;
    }

    private static Map<Step, StepState> stepStates(Session session, long crossingId) {
        Map<Step, StepState> states = new EnumMap<>(Step.class);
        for (Object[] row : session.createSelectionQuery(
                        "select step, state from CrossingStepEntity where crossing.id = :id", Object[].class)
                .setParameter("id", crossingId)
                .getResultList()) {
            states.put((Step) row[0], (StepState) row[1]);
        }
        return CrossingSteps.states(states);
    }
}
