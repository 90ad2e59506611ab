package vn.bordergate.server.service;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.persistence.CrossingStepEntity;

/**
 * A crossing's steps as stored: a step has a row only once it has something to record (decided, skipped,
 * or a hold released with its officer and note); a step without a row is pending. Declaring a crossing thus
 * writes only its skipped steps, not eight rows of five B-trees each (the declaration writer was four-fifths
 * Derby, most of it those rows: docs/benchmarks.md, perf10). The unique (crossing, step) key still gives
 * one winner when two first decisions of a step race: the loser's insert fails ({@link ConcurrentChanges}).
 */
final class CrossingSteps {
    private CrossingSteps() {}

    /** A step not yet stored, pending (persisted only when something is recorded on it). */
    static CrossingStepEntity pending(CrossingEntity c, Step step) {
        CrossingStepEntity s = new CrossingStepEntity();
        s.setCrossing(c);
        s.setStep(step);
        s.setState(StepState.PENDING);
        return s;
    }

    /** Every step of a crossing from its stored rows: those without one pending. */
    static Map<Step, CrossingStepEntity> all(CrossingEntity c, Collection<CrossingStepEntity> stored) {
        Map<Step, CrossingStepEntity> steps = new EnumMap<>(Step.class);
        stored.forEach(s -> steps.put(s.getStep(), s));
        for (Step step : Step.values()) {
            steps.computeIfAbsent(step, k -> pending(c, k));
        }
        return steps;
    }

    /** Every step's state from the stored ones: those without a row pending. */
    static Map<Step, StepState> states(Map<Step, StepState> stored) {
        Map<Step, StepState> states = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            states.put(step, stored.getOrDefault(step, StepState.PENDING));
        }
        return states;
    }

    /** How a step without a row is shown: exactly as its pending row was before rows were kept only when due. */
    static StepStatusDto pendingDto(Step step) {
        return new StepStatusDto(step, step.number(), step.agency(), StepState.PENDING, null, null, null, null);
    }
}
