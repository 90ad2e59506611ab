package vn.bordergate.server.publicstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.CongestionLevel;
import vn.bordergate.common.dto.CongestionThresholds;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.PublicStatusDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.YardWaitingDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.support.MutableClock;
import vn.bordergate.server.support.TestGate;

/**
 * The public status feed on its own gate with a test clock: the demo day's vehicles all arrived at the
 * clock's start, so waiting counts, average wait and the last hour's releases are known; the figures are
 * cached for 10 s; the thresholds are the gate's own; nothing personal is in the answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicStatusTest {
    private static final Instant START = Instant.parse("2026-04-01T02:00:00Z");
    private static MutableClock clock;
    private static TestGate gate;

    @BeforeAll
    static void start() throws InterruptedException {
        clock = new MutableClock(START);
        gate = TestGate.start(clock);
        gate.server().awaitDemoDay();
    }

    @AfterAll
    static void close() {
        if (gate != null) {
            gate.close();
        }
    }

    @Test
    @Order(1)
    void anyoneSeesCountsAndWaitsButNoPlatesOrNames() {
        clock.advance(Duration.ofMinutes(45));
        gate.forgetTokens();
        RawResponse answer = gate.anonymous().sendRaw("GET", "/api/public/status", null, null);
        assertThat(answer.status()).isEqualTo(200);
        PublicStatusDto status = gate.anonymous().supervision().publicStatus();

        long waiting = gate.as("admin").queue().waiting();
        assertThat(waiting).as("the demo day leaves vehicles at the gate").isPositive();
        assertThat(status.vehiclesWaiting()).isEqualTo(waiting);
        assertThat(status.congestion()).isEqualTo(CongestionThresholds.NATIONAL_SINGLE_WINDOW.levelOf(waiting));
        assertThat(status.thresholds()).isEqualTo(CongestionThresholds.NATIONAL_SINGLE_WINDOW);
        assertThat(status.gate()).isEqualTo("HUU_NGHI");
        assertThat(status.gateNameVi()).isEqualTo("Cửa khẩu Hữu Nghị");
        // every demo vehicle arrived at the start: 45 minutes ago
        assertThat(status.averageWaitMinutes()).isEqualTo(45L);
        long released =
                gate.as("admin").crossings(CrossingStatus.RELEASED, null, 1000).size();
        assertThat(status.releasedLastHour()).isEqualTo(released);
        assertThat(status.yards())
                .extracting(YardWaitingDto::code)
                .containsExactlyElementsOf(gate.as("admin").site().yards().stream()
                        .map(y -> y.code())
                        .toList());
        assertThat(status.yards().stream().mapToLong(YardWaitingDto::waiting).sum())
                .isLessThanOrEqualTo(waiting);
        assertThat(status.yards()).allSatisfy(y -> assertThat(y.capacity()).isPositive());

        List<CrossingDto> atGate = gate.as("admin").crossings(CrossingStatus.IN_PROGRESS, null, 1000);
        assertThat(atGate).isNotEmpty();
        for (CrossingDto c : atGate) {
            assertThat(answer.body())
                    .doesNotContain(c.tractorPlate(), c.driverName(), c.enterpriseName(), c.declarationCode());
        }
    }

    @Test
    @Order(2)
    void theFiguresAreCachedForTenSecondsThenFollowTheGate() {
        clock.advance(Duration.ofHours(2)); // past the demo's releases
        PublicStatusDto before = gate.anonymous().supervision().publicStatus();
        assertThat(before.releasedLastHour()).isZero();

        var r = TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT);
        long id = gate.as("enterprise")
                .submitDeclaration(new DeclarationRequest(
                        null,
                        r.direction(),
                        r.tractorPlate(),
                        null,
                        r.vehicleType(),
                        r.driver(),
                        r.goods(),
                        clock.instant().plus(Duration.ofHours(1)),
                        false,
                        r.medical()))
                .crossingId();
        gate.advanceTo(id, Step.VEHICLE_CONTROL); // arrived: one more at the gate
        assertThat(gate.anonymous().supervision().publicStatus()).as("cached").isEqualTo(before);

        clock.advance(Duration.ofSeconds(10));
        PublicStatusDto after = gate.anonymous().supervision().publicStatus();
        assertThat(after.vehiclesWaiting()).isEqualTo(before.vehiclesWaiting() + 1);
        assertThat(after.updatedAt()).isEqualTo(clock.instant());
    }

    @Test
    @Order(3)
    void eachGateSetsItsOwnThresholds() {
        long waiting = gate.as("admin").queue().waiting();
        assertThat(waiting).isGreaterThan(3);
        setThresholds(1, 2, 3);
        try {
            clock.advance(Duration.ofSeconds(11));
            PublicStatusDto status = gate.anonymous().supervision().publicStatus();
            assertThat(status.thresholds()).isEqualTo(new CongestionThresholds(1, 2, 3));
            assertThat(status.congestion()).isEqualTo(CongestionLevel.RED);
            setThresholds(1, 2, (int) waiting);
            clock.advance(Duration.ofSeconds(11));
            assertThat(gate.anonymous().supervision().publicStatus().congestion())
                    .isEqualTo(CongestionLevel.ORANGE);
        } finally {
            setThresholds(500, 1000, 5000);
            clock.advance(Duration.ofSeconds(11));
        }
    }

    @Test
    @Order(4)
    void thePageShowsTheFeedInThreeLanguages() {
        RawResponse page = gate.anonymous().sendRaw("GET", "/status", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("/api/public/status", "Xe đang chờ tại cửa khẩu", "Vehicles waiting", "口岸等候车辆");
    }

    private static void setThresholds(int yellow, int orange, int red) {
        gate.server()
                .services()
                .tx
                .write(session -> session.doReturningWork(c -> {
                    try (var s = c.prepareStatement(
                            "UPDATE gate_site SET yellow_from = ?, orange_above = ?, red_above = ?")) {
                        s.setInt(1, yellow);
                        s.setInt(2, orange);
                        s.setInt(3, red);
                        return s.executeUpdate();
                    }
                }));
    }
}
