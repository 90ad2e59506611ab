package vn.bordergate.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.MedicalDeclarationDto;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.VehicleType;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.support.MutableClock;
import vn.bordergate.server.support.TestGate;

/**
 * A day shift played through the real API on its own gate, with a clock moved minute by minute, so every
 * figure of every report is known in advance (the demo day is generated nine days earlier, out of range).
 *
 * <p>10 March 2026, day shift (local time): trucks A, B, C, F of "enterprise" and D of "enterprise2" are
 * declared at 06:30; customs accepts A, B, C, F at 06:40 and rejects D. A arrives by camera at 07:40 (plate
 * read matched); B and C by the gate officer at 07:40, through vehicle control at 08:00. At 08:30 A passes
 * every other step and pays 250,000 VND; medical holds B; border guard rejects C. A is released at 09:00.
 * B's hold is lifted at 09:30, B passes everything at 10:00 (paying 250,000 + 50,000) and leaves at 10:30.
 * An unreadable plate at 10:50 is put right by the gate officer at 10:55 as F, which arrives; plant
 * quarantine holds F at 11:00 (open at handover). One more read at 12:00 matches nothing.
 * On 11 March B comes back at 10:00 (within its 24 h); A does not (due 09:00): one overstay.
 */
final class KnownShift {
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final String HOLD_B = "Lái xe sốt 38,5 độ / driver has a fever";
    static final String REJECT_C = "Giấy tờ xe không hợp lệ / invalid vehicle papers";
    static final String REJECT_D = "Sai mã HS / wrong HS code";
    static final String HOLD_F = "Chờ kết quả xét nghiệm / awaiting lab results";

    final TestGate gate;
    final MutableClock clock;
    String enterpriseName;
    String enterprise2Name;
    String plateA;
    String plateF;
    String taxCode;
    String taxCode2;

    private KnownShift(TestGate gate, MutableClock clock) {
        this.gate = gate;
        this.clock = clock;
    }

