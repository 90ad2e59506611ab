package vn.bordergate.common.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bordergate.common.workflow.Step.BORDER_CONTROL;
import static vn.bordergate.common.workflow.Step.DECLARATION;
import static vn.bordergate.common.workflow.Step.FEE_COLLECTION;
import static vn.bordergate.common.workflow.Step.MEDICAL_QUARANTINE;
import static vn.bordergate.common.workflow.Step.PLANT_ANIMAL_QUARANTINE;
import static vn.bordergate.common.workflow.Step.TRANSPORT;
import static vn.bordergate.common.workflow.Step.TRANSSHIPMENT;
import static vn.bordergate.common.workflow.Step.VEHICLE_CONTROL;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CrossingWorkflowTest {

    /** A crossing of an export with quarantined goods, where the given steps have passed. */
    private static Map<Step, StepState> passed(Step... steps) {
        Map<Step, StepState> map = CrossingWorkflow.initialSteps(Direction.EXPORT, true);
        for (Step step : steps) {
            map.put(step, StepState.PASSED);
        }
        return map;
    }

    /** A crossing at the gate: declaration, transport and vehicle control passed. */
    private static Map<Step, StepState> atTheYard() {
        return passed(DECLARATION, TRANSPORT, VEHICLE_CONTROL);
    }

    @Nested
    class Steps {

        @Test
        void eightStepsNumberedOneToEightInOrder() {
            Step[] steps = Step.values();

            assertThat(steps).hasSize(8);
            for (int i = 0; i < steps.length; i++) {
                assertThat(steps[i].number()).as(steps[i].name()).isEqualTo(i + 1);
            }
            assertThat(steps)
                    .containsExactly(
                            DECLARATION,
                            TRANSPORT,
                            VEHICLE_CONTROL,
                            MEDICAL_QUARANTINE,
                            BORDER_CONTROL,
                            PLANT_ANIMAL_QUARANTINE,
                            TRANSSHIPMENT,
                            FEE_COLLECTION);
        }

        @ParameterizedTest(name = "{0} belongs to {1}")
        @CsvSource({
            "DECLARATION, CUSTOMS",
            "TRANSPORT, GATE_MANAGEMENT",
            "VEHICLE_CONTROL, GATE_MANAGEMENT",
            "MEDICAL_QUARANTINE, MEDICAL_QUARANTINE",
            "BORDER_CONTROL, BORDER_GUARD",
            "PLANT_ANIMAL_QUARANTINE, PLANT_ANIMAL_QUARANTINE",
            "TRANSSHIPMENT, CUSTOMS",
            "FEE_COLLECTION, FEE_COLLECTION"
        })
        void agencyOfEachStep(Step step, Agency agency) {
            assertThat(step.agency()).isEqualTo(agency);
        }

        @Test
        void everyAgencyOwnsAStep() {
            assertThat(Arrays.stream(Step.values()).map(Step::agency)).containsOnly(Agency.values());
        }

        @Test
        void everyStepHasATitle() {
            for (Step step : Step.values()) {
                assertThat(step.title()).as(step.name()).isNotBlank();
            }
        }

        @Test
        void prerequisites() {
            assertThat(DECLARATION.prerequisites()).isEmpty();
            assertThat(TRANSPORT.prerequisites()).containsExactly(DECLARATION);
            assertThat(VEHICLE_CONTROL.prerequisites()).containsExactly(TRANSPORT);
            for (Step step : EnumSet.of(
                    MEDICAL_QUARANTINE, BORDER_CONTROL, PLANT_ANIMAL_QUARANTINE, TRANSSHIPMENT, FEE_COLLECTION)) {
                assertThat(step.prerequisites()).as(step.name()).containsExactly(VEHICLE_CONTROL);
            }
        }

        @Test
        void prerequisitesComeEarlierInTheOrder() {
            for (Step step : Step.values()) {
                for (Step before : step.prerequisites()) {
                    assertThat(before.number()).isLessThan(step.number());
                }
            }
        }

        @Test
        void onlyPassedAndSkippedAreDone() {
            assertThat(Arrays.stream(StepState.values()).filter(StepState::isDone))
                    .containsExactlyInAnyOrder(StepState.PASSED, StepState.SKIPPED);
        }
    }

    @Nested
    class InitialSteps {

        @ParameterizedTest
        @EnumSource(
                value = Direction.class,
                names = {"EXPORT", "IMPORT", "TEMPORARY_IMPORT_REEXPORT", "TRANSSHIPMENT"})
        void everyStepPendingForQuarantinedGoodsOutsideTransit(Direction direction) {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(direction, true);

            assertThat(steps).containsOnlyKeys(Step.values());
            assertThat(steps.values()).containsOnly(StepState.PENDING);
        }

        @Test
        void plantAnimalQuarantineSkippedWhenGoodsNeedNone() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.IMPORT, false);

            assertThat(steps).containsOnlyKeys(Step.values());
            assertThat(steps).containsEntry(PLANT_ANIMAL_QUARANTINE, StepState.SKIPPED);
            assertThat(steps.entrySet())
                    .filteredOn(e -> e.getKey() != PLANT_ANIMAL_QUARANTINE)
                    .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(StepState.PENDING));
        }

        @Test
        void transshipmentSkippedForTransit() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.TRANSIT, true);

            assertThat(steps).containsEntry(TRANSSHIPMENT, StepState.SKIPPED);
            assertThat(steps).containsEntry(PLANT_ANIMAL_QUARANTINE, StepState.PENDING);
            assertThat(steps.values()).filteredOn(s -> s == StepState.SKIPPED).hasSize(1);
        }

        @Test
        void transitWithoutQuarantineSkipsBoth() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.TRANSIT, false);

            assertThat(steps)
                    .containsEntry(TRANSSHIPMENT, StepState.SKIPPED)
                    .containsEntry(PLANT_ANIMAL_QUARANTINE, StepState.SKIPPED);
            assertThat(steps.values()).filteredOn(s -> s == StepState.PENDING).hasSize(6);
        }

        @Test
        void appliesMatchesInitialSteps() {
            for (Direction direction : Direction.values()) {
                for (boolean quarantine : new boolean[] {true, false}) {
                    Map<Step, StepState> steps = CrossingWorkflow.initialSteps(direction, quarantine);
                    for (Step step : Step.values()) {
                        assertThat(steps.get(step))
                                .isEqualTo(
                                        CrossingWorkflow.applies(step, direction, quarantine)
                                                ? StepState.PENDING
                                                : StepState.SKIPPED);
                    }
                }
            }
        }

        @Test
        void initialStepsAreAFreshMutableMap() {
            Map<Step, StepState> first = CrossingWorkflow.initialSteps(Direction.EXPORT, true);
            first.put(DECLARATION, StepState.PASSED);

            assertThat(CrossingWorkflow.initialSteps(Direction.EXPORT, true))
                    .containsEntry(DECLARATION, StepState.PENDING);
        }
    }

    @Nested
    class Refusal {

        @Test
        void firstStepMayBeDecidedByCustoms() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.EXPORT, true);

            for (Outcome outcome : Outcome.values()) {
                assertThat(CrossingWorkflow.refusal(steps, DECLARATION, Agency.CUSTOMS, outcome))
                        .as(outcome.name())
                        .isEmpty();
            }
        }

        @Test
        void wrongAgencyIsRefusedNamingTheOwner() {
            Map<Step, StepState> steps = atTheYard();

            assertThat(CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.CUSTOMS, Outcome.PASS))
                    .hasValueSatisfying(message -> assertThat(message)
                            .contains("BORDER_GUARD")
                            .contains("CUSTOMS")
                            .contains("step 5"));
            assertThat(CrossingWorkflow.refusal(steps, TRANSSHIPMENT, Agency.BORDER_GUARD, Outcome.HOLD))
                    .hasValueSatisfying(message -> assertThat(message).contains("belongs to CUSTOMS"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Step.class)
        void everyStepRefusesEveryOtherAgency(Step step) {
            Map<Step, StepState> steps = atTheYard();
            for (Agency agency : Agency.values()) {
                if (agency != step.agency()) {
                    assertThat(CrossingWorkflow.refusal(steps, step, agency, Outcome.PASS))
                            .as("%s by %s", step, agency)
                            .hasValueSatisfying(m -> assertThat(m).contains("belongs to " + step.agency()));
                }
            }
        }

        @Test
        void skippedStepIsRefused() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.TRANSIT, false);
            steps.put(DECLARATION, StepState.PASSED);
            steps.put(TRANSPORT, StepState.PASSED);
            steps.put(VEHICLE_CONTROL, StepState.PASSED);

            assertThat(CrossingWorkflow.refusal(
                            steps, PLANT_ANIMAL_QUARANTINE, Agency.PLANT_ANIMAL_QUARANTINE, Outcome.PASS))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 6").contains("does not apply"));
            assertThat(CrossingWorkflow.refusal(steps, TRANSSHIPMENT, Agency.CUSTOMS, Outcome.HOLD))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 7").contains("does not apply"));
        }

        @Test
        void vehicleControlBeforeTransportIsRefused() {
            Map<Step, StepState> steps = passed(DECLARATION);

            assertThat(CrossingWorkflow.refusal(steps, VEHICLE_CONTROL, Agency.GATE_MANAGEMENT, Outcome.PASS))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 2").contains("must pass first"));

            steps.put(TRANSPORT, StepState.PASSED);
            assertThat(CrossingWorkflow.refusal(steps, VEHICLE_CONTROL, Agency.GATE_MANAGEMENT, Outcome.PASS))
                    .isEmpty();
        }

        @Test
        void transportBeforeDeclarationIsRefused() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.IMPORT, false);

            assertThat(CrossingWorkflow.refusal(steps, TRANSPORT, Agency.GATE_MANAGEMENT, Outcome.PASS))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 1").contains("must pass first"));
        }

        @Test
        void medicalQuarantineBeforeVehicleControlIsRefused() {
            Map<Step, StepState> steps = passed(DECLARATION, TRANSPORT);

            assertThat(CrossingWorkflow.refusal(steps, MEDICAL_QUARANTINE, Agency.MEDICAL_QUARANTINE, Outcome.PASS))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 3").contains("must pass first"));
            // a hold or rejection is also a decision on the step: prerequisites apply to it too
            assertThat(CrossingWorkflow.refusal(steps, MEDICAL_QUARANTINE, Agency.MEDICAL_QUARANTINE, Outcome.HOLD))
                    .isPresent();
            assertThat(CrossingWorkflow.refusal(steps, MEDICAL_QUARANTINE, Agency.MEDICAL_QUARANTINE, Outcome.REJECT))
                    .isPresent();
        }

        @Test
        void heldPrerequisiteIsNotDone() {
            Map<Step, StepState> steps = passed(DECLARATION, TRANSPORT);
            steps.put(VEHICLE_CONTROL, StepState.HELD);

            assertThat(CrossingWorkflow.refusal(steps, FEE_COLLECTION, Agency.FEE_COLLECTION, Outcome.HOLD))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 3"));
        }

        @Test
        void parallelStepsMayBeDecidedInAnyOrderAfterVehicleControl() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(FEE_COLLECTION, StepState.PASSED);

            for (Step step : EnumSet.of(MEDICAL_QUARANTINE, BORDER_CONTROL, PLANT_ANIMAL_QUARANTINE, TRANSSHIPMENT)) {
                assertThat(CrossingWorkflow.refusal(steps, step, step.agency(), Outcome.PASS))
                        .as(step.name())
                        .isEmpty();
            }
        }

        @Test
        void skippedPrerequisiteCountsAsDone() {
            // no crossing skips vehicle control today, but a skipped prerequisite must not block
            Map<Step, StepState> steps = passed(DECLARATION, TRANSPORT);
            steps.put(VEHICLE_CONTROL, StepState.SKIPPED);

            assertThat(CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.BORDER_GUARD, Outcome.PASS))
                    .isEmpty();
        }

        @Test
        void heldStepElsewhereBlocksPassOfOtherSteps() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(MEDICAL_QUARANTINE, StepState.HELD);

            assertThat(CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.BORDER_GUARD, Outcome.PASS))
                    .hasValueSatisfying(m ->
                            assertThat(m).contains("held by MEDICAL_QUARANTINE").contains("step 4"));
            assertThat(CrossingWorkflow.refusal(steps, FEE_COLLECTION, Agency.FEE_COLLECTION, Outcome.PASS))
                    .isPresent();
        }

        @Test
        void heldStepElsewhereStillAllowsOtherAgenciesToHoldOrReject() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(MEDICAL_QUARANTINE, StepState.HELD);

            assertThat(CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.BORDER_GUARD, Outcome.HOLD))
                    .isEmpty();
            assertThat(CrossingWorkflow.refusal(
                            steps, PLANT_ANIMAL_QUARANTINE, Agency.PLANT_ANIMAL_QUARANTINE, Outcome.REJECT))
                    .isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Outcome.class)
        void heldStepItselfIsRefusedWhateverTheOutcome(Outcome outcome) {
            Map<Step, StepState> steps = atTheYard();
            steps.put(BORDER_CONTROL, StepState.HELD);

            assertThat(CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.BORDER_GUARD, outcome))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 5 is held"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Outcome.class)
        void alreadyPassedStepIsRefused(Outcome outcome) {
            Map<Step, StepState> steps = atTheYard();

            assertThat(CrossingWorkflow.refusal(steps, VEHICLE_CONTROL, Agency.GATE_MANAGEMENT, outcome))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 3 is already passed"));
            assertThat(CrossingWorkflow.refusal(steps, DECLARATION, Agency.CUSTOMS, outcome))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 1 is already passed"));
        }

        @Test
        void alreadyRejectedStepIsRefused() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(BORDER_CONTROL, StepState.REJECTED);

            assertThat(CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.BORDER_GUARD, Outcome.PASS))
                    .hasValueSatisfying(m -> assertThat(m).contains("step 5 is already rejected"));
        }

        @Test
        void wrongAgencyIsCheckedBeforeState() {
            Map<Step, StepState> steps = atTheYard();

            assertThat(CrossingWorkflow.refusal(steps, DECLARATION, Agency.BORDER_GUARD, Outcome.PASS))
                    .hasValueSatisfying(m -> assertThat(m).contains("belongs to CUSTOMS"));
        }

        @Test
        void refusalDoesNotChangeTheSteps() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(MEDICAL_QUARANTINE, StepState.HELD);
            Map<Step, StepState> copy = new EnumMap<>(steps);

            CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.BORDER_GUARD, Outcome.PASS);
            CrossingWorkflow.refusal(steps, BORDER_CONTROL, Agency.BORDER_GUARD, Outcome.HOLD);

            assertThat(steps).isEqualTo(copy);
        }
    }

    @Nested
    class Releasable {

        @Test
        void releasableWhenEveryStepPassedOrSkipped() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.TRANSIT, false);
            for (Step step : Step.values()) {
                if (steps.get(step) == StepState.PENDING) {
                    steps.put(step, StepState.PASSED);
                }
            }

            assertThat(steps.values()).contains(StepState.SKIPPED);
            assertThat(CrossingWorkflow.releasable(steps)).isTrue();
        }

        @Test
        void allPassedIsReleasable() {
            assertThat(CrossingWorkflow.releasable(passed(Step.values()))).isTrue();
        }

        @Test
        void notReleasableWithAHeldAndAPendingStep() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(MEDICAL_QUARANTINE, StepState.PASSED);
            steps.put(BORDER_CONTROL, StepState.HELD);
            steps.put(PLANT_ANIMAL_QUARANTINE, StepState.SKIPPED);
            steps.put(TRANSSHIPMENT, StepState.PASSED);
            // FEE_COLLECTION stays PENDING

            assertThat(CrossingWorkflow.releasable(steps)).isFalse();
        }

        @ParameterizedTest(name = "last step {0}")
        @EnumSource(
                value = StepState.class,
                names = {"PENDING", "HELD", "REJECTED"})
        void oneUnfinishedStepBlocksRelease(StepState state) {
            for (Step step : Step.values()) {
                Map<Step, StepState> steps = passed(Step.values());
                steps.put(step, state);
                assertThat(CrossingWorkflow.releasable(steps)).as(step.name()).isFalse();
            }
        }

        @Test
        void freshCrossingIsNotReleasable() {
            assertThat(CrossingWorkflow.releasable(CrossingWorkflow.initialSteps(Direction.TRANSIT, false)))
                    .isFalse();
        }
    }

    @Nested
    class StatusOf {

        @Test
        void freshCrossingIsDeclared() {
            assertThat(CrossingWorkflow.statusOf(CrossingWorkflow.initialSteps(Direction.EXPORT, true)))
                    .isEqualTo(CrossingStatus.DECLARED);
        }

        @Test
        void acceptedDeclarationIsEnRoute() {
            assertThat(CrossingWorkflow.statusOf(passed(DECLARATION))).isEqualTo(CrossingStatus.EN_ROUTE);
        }

        @Test
        void arrivedIsInProgress() {
            assertThat(CrossingWorkflow.statusOf(passed(DECLARATION, TRANSPORT)))
                    .isEqualTo(CrossingStatus.IN_PROGRESS);
            assertThat(CrossingWorkflow.statusOf(atTheYard())).isEqualTo(CrossingStatus.IN_PROGRESS);
            assertThat(CrossingWorkflow.statusOf(
                            passed(DECLARATION, TRANSPORT, VEHICLE_CONTROL, MEDICAL_QUARANTINE, BORDER_CONTROL)))
                    .isEqualTo(CrossingStatus.IN_PROGRESS);
        }

        @Test
        void anyHeldStepIsHeld() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(PLANT_ANIMAL_QUARANTINE, StepState.HELD);

            assertThat(CrossingWorkflow.statusOf(steps)).isEqualTo(CrossingStatus.HELD);
        }

        @Test
        void heldWhenEverythingElseHasPassed() {
            Map<Step, StepState> steps = passed(Step.values());
            steps.put(FEE_COLLECTION, StepState.HELD);

            assertThat(CrossingWorkflow.statusOf(steps)).isEqualTo(CrossingStatus.HELD);
        }

        @Test
        void rejectedStepAfterDeclarationTurnsBack() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(BORDER_CONTROL, StepState.REJECTED);

            assertThat(CrossingWorkflow.statusOf(steps)).isEqualTo(CrossingStatus.TURNED_BACK);
        }

        @Test
        void rejectionWinsOverAHold() {
            Map<Step, StepState> steps = atTheYard();
            steps.put(MEDICAL_QUARANTINE, StepState.HELD);
            steps.put(BORDER_CONTROL, StepState.REJECTED);

            assertThat(CrossingWorkflow.statusOf(steps)).isEqualTo(CrossingStatus.TURNED_BACK);
        }

        @Test
        void rejectedDeclaration() {
            Map<Step, StepState> steps = CrossingWorkflow.initialSteps(Direction.IMPORT, false);
            steps.put(DECLARATION, StepState.REJECTED);

            assertThat(CrossingWorkflow.statusOf(steps)).isEqualTo(CrossingStatus.DECLARATION_REJECTED);
        }

        @Test
        void everythingPassedOrSkippedIsReadyToRelease() {
            Map<Step, StepState> steps = passed(Step.values());
            steps.put(PLANT_ANIMAL_QUARANTINE, StepState.SKIPPED);
            steps.put(TRANSSHIPMENT, StepState.SKIPPED);

            assertThat(CrossingWorkflow.statusOf(steps)).isEqualTo(CrossingStatus.READY_TO_RELEASE);
        }

        @Test
        void statusOfNeverReportsReleasedOrCancelled() {
            // those two are set by the server, not derived from the steps
            for (StepState a : StepState.values()) {
                for (Step step : Step.values()) {
                    Map<Step, StepState> steps = atTheYard();
                    steps.put(step, a);
                    assertThat(CrossingWorkflow.statusOf(steps))
                            .isNotIn(CrossingStatus.RELEASED, CrossingStatus.CANCELLED);
                }
            }
        }

        @Test
        void openStatuses() {
            assertThat(Arrays.stream(CrossingStatus.values()).filter(s -> !s.isOpen()))
                    .containsExactlyInAnyOrder(
                            CrossingStatus.RELEASED, CrossingStatus.TURNED_BACK, CrossingStatus.CANCELLED);
        }
    }

    @Test
    void onlyOfficersAndSupervisorsAreOfficers() {
        assertThat(Arrays.stream(Role.values()).filter(Role::isOfficer))
                .containsExactlyInAnyOrder(Role.OFFICER, Role.SUPERVISOR);
    }
}
