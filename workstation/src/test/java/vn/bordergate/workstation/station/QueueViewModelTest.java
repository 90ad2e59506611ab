package vn.bordergate.workstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.support.Crossings;

/** The queue's filtering, counting and updating, without the FX toolkit and without a server. */
class QueueViewModelTest {
    private final QueueViewModel queue = new QueueViewModel(Agency.MEDICAL_QUARANTINE);
    private final CrossingDto atYard = Crossings.at(1, "29H-335.78", Direction.EXPORT, Step.VEHICLE_CONTROL, Map.of());
    private final CrossingDto importAtYard =
            Crossings.at(2, "桂A·12345", Direction.IMPORT, Step.VEHICLE_CONTROL, Map.of());
    private final CrossingDto enRoute = Crossings.at(3, "12C-123.45", Direction.EXPORT, Step.DECLARATION, Map.of());
    private final CrossingDto medicalPassed = Crossings.at(
            4, "98C-419.39", Direction.EXPORT, Step.VEHICLE_CONTROL, Map.of(Step.MEDICAL_QUARANTINE, StepState.PASSED));

    @Test
    void startsOnWhatWaitsForTheOfficersAgencyWithCountsPerScope() {
        queue.replaceAll(List.of(atYard, importAtYard, enRoute, medicalPassed));

        assertThat(queue.scope().get()).isEqualTo(QueueScope.MINE);
        assertThat(queue.rows()).extracting(CrossingDto::id).containsExactlyInAnyOrder(1L, 2L);
        assertThat(queue.count(QueueScope.MINE).get()).isEqualTo(2);
        assertThat(queue.count(QueueScope.AT_GATE).get()).isEqualTo(3);
        assertThat(queue.count(QueueScope.ARRIVING).get()).isEqualTo(1);
        assertThat(queue.count(QueueScope.ALL).get()).isEqualTo(4);
        assertThat(queue.shown().get()).isEqualTo(2);
        assertThat(queue.total().get()).isEqualTo(4);
    }

    @Test
    void filtersByDirectionAndSearchOnTopOfTheScope() {
        queue.replaceAll(List.of(atYard, importAtYard, enRoute, medicalPassed));
        queue.scope().set(QueueScope.ALL);
        queue.direction().set(Direction.IMPORT);
        assertThat(queue.rows()).extracting(CrossingDto::id).containsExactly(2L);

        queue.direction().set(null);
        queue.search().set("419.39");
        assertThat(queue.rows()).extracting(CrossingDto::id).containsExactly(4L);
        assertThat(queue.shown().get()).isEqualTo(1);

        queue.search().set("");
        assertThat(queue.shown().get()).isEqualTo(4);
    }

    @Test
    void anUpdateReplacesTheRowAndMovesItBetweenScopes() {
        queue.replaceAll(List.of(atYard, importAtYard));
        CrossingDto passed = Crossings.withVersion(
                Crossings.at(
                        1,
                        "29H-335.78",
                        Direction.EXPORT,
                        Step.VEHICLE_CONTROL,
                        Map.of(Step.MEDICAL_QUARANTINE, StepState.PASSED)),
                2,
                atYard.enterpriseName());

        queue.upsert(passed);

        assertThat(queue.rows()).extracting(CrossingDto::id).containsExactly(2L);
        assertThat(queue.count(QueueScope.MINE).get()).isEqualTo(1);
        assertThat(queue.byId(1)).contains(passed);
    }

    @Test
    void anOlderVersionArrivingLateIsIgnored() {
        CrossingDto newer = Crossings.withVersion(atYard, 5, "newer");
        queue.replaceAll(List.of(newer));

        queue.upsert(Crossings.withVersion(atYard, 4, "older"));

        assertThat(queue.byId(1).orElseThrow().enterpriseName()).isEqualTo("newer");
    }

    @Test
    void aNewCrossingIsAddedAndCounted() {
        queue.replaceAll(List.of(atYard));
        queue.upsert(importAtYard);
        assertThat(queue.count(QueueScope.ALL).get()).isEqualTo(2);
        assertThat(queue.rows()).hasSize(2);
    }

    @Test
    void aDecidedStepIsPatchedIntoItsRowAtOnce() {
        queue.replaceAll(List.of(atYard));
        StepStatusDto held = new StepStatusDto(
                Step.BORDER_CONTROL,
                5,
                Agency.BORDER_GUARD,
                StepState.HELD,
                "borderguard",
                "HN-BG-1",
                Instant.parse("2026-05-12T04:00:00Z"),
                "seal broken");

        queue.patchStep(1, held);

        assertThat(QueueFilter.states(queue.byId(1).orElseThrow())).containsEntry(Step.BORDER_CONTROL, StepState.HELD);
    }

    @Test
    void perishableGoodsComeFirstThenWhoeverWaitedLongest() {
        CrossingDto durian =
                Crossings.perishable(Crossings.at(7, "29H-777.77", Direction.EXPORT, Step.VEHICLE_CONTROL, Map.of()));
        CrossingDto notArrived = Crossings.at(8, "29H-888.88", Direction.EXPORT, Step.TRANSPORT, Map.of());
        queue.scope().set(QueueScope.ALL);
        queue.replaceAll(List.of(notArrived, atYard, durian));
        assertThat(queue.rows()).extracting(CrossingDto::id).containsExactly(7L, 1L, 8L);
    }
}
