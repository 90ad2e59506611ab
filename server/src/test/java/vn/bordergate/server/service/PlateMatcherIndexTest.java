package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.persistence.Transactions;
import vn.bordergate.server.support.TestGate;

/**
 * The indexed matcher decides exactly as scoring every crossing of the window in the database does, on
 * a real database full of near-identical sequential plates (tractors with and without trailers, and
 * cancelled crossings that the index still holds but the database no longer expects).
 */
class PlateMatcherIndexTest {
    private final TestGate gate = TestGate.shared();

    @Test
    void indexedMatchesEqualTheDatabaseScan() {
        List<String> plates = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String tractor = TestGate.uniqueVietnamesePlate();
            String trailer = i % 4 == 0 ? TestGate.uniqueVietnamesePlate().replace("LD", "R") : null;
            DeclarationRequest base = TestGate.declaration(tractor, Direction.EXPORT, QuarantineKind.PLANT);
            DeclarationDto declared = gate.as("enterprise")
                    .submitDeclaration(new DeclarationRequest(
                            base.enterpriseId(),
                            base.direction(),
                            tractor,
                            trailer,
                            base.vehicleType(),
                            base.driver(),
                            base.goods(),
                            base.expectedArrival(),
                            false,
                            base.medical()));
            if (i % 7 == 3) {
                gate.as("enterprise").cancelDeclaration(declared.id());
            }
            plates.add(tractor);
        }
        Transactions tx = gate.server().services().tx;
        PlateMatcher matcher = new PlateMatcher(); // loads what is expected from the database, like a restart
        Instant now = Instant.now();
        List<String> reads = new ArrayList<>();
        for (String plate : plates) {
            reads.add(plate);
            reads.add(plate.substring(0, plate.length() - 1) + "B"); // a look-alike if it ends in 8
            reads.add(plate.substring(0, plate.length() - 2)); // a digit short
            reads.add(plate.replace("36", "3?")); // unread character
        }
        reads.add("29C-999.99");
        int matched = 0;
        int needOfficer = 0;
        for (String read : reads) {
            PlateMatcher.Match indexed = tx.read(session -> matcher.match(session, read, now));
            PlateMatcher.Match scanned = tx.read(session -> matcher.matchInDatabase(session, read, now));
            assertThat(indexed).as(read).isEqualTo(scanned);
            if (indexed.status() == MatchStatus.MATCHED) {
                matched++;
            } else {
                needOfficer++;
            }
        }
        // both outcomes were exercised, not one of them only
        assertThat(matched).isPositive();
        assertThat(needOfficer).isPositive();
    }

    /**
     * At the edge of a read's window (36 hours either way of the read), the check of the close crossings in the
     * database keeps exactly the crossings the scan keeps: one expected at the window's first instant is in, one
     * expected a moment earlier is out (the instants bound as the crossing table stores them).
     */
    @Test
    void windowEdgeIsTheDatabaseScans() {
        List<DeclarationDto> declared = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            declared.add(gate.as("enterprise")
                    .submitDeclaration(TestGate.declaration(
                            TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT)));
        }
        Instant edge = declared.get(15).expectedArrival();
        assertThat(declared.get(14).expectedArrival()).isBefore(edge);
        Transactions tx = gate.server().services().tx;
        PlateMatcher matcher = new PlateMatcher();
        Instant at = edge.plus(Duration.ofHours(36)); // the window starts at the 16th crossing's arrival
        for (int i = 0; i < declared.size(); i++) {
            DeclarationDto d = declared.get(i);
            PlateMatcher.Match indexed = tx.read(session -> matcher.match(session, d.tractorPlate(), at));
            PlateMatcher.Match scanned = tx.read(session -> matcher.matchInDatabase(session, d.tractorPlate(), at));
            assertThat(indexed).as(d.tractorPlate()).isEqualTo(scanned);
            List<Long> candidates = indexed.candidates().stream()
                    .map(MatchCandidateDto::crossingId)
                    .toList();
            if (i < 15) {
                assertThat(candidates).as("expected before the window").doesNotContain(d.crossingId());
            } else {
                assertThat(candidates).as("expected in the window").startsWith(d.crossingId());
            }
        }
    }
}
