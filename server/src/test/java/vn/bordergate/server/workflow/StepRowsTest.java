package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TableLock;
import vn.bordergate.server.support.TestGate;

/**
 * A crossing step is stored only once it has something to record: a declared crossing writes its skipped
 * steps alone, yet the API shows all eight with the same states, and two first decisions of one step still
 * give one winner and a 409 to the other (the step's row is inserted, so the unique key decides).
 */
class StepRowsTest {
    private static final TestGate gate = TestGate.shared();
    private static final Transactions tx = gate.server().services().tx;
    private static final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void demoDayIn() throws InterruptedException {
        gate.server().awaitDemoDay(); // its decisions would wait on the race's lock too
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void aDeclaredCrossingStoresOnlyItsSkippedStepsAndShowsAllEight() {
        DeclarationDto needsAll = gate.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT));
        DeclarationDto transit = gate.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.TRANSIT, QuarantineKind.NONE));

        assertThat(storedSteps(needsAll.crossingId()))
                .as("rows of a crossing every step applies to")
                .isEmpty();
        assertThat(storedSteps(transit.crossingId()))
                .as("rows of a transit crossing without quarantine")
                .containsExactly(
                        Map.entry(Step.PLANT_ANIMAL_QUARANTINE, StepState.SKIPPED),
                        Map.entry(Step.TRANSSHIPMENT, StepState.SKIPPED));

        CrossingDto shown = gate.as("customs").crossing(transit.crossingId());
        assertThat(shown.steps()).extracting(StepStatusDto::step).containsExactly(Step.values());
        assertThat(shown.steps()).extracting(StepStatusDto::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(shown.steps())
                .extracting(StepStatusDto::state)
                .containsExactly(
                        StepState.PENDING,
                        StepState.PENDING,
                        StepState.PENDING,
                        StepState.PENDING,
                        StepState.PENDING,
                        StepState.SKIPPED,
                        StepState.SKIPPED,
                        StepState.PENDING);
        assertThat(shown.steps())
                .allSatisfy(s -> assertThat(s.agency()).isEqualTo(s.step().agency()))
                .allSatisfy(s -> assertThat(s.officer()).isNull())
                .allSatisfy(s -> assertThat(s.decidedAt()).isNull());
        assertThat(gate.as("enterprise").declaration(transit.id()).crossingId()).isEqualTo(transit.crossingId());
        assertThat(gate.as("customs").crossings(CrossingStatus.DECLARED, Step.DECLARATION, 500))
                .extracting(CrossingDto::id)
                .contains(needsAll.crossingId(), transit.crossingId());
    }

    @Test
    void decisionsWriteTheirStepsRowAndAReleasedHoldKeepsItsOwn() {
        long id = gate.declare().crossingId();
        gate.advanceTo(id, Step.MEDICAL_QUARANTINE);
        assertThat(storedSteps(id).keySet()).containsExactly(Step.DECLARATION, Step.TRANSPORT, Step.VEHICLE_CONTROL);

        GateClient medical = gate.as("medical");
        medical.decideStep(id, Step.MEDICAL_QUARANTINE, new StepDecisionRequest(Outcome.HOLD, "fever 38.5", null));
        CrossingDto released =
                medical.releaseHold(id, Step.MEDICAL_QUARANTINE, new HoldReleaseRequest("retested", null));

        StepStatusDto lifted = released.steps().get(Step.MEDICAL_QUARANTINE.ordinal());
        assertThat(lifted.state()).isEqualTo(StepState.PENDING);
        assertThat(lifted.officer()).isEqualTo("medical");
        assertThat(lifted.reason()).isEqualTo("retested");
        assertThat(lifted.decidedAt()).isNotNull();
        assertThat(storedSteps(id)).containsEntry(Step.MEDICAL_QUARANTINE, StepState.PENDING);
        assertThat(gate.as("customs").crossing(id)).isEqualTo(released);
        assertThat(gate.as("customs").crossings(null, Step.MEDICAL_QUARANTINE, 500))
                .extracting(CrossingDto::id)
                .contains(id);
        assertThat(gate.as("customs").crossings(null, Step.VEHICLE_CONTROL, 500))
                .extracting(CrossingDto::id)
                .doesNotContain(id);
    }

    /**
     * Both decisions read the step without a row and both go on to insert it: a share lock on crossing_step holds
     * them until both wait, so the race is certain, not left to timing. One is answered, the other 409 (not a
     * deadlock: before the first lock, it held the crossing's share lock the winner needed, for 20 s).
     */
    @Test
    void twoFirstDecisionsOfOneStepGiveOneWinnerAndAConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = gate.declare().crossingId();
            List<CompletableFuture<Integer>> decisions = new ArrayList<>();
            try (TableLock lock = TableLock.holdShared(tx, "crossing_step", threads)) {
                decisions.add(decideAsync(id, new StepDecisionRequest(Outcome.PASS, null, null)));
                decisions.add(decideAsync(id, new StepDecisionRequest(Outcome.REJECT, "wrong HS code", null)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (waiting() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                // each read the step without a row: one waits to insert it, the other for the crossing (or both
                // to insert)
                assertThat(waiting()).as("both first decisions waiting").isGreaterThanOrEqualTo(2);
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> d : decisions) {
                statuses.add(d.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            StepState won = statuses.get(0) == 200 ? StepState.PASSED : StepState.REJECTED;
            assertThat(storedSteps(id)).containsExactly(Map.entry(Step.DECLARATION, won));
            assertThat(TestGate.state(gate.as("customs").crossing(id), Step.DECLARATION))
                    .isEqualTo(won);
            Long recorded = tx.read(session -> session.createSelectionQuery(
                            "select count(*) from StepConfirmationEntity where crossingId = :id", Long.class)
                    .setParameter("id", id)
                    .getSingleResult());
            assertThat(recorded).as("decisions recorded in the step history").isEqualTo(1L);
        }
    }

    private static long waiting() {
        return TableLock.waits(tx, "CROSSING_STEP") + TableLock.waits(tx, "CROSSING");
    }

    /** The HTTP status of customs deciding the declaration step, sent on another thread. */
    private static CompletableFuture<Integer> decideAsync(long id, StepDecisionRequest request) {
        GateClient customs = gate.as("customs");
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        customs.decideStep(id, Step.DECLARATION, request);
                        return 200;
                    } catch (GateApiException e) {
                        assertThat(e.getMessage()).doesNotContainIgnoringCase("exception");
                        return e.status();
                    }
                },
                threads);
    }

    /** The crossing's stored step rows, in step order. */
    static Map<Step, StepState> storedSteps(long crossingId) {
        Map<Step, StepState> rows = new EnumMap<>(Step.class);
        tx.read(session -> session.createSelectionQuery(
                                "select step, state from CrossingStepEntity where crossing.id = :id", Object[].class)
                        .setParameter("id", crossingId)
                        .getResultList())
                .forEach(r -> rows.put((Step) r[0], (StepState) r[1]));
        return rows;
    }
}
