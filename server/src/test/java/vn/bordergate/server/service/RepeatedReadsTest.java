package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TestGate;

/**
 * A text read again is answered from the plate index's last search for it ({@link RepeatedReads}) only while that
 * answer still holds: a declaration or an amendment committed between the two reads, and a window that moved onto or
 * off a crossing, are seen by the next read. Each text is read twice before the change, so its answer is kept; the
 * first two cases fail if {@link ExpectedPlates} does not count the index's changes, the last if the moved window is
 * not checked.
 */
class RepeatedReadsTest {
    private final TestGate gate = TestGate.shared();

    private PlateReadDto read(String text) {
        return gate.as("camera").anpr().postPlateRead(new NewPlateReadRequest("CAM-L1", null, text, 0.8, null));
    }

    private static void assertUnmatched(PlateReadDto read) {
        assertThat(read.matchStatus()).isEqualTo(MatchStatus.NEEDS_OFFICER);
        assertThat(read.crossingId()).isNull();
    }

    @Test
    void aDeclarationAfterTheReadsIsMatchedByTheNext() {
        String plate = TestGate.uniqueVietnamesePlate();
        assertUnmatched(read(plate));
        assertUnmatched(read(plate));

        DeclarationDto declared = gate.as("enterprise")
                .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT));

        PlateReadDto again = read(plate);
        assertThat(again.matchStatus()).isEqualTo(MatchStatus.MATCHED);
        assertThat(again.crossingId()).isEqualTo(declared.crossingId());
    }

    @Test
    void aPlateAmendedToTheTextReadIsMatchedByTheNextRead() {
        DeclarationDto declared = gate.declare();
        // far from the plate declared first: a kept answer holding the crossing under that plate would do too (its
        // row is read again after the amendment)
        String corrected = TestGate.uniqueChinesePlate();
        assertUnmatched(read(corrected));
        assertUnmatched(read(corrected));

        gate.as("enterprise")
                .resubmitDeclaration(
                        declared.id(), TestGate.declaration(corrected, Direction.EXPORT, QuarantineKind.PLANT));

        PlateReadDto again = read(corrected);
        assertThat(again.matchStatus()).isEqualTo(MatchStatus.MATCHED);
        assertThat(again.crossingId()).isEqualTo(declared.crossingId());
    }

    /** The index still holds a cancelled crossing (so nothing is counted): the check of the close rows drops it. */
    @Test
    void aCancellationAfterTheReadsIsSeenByTheNext() {
        DeclarationDto declared = gate.declare();
        assertThat(read(declared.tractorPlate()).crossingId()).isEqualTo(declared.crossingId());
        assertThat(read(declared.tractorPlate()).crossingId()).isEqualTo(declared.crossingId());

        gate.as("enterprise").cancelDeclaration(declared.id());

        PlateReadDto again = read(declared.tractorPlate());
        assertUnmatched(again);
        assertThat(again.candidates()).extracting(MatchCandidateDto::crossingId).doesNotContain(declared.crossingId());
    }

    /**
     * Reads of one text whose windows (36 hours either way of the read) differ by one crossing, at each end of the
     * window, with nothing declared meanwhile: each is answered as the database scan answers it.
     */
    @Test
    void aWindowMovedOntoOrOffACrossingIsSeen() {
        DeclarationDto declared = gate.declare();
        Instant arrival = declared.expectedArrival();
        String plate = declared.tractorPlate();
        Transactions tx = gate.server().services().tx;
        PlateMatcher matcher = new PlateMatcher(); // told of no declaration: only its window moves
        Duration half = Duration.ofHours(36);
        Instant[] times = {
            arrival.minus(half).minusSeconds(1), // the window ends a second before the arrival
            arrival.minus(half).minusSeconds(1),
            arrival.minus(half).plusSeconds(1), // ... a second after it
            arrival.plus(half), // starts at the arrival
            arrival.plus(half),
            arrival.plus(half).plusNanos(1_000), // a microsecond after it
        };
        boolean[] within = {false, false, true, true, true, false};
        for (int i = 0; i < times.length; i++) {
            Instant at = times[i];
            PlateMatcher.Match indexed = tx.read(session -> matcher.match(session, plate, at));
            PlateMatcher.Match scanned = tx.read(session -> matcher.matchInDatabase(session, plate, at));
            assertThat(indexed).as("read at %s", at).isEqualTo(scanned);
            assertThat(indexed.crossingId()).as("read at %s", at).isEqualTo(within[i] ? declared.crossingId() : null);
        }
    }
}
