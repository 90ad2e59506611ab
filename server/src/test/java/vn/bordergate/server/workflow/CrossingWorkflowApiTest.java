package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.support.TestGate;

/** Each rule of the crossing workflow, proved end to end against a real server and database. */
class CrossingWorkflowApiTest {
    private final TestGate gate = TestGate.shared();

    private static StepDecisionRequest pass() {
        return new StepDecisionRequest(Outcome.PASS, null, null);
    }

    @Test
    void aStepIsDecidedOnlyByItsOwnAgency() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.MEDICAL_QUARANTINE);

        assertThatThrownBy(() -> gate.as("customs").decideStep(id, Step.MEDICAL_QUARANTINE, pass()))
                .isInstanceOfSatisfying(GateApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("MEDICAL_QUARANTINE");
                });
        CrossingDto decided = gate.as("medical").decideStep(id, Step.MEDICAL_QUARANTINE, pass());
        assertThat(TestGate.state(decided, Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
    }

    @Test
    void stepsThatDoNotApplyAreSkippedByRule() {
        DeclarationDto electronics = gate.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.IMPORT, QuarantineKind.NONE));
        CrossingDto crossing = gate.as("quarantine").crossing(electronics.crossingId());
        assertThat(TestGate.state(crossing, Step.PLANT_ANIMAL_QUARANTINE)).isEqualTo(StepState.SKIPPED);

        gate.advanceTo(crossing.id(), Step.FEE_COLLECTION);
        assertThat(TestGate.statusOf(
                        () -> gate.as("quarantine").decideStep(crossing.id(), Step.PLANT_ANIMAL_QUARANTINE, pass())))
                .isEqualTo(409);

        DeclarationDto transit = gate.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.TRANSIT, QuarantineKind.PLANT));
        CrossingDto transitCrossing = gate.as("customs").crossing(transit.crossingId());
        assertThat(TestGate.state(transitCrossing, Step.TRANSSHIPMENT)).isEqualTo(StepState.SKIPPED);
        assertThat(TestGate.state(transitCrossing, Step.PLANT_ANIMAL_QUARANTINE))
                .isEqualTo(StepState.PENDING);
    }

    @Test
    void stepsWaitForTheirPrerequisites() {
        long id = gate.declare().crossingId();
        assertThatThrownBy(() -> gate.as("gate").decideStep(id, Step.VEHICLE_CONTROL, pass()))
                .isInstanceOfSatisfying(GateApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("must pass first");
                });
    }

    @Test
    void aHoldBlocksTheCrossingUntilTheSameAgencyReleasesIt() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.MEDICAL_QUARANTINE);

        assertThat(TestGate.statusOf(() -> gate.as("medical")
                        .decideStep(id, Step.MEDICAL_QUARANTINE, new StepDecisionRequest(Outcome.HOLD, " ", null))))
                .as("a hold needs a reason")
                .isEqualTo(400);
        CrossingDto held = gate.as("medical")
                .decideStep(
                        id,
                        Step.MEDICAL_QUARANTINE,
                        new StepDecisionRequest(Outcome.HOLD, "Driver has 38.6 °C fever: retest in 30 min", null));
        assertThat(held.status()).isEqualTo(CrossingStatus.HELD);

        assertThat(TestGate.statusOf(() -> gate.as("borderguard").decideStep(id, Step.BORDER_CONTROL, pass())))
                .as("nothing passes while held")
                .isEqualTo(409);
        assertThat(TestGate.statusOf(() -> gate.as("customs")
                        .releaseHold(id, Step.MEDICAL_QUARANTINE, new HoldReleaseRequest(null, null))))
                .as("another agency can't lift the hold")
                .isEqualTo(403);
        assertThat(TestGate.statusOf(() -> gate.as("medical").decideStep(id, Step.MEDICAL_QUARANTINE, pass())))
                .as("a held step is released before it passes")
                .isEqualTo(409);

        CrossingDto released = gate.as("medical")
                .releaseHold(id, Step.MEDICAL_QUARANTINE, new HoldReleaseRequest("Retest 36.9 °C", null));
        assertThat(released.status()).isEqualTo(CrossingStatus.IN_PROGRESS);
        assertThat(TestGate.state(
                        gate.as("borderguard").decideStep(id, Step.BORDER_CONTROL, pass()), Step.BORDER_CONTROL))
                .isEqualTo(StepState.PASSED);
    }

    @Test
    void aRejectedDeclarationCanBeCorrectedAndResubmitted() {
        DeclarationDto declared = gate.declare();
        CrossingDto rejected = gate.as("customs")
                .decideStep(
                        declared.crossingId(),
                        Step.DECLARATION,
                        new StepDecisionRequest(Outcome.REJECT, "HS code does not match the goods", "HN-CUS-1"));
        assertThat(rejected.status()).isEqualTo(CrossingStatus.DECLARATION_REJECTED);

        DeclarationRequest corrected =
                TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT);
        DeclarationDto resubmitted = gate.as("enterprise").resubmitDeclaration(declared.id(), corrected);
        assertThat(resubmitted.revision()).isEqualTo(2);
        assertThat(resubmitted.status()).isEqualTo(CrossingStatus.DECLARED);
        assertThat(resubmitted.tractorPlate())
                .isEqualTo(vn.bordergate.common.plate.PlateParser.parse(corrected.tractorPlate())
                        .display());

        CrossingDto accepted = gate.as("customs").decideStep(declared.crossingId(), Step.DECLARATION, pass());
        assertThat(accepted.status()).isEqualTo(CrossingStatus.EN_ROUTE);
        assertThat(TestGate.statusOf(() -> gate.as("enterprise").resubmitDeclaration(declared.id(), corrected)))
                .as("an accepted declaration is no longer edited")
                .isEqualTo(409);
    }

    @Test
    void noVehicleIsReleasedWhileAnyRequiredStepIsPendingOrHeld() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.FEE_COLLECTION);
        assertThatThrownBy(() -> gate.as("borderguard").release(id, new GateActionRequest(null)))
                .isInstanceOfSatisfying(GateApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("step 8").contains("pending");
                });
        gate.as("fees")
                .decideStep(
                        id,
                        Step.FEE_COLLECTION,
                        new StepDecisionRequest(Outcome.HOLD, "Infrastructure fee unpaid", null));
        assertThat(TestGate.statusOf(() -> gate.as("borderguard").release(id, new GateActionRequest(null))))
                .isEqualTo(409);
        gate.as("fees").releaseHold(id, Step.FEE_COLLECTION, new HoldReleaseRequest("paid", null));
        CrossingDto ready = gate.pass(id, Step.FEE_COLLECTION);
        assertThat(ready.status()).isEqualTo(CrossingStatus.READY_TO_RELEASE);

        CrossingDto released = gate.as("borderguard").release(id, new GateActionRequest("HN-BP-1"));
        assertThat(released.status()).isEqualTo(CrossingStatus.RELEASED);
        assertThat(released.releasedAt()).isNotNull();
        assertThat(TestGate.statusOf(() -> gate.as("borderguard").release(id, new GateActionRequest(null))))
                .isEqualTo(409);
    }

    @Test
    void aRejectionAfterArrivalTurnsTheVehicleBack() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.PLANT_ANIMAL_QUARANTINE);
        CrossingDto turned = gate.as("quarantine")
                .decideStep(
                        id,
                        Step.PLANT_ANIMAL_QUARANTINE,
                        new StepDecisionRequest(Outcome.REJECT, "Fruit fly larvae found", null));
        assertThat(turned.status()).isEqualTo(CrossingStatus.TURNED_BACK);
        assertThat(TestGate.statusOf(() -> gate.as("medical").decideStep(id, Step.MEDICAL_QUARANTINE, pass())))
                .isEqualTo(409);
    }

    @Test
    void oneDeclarationPerVehicleTripAndOneEnterprisePerVehicle() {
        String plate = TestGate.uniqueVietnamesePlate();
        DeclarationDto first = gate.as("enterprise")
                .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT));

        assertThat(TestGate.statusOf(() -> gate.as("enterprise")
                        .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT))))
                .as("same enterprise, same vehicle, trip still open")
                .isEqualTo(409);
        assertThat(TestGate.statusOf(() -> gate.as("enterprise2")
                        .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.NONE))))
                .as("another enterprise's goods on a vehicle that already carries a declared load")
                .isEqualTo(409);

        gate.passAll(first.crossingId());
        gate.as("borderguard").release(first.crossingId(), new GateActionRequest(null));
        DeclarationDto nextTrip = gate.as("enterprise2")
                .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.NONE));
        assertThat(nextTrip.crossingId()).isNotEqualTo(first.crossingId());
    }

    @Test
    void everyAgencySeesButCannotChangeTheOthersConfirmations() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.MEDICAL_QUARANTINE);
        gate.as("medical")
                .decideStep(id, Step.MEDICAL_QUARANTINE, new StepDecisionRequest(Outcome.PASS, null, "HN-YT-1"));

        for (String other : new String[] {"customs", "borderguard", "quarantine", "gate", "fees"}) {
            CrossingDto seen = gate.as(other).crossing(id);
            var medical = seen.steps().get(Step.MEDICAL_QUARANTINE.number() - 1);
            assertThat(medical.state()).isEqualTo(StepState.PASSED);
            assertThat(medical.officer()).isEqualTo("medical");
            assertThat(medical.stationCode()).isEqualTo("HN-YT-1");
            assertThat(medical.decidedAt()).isNotNull();
            assertThat(TestGate.statusOf(() -> gate.as(other)
                            .decideStep(
                                    id,
                                    Step.MEDICAL_QUARANTINE,
                                    new StepDecisionRequest(Outcome.HOLD, "override", null))))
                    .isEqualTo(403);
        }
    }

    @Test
    void everyChangeIsInTheAuditLog() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.MEDICAL_QUARANTINE);
        List<AuditEntryDto> entries = new ArrayList<>();
        long after = 0;
        for (var page = gate.as("admin").admin().audit(after, 1000);
                !page.isEmpty();
                page = gate.as("admin").admin().audit(after, 1000)) {
            page.stream().filter(e -> String.valueOf(id).equals(e.entityId())).forEach(entries::add);
            after = page.get(page.size() - 1).id();
        }
        assertThat(entries).extracting(e -> e.action()).contains("STEP_PASS");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isNotBlank();
            assertThat(e.at()).isNotNull();
            assertThat(e.hash()).hasSize(64);
        });
        assertThat(entries.stream()
                        .filter(e -> e.actor().equals("gate"))
                        .findFirst()
                        .orElseThrow()
                        .stationCode())
                .as("the station it was done from")
                .isNotBlank();
    }

    @Test
    void dwellLimitsComeFromTheReleaseTime() {
        DeclarationDto cn = gate.as("enterprise2")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.IMPORT, QuarantineKind.NONE));
        gate.passAll(cn.crossingId());
        CrossingDto released = gate.as("borderguard").release(cn.crossingId(), new GateActionRequest(null));
        assertThat(Duration.between(released.releasedAt(), released.returnDeadline()))
                .isEqualTo(Duration.ofHours(24));
        CrossingDto back = gate.as("borderguard").recordReturn(cn.crossingId(), new GateActionRequest(null));
        assertThat(back.returnedAt()).isNotNull();
    }
}
