package vn.bordergate.common.workflow;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import vn.bordergate.common.plate.PlateCountry;

/**
 * The rules of the crossing process that both the server and the workstation apply: which steps a
 * crossing needs, whether a step may be decided now, and what the crossing's status is.
 */
public final class CrossingWorkflow {
    private CrossingWorkflow() {}

    /**
     * Whether a step applies to a trip. Plant and animal quarantine only for goods that need it;
     * transshipment not for transit, where the sealed vehicle itself crosses.
     */
    public static boolean applies(Step step, Direction direction, boolean goodsNeedQuarantine) {
        return switch (step) {
            case PLANT_ANIMAL_QUARANTINE -> goodsNeedQuarantine;
            case TRANSSHIPMENT -> direction != Direction.TRANSIT;
            default -> true;
        };
    }

    /** The initial state of every step: pending where it applies, skipped by rule elsewhere. */
    public static Map<Step, StepState> initialSteps(Direction direction, boolean goodsNeedQuarantine) {
        Map<Step, StepState> steps = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            steps.put(step, applies(step, direction, goodsNeedQuarantine) ? StepState.PENDING : StepState.SKIPPED);
        }
        return steps;
    }

    /**
     * Why {@code agency} may not decide {@code step} now, or empty when it may. Holding a step that is
     * already held is refused too: a hold is lifted, not repeated.
     */
    public static Optional<String> refusal(Map<Step, StepState> steps, Step step, Agency agency, Outcome outcome) {
        if (step.agency() != agency) {
            return Optional.of("step " + step.number() + " (" + step.title() + ") belongs to " + step.agency()
                    + ", not to " + agency);
        }
        StepState current = steps.get(step);
        if (current == StepState.SKIPPED) {
            return Optional.of("step " + step.number() + " does not apply to this crossing");
        }
        if (current == StepState.PASSED || current == StepState.REJECTED) {
            return Optional.of(
                    "step " + step.number() + " is already " + current.name().toLowerCase());
        }
        if (current == StepState.HELD) {
            return Optional.of("step " + step.number() + " is held: release the hold first");
        }
        Optional<Step> heldElsewhere = steps.entrySet().stream()
                .filter(e -> e.getValue() == StepState.HELD)
                .map(Map.Entry::getKey)
                .findFirst();
        if (heldElsewhere.isPresent() && outcome == Outcome.PASS) {
            return Optional.of("the crossing is held by " + heldElsewhere.get().agency() + " at step "
                    + heldElsewhere.get().number() + ": nothing passes until that hold is released");
        }
        for (Step before : step.prerequisites()) {
            if (!steps.get(before).isDone()) {
                return Optional.of("step " + before.number() + " (" + before.title() + ") must pass first");
            }
        }
        return Optional.empty();
    }

    /** Every step that applies is passed: the vehicle may be released across the border. */
    public static boolean releasable(Map<Step, StepState> steps) {
        return steps.values().stream().allMatch(StepState::isDone);
    }

    /** The crossing's status from its steps, for a crossing that is not yet released or cancelled. */
    public static CrossingStatus statusOf(Map<Step, StepState> steps) {
        if (steps.get(Step.DECLARATION) == StepState.REJECTED) {
            return CrossingStatus.DECLARATION_REJECTED;
        }
        if (steps.containsValue(StepState.REJECTED)) {
            return CrossingStatus.TURNED_BACK;
        }
        if (steps.containsValue(StepState.HELD)) {
            return CrossingStatus.HELD;
        }
        if (releasable(steps)) {
            return CrossingStatus.READY_TO_RELEASE;
        }
        if (!steps.get(Step.DECLARATION).isDone()) {
            return CrossingStatus.DECLARED;
        }
        if (!steps.get(Step.TRANSPORT).isDone()) {
            return CrossingStatus.EN_ROUTE;
        }
        return CrossingStatus.IN_PROGRESS;
    }

    /**
     * How long a vehicle that itself crosses into the other country may stay before it must come back:
     * 24 h after delivery, 36 h for two-way transport. Empty when the vehicle does not cross (goods are
     * handed over at the border) or when it is a transit vehicle that leaves through another gate.
     */
    public static Optional<Duration> returnLimit(Direction direction, PlateCountry vehicleCountry, boolean twoWay) {
        boolean entersOtherCountry =
                switch (direction) {
                    case IMPORT, TEMPORARY_IMPORT_REEXPORT -> vehicleCountry == PlateCountry.CN;
                    case EXPORT -> vehicleCountry == PlateCountry.VN;
                    case TRANSIT, TRANSSHIPMENT -> false;
                };
        return entersOtherCountry ? Optional.of(Duration.ofHours(twoWay ? 36 : 24)) : Optional.empty();
    }
}