    static KnownShift play() throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T03:00:00Z"));
        TestGate gate = TestGate.start(clock);
        gate.server().awaitDemoDay();
        KnownShift shift = new KnownShift(gate, clock);
        shift.run();
        return shift;
    }

    private void at(int hour, int minute) {
        Instant target =
                DAY.atTime(LocalTime.of(hour, minute)).atZone(ReportRange.ZONE).toInstant();
        at(target);
    }

    private void at(Instant target) {
        assertThat(target).as("the clock only moves forward").isAfterOrEqualTo(clock.instant());
        clock.advance(Duration.between(clock.instant(), target));
    }

    private void run() {
        at(6, 30);
        gate.forgetTokens(); // issued nine days ago by the clock's reckoning
        var first = gate.as("admin").enterprise(gate.as("enterprise").me().enterpriseId());
        var second = gate.as("admin").enterprise(gate.as("enterprise2").me().enterpriseId());
        enterpriseName = first.name();
        taxCode = first.taxCode();
        enterprise2Name = second.name();
        taxCode2 = second.taxCode();
        plateA = TestGate.uniqueVietnamesePlate();
        plateF = TestGate.uniqueVietnamesePlate();
        long a = declare("enterprise", plateA);
        long b = declare("enterprise", TestGate.uniqueVietnamesePlate());
        long c = declare("enterprise", TestGate.uniqueVietnamesePlate());
        long f = declare("enterprise", plateF);
        long d = declare("enterprise2", TestGate.uniqueVietnamesePlate());
        plateA = gate.as("admin").crossing(a).tractorPlate();
        plateF = gate.as("admin").crossing(f).tractorPlate();

        at(6, 40);
        for (long id : new long[] {a, b, c, f}) {
            gate.pass(id, Step.DECLARATION);
        }
        decide(d, Step.DECLARATION, Outcome.REJECT, REJECT_D);

        at(7, 40);
        String camera = gate.as("admin").anpr().cameras().get(0).code();
        assertThat(gate.as("camera")
                        .anpr()
                        .postPlateRead(new NewPlateReadRequest(camera, null, plateA, 0.97, null))
                        .matchStatus())
                .isEqualTo(MatchStatus.MATCHED);
        assertThat(TestGate.state(gate.as("admin").crossing(a), Step.VEHICLE_CONTROL))
                .as("arrived and checked by the camera")
                .isEqualTo(StepState.PASSED);
        gate.pass(b, Step.TRANSPORT);
        gate.pass(c, Step.TRANSPORT);

        at(8, 0);
        gate.pass(b, Step.VEHICLE_CONTROL);
        gate.pass(c, Step.VEHICLE_CONTROL);

        at(8, 30);
        passRest(a);
        pay(a, FeeKind.INFRASTRUCTURE, "250000");
        decide(b, Step.MEDICAL_QUARANTINE, Outcome.HOLD, HOLD_B);
        decide(c, Step.BORDER_CONTROL, Outcome.REJECT, REJECT_C);

        at(9, 0);
        gate.as("borderguard").release(a, new GateActionRequest(null));

        at(9, 30);
        gate.as("medical")
                .releaseHold(b, Step.MEDICAL_QUARANTINE, new HoldReleaseRequest("hết sốt / fever gone", null));

        at(10, 0);
        passRest(b);
        pay(b, FeeKind.INFRASTRUCTURE, "250000");
        pay(b, FeeKind.WEIGHING, "50000");

        at(10, 30);
        gate.as("borderguard").release(b, new GateActionRequest(null));

        at(10, 50);
        long unreadable = gate.as("camera")
                .anpr()
                .postPlateRead(new NewPlateReadRequest(camera, null, "51C-???", 0.31, null))
                .id();
        at(10, 55);
        gate.as("gate").anpr().correctPlateRead(unreadable, new PlateCorrectionRequest(null, f, null));
        assertThat(TestGate.state(gate.as("admin").crossing(f), Step.VEHICLE_CONTROL))
                .as("F arrived through the corrected read")
                .isEqualTo(StepState.PASSED);

        at(11, 0);
        decide(f, Step.PLANT_ANIMAL_QUARANTINE, Outcome.HOLD, HOLD_F);

        at(12, 0);
        gate.as("camera").anpr().postPlateRead(new NewPlateReadRequest(camera, null, "99Z-999.99", 0.88, null));

        at(DAY.plusDays(1).atTime(10, 0).atZone(ReportRange.ZONE).toInstant());
        gate.forgetTokens();
        gate.as("borderguard").recordReturn(b, new GateActionRequest(null));
    }

    private long declare(String enterprise, String plate) {
        return gate.as(enterprise).submitDeclaration(declaration(plate)).crossingId();
    }

    private DeclarationRequest declaration(String plate) {
        return new DeclarationRequest(
                null,
                Direction.EXPORT,
                plate,
                null,
                VehicleType.TRUCK,
                new DriverDto("Nguyễn Văn Thắng", "C9" + Math.abs(plate.hashCode() % 1_000_000), "VN", "+84912345678"),
                List.of(new GoodsLineDto(
                        "08106000",
                        "Sầu riêng tươi (fresh durian)",
                        new BigDecimal("12000"),
                        "KGM",
                        new BigDecimal("12850.50"),
                        QuarantineKind.PLANT)),
                clock.instant().plus(Duration.ofHours(1)),
                false,
                new MedicalDeclarationDto(new BigDecimal("36.6"), false, null));
    }

    /** Every step still pending passes, each by its own agency: all eight apply to an export of durian. */
    private void passRest(long id) {
        CrossingDto crossing = gate.as("admin").crossing(id);
        for (Step step : Step.values()) {
            assertThat(TestGate.state(crossing, step)).as("%s applies", step).isNotEqualTo(StepState.SKIPPED);
            if (TestGate.state(crossing, step) == StepState.PENDING) {
                crossing = gate.pass(id, step);
            }
        }
    }

    private void decide(long id, Step step, Outcome outcome, String reason) {
        GateClient officer = gate.as(TestGate.officerOf(step));
        officer.decideStep(id, step, new StepDecisionRequest(outcome, reason, null));
    }

    private void pay(long id, FeeKind kind, String amount) {
        gate.as("fees")
                .facts()
                .addFee(id, new FeeRequest(kind, new BigDecimal(amount), "R-" + id + "-" + kind.ordinal()));
    }
}
