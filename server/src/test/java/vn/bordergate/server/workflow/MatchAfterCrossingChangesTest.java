package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.persistence.CrossingChanges;
import vn.bordergate.server.persistence.CrossingEntity;
import vn.bordergate.server.support.TestGate;

/**
 * A crossing a plate read has matched, then changed (cancelled, its declaration rejected, amended to another plate,
 * released across the border): the next read of its plate sees the change. The matcher answers its close-crossing
 * check from rows it read before ({@code SeenCrossings}), so each of these fails if a change is not told to it.
 */
class MatchAfterCrossingChangesTest {
    private final TestGate gate = TestGate.shared();

    private PlateReadDto read(String text) {
        return gate.as("camera").anpr().postPlateRead(new NewPlateReadRequest("CAM-L1", null, text, 0.8, null));
    }

    private DeclarationDto matchedOnce(String plate) {
        DeclarationDto declared = gate.as("enterprise")
                .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT));
        PlateReadDto first = read(plate);
        assertThat(first.matchStatus()).isEqualTo(MatchStatus.MATCHED);
        assertThat(first.crossingId()).isEqualTo(declared.crossingId());
        return declared;
    }

    private static void assertNotMatchedTo(PlateReadDto read, long crossingId) {
        assertThat((Object) read.crossingId()).isNotEqualTo(crossingId); // null when no crossing matched
        assertThat(read.candidates()).extracting(MatchCandidateDto::crossingId).doesNotContain(crossingId);
    }

    @Test
    void aCancelledCrossingIsNoLongerMatched() {
        String plate = TestGate.uniqueVietnamesePlate();
        DeclarationDto declared = matchedOnce(plate);

        gate.as("enterprise").cancelDeclaration(declared.id());

        PlateReadDto again = read(plate);
        assertThat(again.matchStatus()).isEqualTo(MatchStatus.NEEDS_OFFICER);
        assertNotMatchedTo(again, declared.crossingId());
    }

    @Test
    void aCrossingWhoseDeclarationWasRejectedIsNoLongerMatched() {
        String plate = TestGate.uniqueVietnamesePlate();
        DeclarationDto declared = matchedOnce(plate);

        gate.as("customs")
                .decideStep(
                        declared.crossingId(),
                        Step.DECLARATION,
                        new StepDecisionRequest(Outcome.REJECT, "HS code does not match the goods", null));

        assertNotMatchedTo(read(plate), declared.crossingId());
    }

    @Test
    void anAmendedPlateIsMatchedUnderItsNewPlateOnly() {
        String before = TestGate.uniqueVietnamesePlate();
        DeclarationDto declared = matchedOnce(before);
        String after = TestGate.uniqueChinesePlate();

        DeclarationRequest corrected = TestGate.declaration(after, Direction.EXPORT, QuarantineKind.PLANT);
        gate.as("enterprise").resubmitDeclaration(declared.id(), corrected);

        PlateReadDto underNew = read(after);
        assertThat(underNew.matchStatus()).isEqualTo(MatchStatus.MATCHED);
        assertThat(underNew.crossingId()).isEqualTo(declared.crossingId());
        assertNotMatchedTo(read(before), declared.crossingId());
    }

    @Test
    void aCrossingReleasedAcrossTheBorderIsNoLongerMatched() {
        String plate = TestGate.uniqueVietnamesePlate();
        DeclarationDto declared = gate.as("enterprise")
                .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT));
        gate.advanceTo(declared.crossingId(), Step.TRANSPORT);
        PlateReadDto arriving = read(plate); // matched, and the read moves it through arrival and vehicle control
        assertThat(arriving.crossingId()).isEqualTo(declared.crossingId());
        assertThat(gate.passAll(declared.crossingId()).status()).isEqualTo(CrossingStatus.READY_TO_RELEASE);
        PlateReadDto waiting = read(plate);
        assertThat(waiting.crossingId()).isEqualTo(declared.crossingId());

        gate.as("borderguard").release(declared.crossingId(), new GateActionRequest(null));

        assertNotMatchedTo(read(plate), declared.crossingId());
    }

    @Test
    void aCancellationRolledBackLeavesTheCrossingMatchedAndALaterOneIsSeen() {
        String plate = TestGate.uniqueVietnamesePlate();
        DeclarationDto declared = matchedOnce(plate);
        // what views of crossing rows are told of this crossing: its flush, and the end of its transaction
        List<String> told = new CopyOnWriteArrayList<>();
        long id = declared.crossingId();
        gate.server()
                .services()
                .tx
                .read(session -> CrossingChanges.of(session.getSessionFactory()).orElseThrow())
                .subscribe(new CrossingChanges.View() {
                    @Override
                    public void flushed(long crossing) {
                        if (crossing == id) {
                            told.add("flushed");
                        }
                    }

                    @Override
                    public void ended(long crossing) {
                        if (crossing == id) {
                            told.add("ended");
                        }
                    }
                });

        assertThatThrownBy(() -> gate.server().services().tx.write(session -> {
                    session.get(CrossingEntity.class, declared.crossingId()).setStatus(CrossingStatus.CANCELLED);
                    session.flush();
                    throw new IllegalStateException("rolled back after the flush");
                }))
                .hasMessageContaining("rolled back");
        assertThat(told).as("told of the rolled-back write").containsExactly("flushed", "ended");

        PlateReadDto still = read(plate);
        assertThat(still.matchStatus()).isEqualTo(MatchStatus.MATCHED);
        assertThat(still.crossingId()).isEqualTo(declared.crossingId());
        gate.as("enterprise").cancelDeclaration(declared.id());
        assertNotMatchedTo(read(plate), declared.crossingId());
    }
}
