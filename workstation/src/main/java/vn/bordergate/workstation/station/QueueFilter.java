package vn.bordergate.workstation.station;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.CrossingWorkflow;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/**
 * Which crossings the queue shows: a scope, a direction (null for all) and a search text matched against
 * plates, company, declaration code and driver. Plates match whatever the punctuation ("29H33578" finds
 * 29H-335.78) and names whatever the accents ("sau rieng" finds "Sầu riêng"), because officers type fast.
 */
public record QueueFilter(QueueScope scope, Direction direction, String search, Agency agency)
        implements Predicate<CrossingDto> {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_PLATE = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Override
    public boolean test(CrossingDto crossing) {
        return inScope(scope, crossing, agency)
                && (direction == null || crossing.direction() == direction)
                && matches(crossing, search);
    }

    public static boolean inScope(QueueScope scope, CrossingDto crossing, Agency agency) {
        CrossingStatus status = crossing.status();
        return switch (scope) {
            case MINE -> agency != null && status.isOpen() && actionableStep(crossing, agency) != null;
            case AT_GATE -> status == CrossingStatus.IN_PROGRESS
                    || status == CrossingStatus.HELD
                    || status == CrossingStatus.READY_TO_RELEASE;
            case HELD -> status == CrossingStatus.HELD;
            case ARRIVING -> status == CrossingStatus.DECLARED
                    || status == CrossingStatus.EN_ROUTE
                    || status == CrossingStatus.DECLARATION_REJECTED;
            case DONE -> !status.isOpen();
            case ALL -> true;
        };
    }

    /**
     * The agency's step the officer would act on now: one it holds (to lift), else the first pending one
     * it may decide. Null when there is none.
     */
    public static Step actionableStep(CrossingDto crossing, Agency agency) {
        if (agency == null || !crossing.status().isOpen()) {
            return null;
        }
        Map<Step, StepState> states = states(crossing);
        Step pending = null;
        for (Step step : Step.values()) {
            if (step.agency() != agency) {
                continue;
            }
            if (states.get(step) == StepState.HELD) {
                return step;
            }
            if (pending == null
                    && CrossingWorkflow.refusal(states, step, agency, Outcome.HOLD)
                            .isEmpty()) {
                pending = step;
            }
        }
        return pending;
    }

    public static Map<Step, StepState> states(CrossingDto crossing) {
        Map<Step, StepState> states = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            states.put(step, StepState.SKIPPED);
        }
        for (StepStatusDto line : crossing.steps()) {
            states.put(line.step(), line.state());
        }
        return states;
    }

    static boolean matches(CrossingDto crossing, String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String plateQuery = plateKey(search);
        if (!plateQuery.isEmpty()
                && (plateKey(crossing.tractorPlate()).contains(plateQuery)
                        || plateKey(crossing.trailerPlate()).contains(plateQuery)
                        || plateKey(crossing.declarationCode()).contains(plateQuery))) {
            return true;
        }
        String textQuery = textKey(search.strip());
        return textKey(crossing.enterpriseName()).contains(textQuery)
                || textKey(crossing.driverName()).contains(textQuery)
                || textKey(crossing.declarationCode()).contains(textQuery);
    }

    /** Letters and digits only, upper case, accents dropped: "桂a·12345" → "桂A12345". */
    static String plateKey(String text) {
        return text == null ? "" : NOT_PLATE.matcher(textKey(text)).replaceAll("");
    }

    /** Upper-cased for matching and stripped of accents; đ counts as d. */
    static String textKey(String text) {
        if (text == null) {
            return "";
        }
        String plain =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return plain.replace('đ', 'd').replace('Đ', 'D').toUpperCase(Locale.ROOT);
    }
}
