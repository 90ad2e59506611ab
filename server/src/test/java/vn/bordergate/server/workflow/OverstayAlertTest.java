package vn.bordergate.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.support.MutableClock;
import vn.bordergate.server.support.TestGate;

/** Dwell limits: 24 h after release, 36 h for two-way transport, then an overstay alert. */
class OverstayAlertTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static TestGate gate;

    @BeforeAll
    static void start() {
        gate = TestGate.start(CLOCK);
    }

    @AfterAll
    static void stop() {
        gate.close();
    }

    private CrossingDto releasedChineseTruck(boolean twoWay) {
        DeclarationRequest base =
                TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.IMPORT, QuarantineKind.NONE);
        DeclarationRequest request = new DeclarationRequest(
                base.enterpriseId(),
                base.direction(),
                base.tractorPlate(),
                base.trailerPlate(),
                base.vehicleType(),
                base.driver(),
                base.goods(),
                CLOCK.instant().plusSeconds(3600),
                twoWay,
                base.medical());
        DeclarationDto declared = gate.as("enterprise2").submitDeclaration(request);
        gate.passAll(declared.crossingId());
        return gate.as("borderguard").release(declared.crossingId(), new GateActionRequest(null));
    }

    @Test
    void vehiclesPastTheirDwellLimitRaiseAlertsUntilTheyReturn() {
        CrossingDto oneWay = releasedChineseTruck(false);
        CrossingDto twoWay = releasedChineseTruck(true);
        assertThat(Duration.between(twoWay.releasedAt(), twoWay.returnDeadline()))
                .isEqualTo(Duration.ofHours(36));
        Set<Long> ours = Set.of(oneWay.id(), twoWay.id());
        assertThat(overstaying(ours)).isEmpty();

        CLOCK.advance(Duration.ofHours(25));
        gate.forgetTokens();
        assertThat(overstaying(ours)).containsExactly(oneWay.id());

        CLOCK.advance(Duration.ofHours(12));
        gate.forgetTokens();
        assertThat(overstaying(ours)).containsExactly(oneWay.id(), twoWay.id());
        assertThat(gate.as("supervisor").site().overstays().stream()
                        .filter(a -> a.crossingId() == oneWay.id())
                        .findFirst()
                        .orElseThrow()
                        .hoursOver())
                .isEqualTo(13);

        gate.as("borderguard").recordReturn(oneWay.id(), new GateActionRequest(null));
        assertThat(overstaying(ours)).containsExactly(twoWay.id());
    }

    /** Alerts among the given crossings, oldest deadline first (the demo day has vehicles of its own). */
    private List<Long> overstaying(Set<Long> ours) {
        return gate.as("supervisor").site().overstays().stream()
                .map(a -> a.crossingId())
                .filter(ours::contains)
                .toList();
    }

    @Test
    void vietnameseTrucksExportingIntoChinaAlsoHaveALimitButTransshippedGoodsDoNot() {
        DeclarationDto export = gate.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT));
        gate.passAll(export.crossingId());
        assertThat(gate.as("borderguard")
                        .release(export.crossingId(), new GateActionRequest(null))
                        .returnDeadline())
                .isNotNull();

        DeclarationDto handover = gate.as("enterprise")
                .submitDeclaration(TestGate.declaration(
                        TestGate.uniqueVietnamesePlate(), Direction.TRANSSHIPMENT, QuarantineKind.PLANT));
        gate.passAll(handover.crossingId());
        assertThat(gate.as("borderguard")
                        .release(handover.crossingId(), new GateActionRequest(null))
                        .returnDeadline())
                .isNull();
    }
}
