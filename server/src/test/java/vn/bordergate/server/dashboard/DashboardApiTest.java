package vn.bordergate.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.bordergate.common.dto.CongestionThresholds;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DashboardDto;
import vn.bordergate.common.dto.DashboardDto.HourCount;
import vn.bordergate.common.dto.DashboardDto.StepBacklog;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.YardWaitingDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.support.MutableClock;
import vn.bordergate.server.support.TestGate;

/**
 * The dashboard snapshot on its own gate with a test clock, so hours are known: one truck declared, arrived,
 * held, passed, released and overdue moves exactly the counts it should.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardApiTest {
    private static final Instant START = Instant.parse("2026-04-01T02:20:00Z");
    private static MutableClock clock;
    private static TestGate gate;
    private static long crossingId;

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

    private static DashboardDto dashboard() {
        return gate.as("supervisor").supervision().dashboard();
    }

    @Test
    @Order(1)
    void theSnapshotAgreesWithTheQueueAndTheYards() {
        DashboardDto now = dashboard();
        long waiting = gate.as("admin").queue().waiting();
        assertThat(waiting).as("the demo day leaves vehicles at the gate").isPositive();
        assertThat(now.vehiclesWaiting()).isEqualTo(waiting);
        assertThat(now.congestion()).isEqualTo(CongestionThresholds.NATIONAL_SINGLE_WINDOW.levelOf(waiting));
        assertThat(now.thresholds()).isEqualTo(CongestionThresholds.NATIONAL_SINGLE_WINDOW);
        assertThat(now.gate()).isEqualTo("HUU_NGHI");
        assertThat(now.yards())
                .extracting(YardWaitingDto::code)
                .containsExactlyElementsOf(gate.as("admin").site().yards().stream()
                        .map(y -> y.code())
                        .toList());
        assertThat(now.yards()).allSatisfy(y -> assertThat(y.capacity()).isPositive());
        assertThat(now.updatedAt()).isEqualTo(START);

        assertThat(now.throughput()).hasSize(DashboardService.HOURS);
        assertThat(now.throughput().get(DashboardService.HOURS - 1).hour())
                .isEqualTo(START.truncatedTo(ChronoUnit.HOURS));
        assertThat(now.throughput().get(0).hour()).isEqualTo(Instant.parse("2026-03-31T03:00:00Z"));

        assertThat(now.backlog()).extracting(StepBacklog::step).containsExactly(Step.values());
        assertThat(now.backlog())
                .allSatisfy(b -> assertThat(b.agency()).isEqualTo(b.step().agency()));
        var pendingByStep = gate.as("admin").queue().pendingByStep();
        for (StepBacklog b : now.backlog()) {
            assertThat(b.total()).as("%s", b.step()).isEqualTo(pendingByStep.getOrDefault(b.step(), 0L));
        }
        assertThat(now.cameras()).as("a test gate runs no camera").isEmpty();
    }

    @Test
    @Order(2)
    void anArrivalAddsOneWaitingOneArrivedThisHourAndOnePendingStep() {
        DashboardDto before = dashboard();
        var r = TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT);
        crossingId = gate.as("enterprise")
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
        assertThat(dashboard().vehiclesWaiting()).as("declared, not yet here").isEqualTo(before.vehiclesWaiting());

        clock.advance(Duration.ofMinutes(5));
        gate.advanceTo(crossingId, Step.VEHICLE_CONTROL);
        DashboardDto after = dashboard();
        assertThat(after.vehiclesWaiting()).isEqualTo(before.vehiclesWaiting() + 1);
        assertThat(last(after).arrived()).isEqualTo(last(before).arrived() + 1);
        assertThat(last(after).released()).isEqualTo(last(before).released());
        assertThat(backlog(after, Step.VEHICLE_CONTROL).pending())
                .isEqualTo(backlog(before, Step.VEHICLE_CONTROL).pending() + 1);
        assertThat(backlog(after, Step.VEHICLE_CONTROL).agency()).isEqualTo(Agency.GATE_MANAGEMENT);
    }

    @Test
    @Order(3)
    void aHoldMovesTheStepFromPendingToHeld() {
        DashboardDto before = dashboard();
        gate.as("gate")
                .decideStep(
                        crossingId,
                        Step.VEHICLE_CONTROL,
                        new StepDecisionRequest(Outcome.HOLD, "dashboard test: seal to check", null));
        DashboardDto after = dashboard();
        StepBacklog was = backlog(before, Step.VEHICLE_CONTROL);
        StepBacklog is = backlog(after, Step.VEHICLE_CONTROL);
        assertThat(is.pending()).isEqualTo(was.pending() - 1);
        assertThat(is.held()).isEqualTo(was.held() + 1);
        assertThat(after.vehiclesWaiting()).as("still at the gate").isEqualTo(before.vehiclesWaiting());
    }

    @Test
    @Order(4)
    void aReleaseCountsInTheHourItHappenedAndTheHoursMoveOn() {
        gate.as("gate")
                .releaseHold(
                        crossingId,
                        Step.VEHICLE_CONTROL,
                        new vn.bordergate.common.dto.HoldReleaseRequest("dashboard test: seal fine", null));
        clock.advance(Duration.ofHours(1)); // 03:25: a new hour runs
        DashboardDto before = dashboard();
        assertThat(before.throughput().get(DashboardService.HOURS - 1).hour())
                .isEqualTo(Instant.parse("2026-04-01T03:00:00Z"));
        gate.passAll(crossingId);
        CrossingDto released = gate.as("borderguard").release(crossingId, new GateActionRequest(null));
        DashboardDto after = dashboard();
        assertThat(after.vehiclesWaiting()).isEqualTo(before.vehiclesWaiting() - 1);
        assertThat(last(after).released()).isEqualTo(last(before).released() + 1);
        // the arrival an hour ago now sits in the hour before the running one
        HourCount previous = after.throughput().get(DashboardService.HOURS - 2);
        assertThat(previous.hour()).isEqualTo(Instant.parse("2026-04-01T02:00:00Z"));
        assertThat(previous.arrived()).isPositive();
        assertThat(released.returnDeadline())
                .as("a Vietnamese truck exporting must come back")
                .isNotNull();
        assertThat(after.overstays()).extracting(OverstayAlertDto::crossingId).doesNotContain(crossingId);

        clock.advance(
                Duration.between(clock.instant(), released.returnDeadline()).plusHours(2));
        gate.forgetTokens(); // a day later the tokens have expired
        DashboardDto overdue = dashboard();
        assertThat(overdue.overstays()).extracting(OverstayAlertDto::crossingId).contains(crossingId);
        assertThat(overdue.overstays().stream()
                        .filter(o -> o.crossingId() == crossingId)
                        .findFirst()
                        .orElseThrow()
                        .hoursOver())
                .isEqualTo(2);
    }

    @Test
    @Order(5)
    void onlySupervisorsAndAdministratorsSeeIt() {
        gate.forgetTokens();
        assertThat(TestGate.statusOf(() -> gate.as("admin").supervision().dashboard()))
                .isEqualTo(200);
        assertThat(TestGate.statusOf(() -> gate.as("gate").supervision().dashboard()))
                .isEqualTo(403);
        assertThat(TestGate.statusOf(() -> gate.as("enterprise").supervision().dashboard()))
                .isEqualTo(403);
        assertThat(TestGate.statusOf(() -> gate.anonymous().supervision().dashboard()))
                .isEqualTo(401);
    }

    private static HourCount last(DashboardDto d) {
        return d.throughput().get(d.throughput().size() - 1);
    }

    private static StepBacklog backlog(DashboardDto d, Step step) {
        return d.backlog().stream().filter(b -> b.step() == step).findFirst().orElseThrow();
    }
}
