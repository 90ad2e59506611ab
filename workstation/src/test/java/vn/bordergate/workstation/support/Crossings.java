package vn.bordergate.workstation.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/** Crossings made up in memory, for tests of filtering and ordering that need no server. */
public final class Crossings {
    private Crossings() {}

    /** A crossing whose steps are passed up to and including {@code passedThrough}, the rest pending. */
    public static CrossingDto at(
            long id, String plate, Direction direction, Step passedThrough, Map<Step, StepState> overrides) {
        List<StepStatusDto> steps = new ArrayList<>();
        Map<Step, StepState> states = CrossingWorkflow.initialSteps(direction, true);
        for (Step step : Step.values()) {
            StepState state = states.get(step);
            if (state == StepState.PENDING && passedThrough != null && step.number() <= passedThrough.number()) {
                state = StepState.PASSED;
            }
            state = overrides.getOrDefault(step, state);
            states.put(step, state);
            boolean decided = state != StepState.PENDING && state != StepState.SKIPPED;
            steps.add(new StepStatusDto(
                    step,
                    step.number(),
                    step.agency(),
                    state,
                    decided ? "officer" : null,
                    null,
                    decided ? Instant.parse("2026-05-12T03:00:00Z") : null,
                    null));
        }
        return new CrossingDto(
                id,
                id,
                "BG-" + id,
                1,
                "Công ty TNHH Sầu riêng Lạng Sơn",
                direction,
                plate,
                null,
                "Nguyễn Văn Thắng",
                false,
                false,
                CrossingWorkflow.statusOf(states),
                steps,
                Instant.parse("2026-05-12T02:00:00Z"),
                passedThrough != null && passedThrough.number() >= 3 ? Instant.parse("2026-05-12T02:30:00Z") : null,
                null,
                null,
                null,
                new BigDecimal("12850.5"),
                "YARD-HN",
                1);
    }

    /** The same crossing carrying perishable goods (durian, dragon fruit) that go first. */
    public static CrossingDto perishable(CrossingDto c) {
        return c.withPerishable(true);
    }

    public static CrossingDto withVersion(CrossingDto c, long version, String enterprise) {
        return new CrossingDto(
                c.id(),
                c.declarationId(),
                c.declarationCode(),
                c.enterpriseId(),
                enterprise,
                c.direction(),
                c.tractorPlate(),
                c.trailerPlate(),
                c.driverName(),
                c.perishable(),
                c.priority(),
                c.status(),
                c.steps(),
                c.expectedArrival(),
                c.arrivedAt(),
                c.releasedAt(),
                c.returnDeadline(),
                c.returnedAt(),
                c.grossWeightKg(),
                c.yardCode(),
                version);
    }
}
