package vn.bordergate.server.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.KioskClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.documents.PrintedPdf;
import vn.bordergate.server.support.TestGate;

/** The yard kiosk against a real server: finding a crossing, checking it in, and what it refuses. */
class KioskCheckInTest {
    private static final TestGate GATE = TestGate.shared();

    private static GateClient kioskAccount() {
        return GATE.as("kiosk");
    }

    private static KioskClient kiosk() {
        return kioskAccount().kiosk();
    }

    /** A declaration customs accepted: the truck is on its way, expected in two hours. */
    private static DeclarationDto accepted(String plate) {
        DeclarationDto d = GATE.as("enterprise")
                .submitDeclaration(TestGate.declaration(plate, Direction.EXPORT, QuarantineKind.PLANT));
        GATE.pass(d.crossingId(), Step.DECLARATION);
        return d;
    }

    @Test
    void findsTheCrossingByPlateForgivingLookAlikesAndSeparators() {
        String plate = TestGate.uniqueVietnamesePlate(); // 36LD-123.45
        DeclarationDto d = accepted(plate);
        String typed = plate.replace("-", "").replace(".", "").replace("D", "0"); // 36L0 12345

        KioskCrossingDto found = kiosk().findByPlate(typed);

        assertThat(found.crossingId()).isEqualTo(d.crossingId());
        assertThat(found.declarationCode()).isEqualTo(d.code());
        assertThat(found.status()).isEqualTo(CrossingStatus.EN_ROUTE);
        assertThat(found.enterpriseName()).isEqualTo(d.enterpriseName());
        assertThat(found.queue()).isNull();
    }

    @Test
    void findsByDeclarationCodeAndByQrCode() {
        DeclarationDto d = accepted(TestGate.uniqueVietnamesePlate());

        assertThat(kiosk().findByCode(d.code().toLowerCase()).crossingId()).isEqualTo(d.crossingId());
        assertThat(kiosk().findByQr("BORDERGATE:CROSSING:" + d.crossingId()).crossingId())
                .isEqualTo(d.crossingId());
        assertThat(kiosk().findByQr("https://gate.example/d/" + d.code()).crossingId())
                .isEqualTo(d.crossingId());
        assertThat(TestGate.statusOf(() -> kiosk().findByQr("hello world"))).isEqualTo(400);
    }

    @Test
    void answersNoPersonalDataOfTheDriver() {
        DeclarationDto d = accepted(TestGate.uniqueVietnamesePlate());

        RawResponse answer = kioskAccount().send("GET", "/api/kiosk/crossings?code=" + d.code(), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .contains(d.code())
                .doesNotContain(
                        d.driver().fullName(),
                        d.driver().documentNumber(),
                        d.driver().phone())
                .doesNotContain("Sầu riêng", "08106000");
    }

    @Test
    void checksInOnceWithTheNextQueueNumberAYardAndAPlace() {
        DeclarationDto first = accepted(TestGate.uniqueVietnamesePlate());
        DeclarationDto second = accepted(TestGate.uniqueVietnamesePlate());

        KioskCrossingDto a = kiosk().checkIn(first.crossingId());
        KioskCrossingDto again = kiosk().checkIn(first.crossingId());
        KioskCrossingDto b = kiosk().checkIn(second.crossingId());

        assertThat(a.status()).as("arrival passed: at the gate").isEqualTo(CrossingStatus.IN_PROGRESS);
        assertThat(a.queue().queueNumber()).isPositive();
        assertThat(again.queue().queueNumber()).isEqualTo(a.queue().queueNumber());
        assertThat(again.queue().checkedInAt()).isEqualTo(a.queue().checkedInAt());
        assertThat(b.queue().queueNumber()).isGreaterThan(a.queue().queueNumber());
        assertThat(a.queue().yardCode()).startsWith("YARD-");
        assertThat(a.queue().yardName()).startsWith("Bãi");
        assertThat(a.queue().position()).isPositive();
        assertThat(kiosk().crossing(second.crossingId()).queue().position())
                .as("the later one waits behind")
                .isGreaterThan(kiosk().crossing(first.crossingId()).queue().position());
        assertThat(a.queue().calledLane()).isNull();

        var crossing = GATE.as("gate").crossing(first.crossingId());
        assertThat(TestGate.state(crossing, Step.TRANSPORT)).isEqualTo(StepState.PASSED);
        assertThat(crossing.yardCode()).isEqualTo(a.queue().yardCode());
        assertThat(crossing.steps().stream().filter(s -> s.step() == Step.TRANSPORT))
                .singleElement()
                .satisfies(s -> assertThat(s.officer()).isEqualTo("kiosk:kiosk"));
    }

    @Test
    void printsAQueueTicketWithNumberPlateYardAndAQrCodeOfTheCrossing() {
        DeclarationDto d = accepted(TestGate.uniqueVietnamesePlate());
        assertThat(TestGate.statusOf(() -> kiosk().ticket(d.crossingId())))
                .as("no ticket before check-in")
                .isEqualTo(409);
        KioskCrossingDto checked = kiosk().checkIn(d.crossingId());

        // the first ticket of a server may wait for the template to compile on a busy test machine
        GateClient patient = new GateClient(GATE.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(90))
                .withToken(kioskAccount().token());
        PrintedPdf ticket = new PrintedPdf(patient.kiosk().ticket(d.crossingId()));

        assertThat(ticket.pages()).isEqualTo(1);
        String text = ticket.text();
        assertThat(text)
                .contains(d.tractorPlate())
                .contains(String.valueOf(checked.queue().queueNumber()))
                .contains(checked.queue().yardName())
                .contains(d.code())
                .contains("Phiếu xếp hàng");
        assertThat(text).doesNotContain(d.driver().fullName());
        assertThat(ticket.fonts())
                .allSatisfy(f -> assertThat(f).contains("NotoSansCJK").endsWith("(embedded)"));
        assertThat(ticket.qrCode(0)).contains("BORDERGATE:CROSSING:" + d.crossingId());
    }

    @Test
    void showsTheLaneTheVehicleIsCalledTo() {
        DeclarationDto d = accepted(TestGate.uniqueVietnamesePlate());
        kiosk().checkIn(d.crossingId());

        // the gate calls vehicles from the yard one by one until this one's turn
        boolean called = false;
        for (int i = 0; i < 1000 && !called; i++) {
            var next = GATE.as("gate").site().callNext("L3");
            assertThat(next).as("a vehicle waits until ours is called").isPresent();
            called = next.get().id() == d.crossingId();
        }

        KioskCrossingDto after = kiosk().crossing(d.crossingId());
        assertThat(after.queue().calledLane()).isEqualTo("Làn xuất khẩu 1 (L3)");
        assertThat(after.queue().position()).as("called: no longer waiting").isNull();
    }

    @Test
    void leavesTheQueueOnceReleased() {
        DeclarationDto d = accepted(TestGate.uniqueVietnamesePlate());
        kiosk().checkIn(d.crossingId());
        GATE.passAll(d.crossingId());
        GATE.as("borderguard").release(d.crossingId(), new GateActionRequest(null));

        KioskCrossingDto after = kiosk().crossing(d.crossingId());

        assertThat(after.status()).isEqualTo(CrossingStatus.RELEASED);
        assertThat(after.queue().position()).isNull();
    }

    @Test
    void refusesWithAReasonWhatCannotBeCheckedIn() {
        DeclarationDto notAccepted = GATE.declare();
        assertRefused(notAccepted.crossingId(), 409, "not accepted by customs");

        DeclarationDto released = accepted(TestGate.uniqueVietnamesePlate());
        GATE.passAll(released.crossingId());
        GATE.as("borderguard").release(released.crossingId(), new GateActionRequest(null));
        assertRefused(released.crossingId(), 409, "already released");

        DeclarationRequest later = at(
                TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT),
                Instant.now().plus(Duration.ofDays(3)));
        DeclarationDto inThreeDays = GATE.as("enterprise").submitDeclaration(later);
        GATE.pass(inThreeDays.crossingId(), Step.DECLARATION);
        assertRefused(inThreeDays.crossingId(), 409, "not today");
        assertThat(TestGate.statusOf(() -> kiosk().crossing(inThreeDays.crossingId())))
                .as("a kiosk sees only crossings expected around now")
                .isEqualTo(404);
        assertThat(TestGate.statusOf(() -> kiosk().findByPlate(inThreeDays.tractorPlate())))
                .isEqualTo(404);

        assertRefused(987_654_321L, 404, "does not exist");
    }

    @Test
    void asksForExactlyOneWayOfFindingAndForgivesNoPlainTypo() {
        assertThat(kioskAccount().send("GET", "/api/kiosk/crossings", null).status())
                .isEqualTo(400);
        assertThat(kioskAccount()
                        .send("GET", "/api/kiosk/crossings?plate=36LD12345&code=BG-00000001", null)
                        .status())
                .isEqualTo(400);
        assertThat(TestGate.statusOf(() -> kiosk().findByPlate("99Z-999.99"))).isEqualTo(404);

        // a plain typo is not forgiven: the plate next in the series is a stranger's truck
        String plate = TestGate.uniqueVietnamesePlate();
        accepted(plate);
        assertThat(TestGate.statusOf(() -> kiosk().findByPlate(plate.replace("LD", "LX"))))
                .isEqualTo(404);
    }

    @Test
    void findsAChineseTruckTypedWithoutItsProvince() {
        String plate = TestGate.uniqueChinesePlate(); // 琼B12345
        DeclarationDto d = GATE.as("enterprise")
                .submitDeclaration(TestGate.declaration(plate, Direction.IMPORT, QuarantineKind.NONE));
        GATE.pass(d.crossingId(), Step.DECLARATION);

        assertThat(kiosk().findByPlate(plate.substring(1)).crossingId()).isEqualTo(d.crossingId());
        assertThat(kiosk().findByPlate(plate).crossingId()).isEqualTo(d.crossingId());
    }

    private static void assertRefused(long crossingId, int status, String why) {
        assertThatThrownBy(() -> kiosk().checkIn(crossingId)).isInstanceOfSatisfying(GateApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(why);
        });
    }

    private static void assertRefusedFind(String plate, int status, String why) {
        assertThatThrownBy(() -> kiosk().findByPlate(plate)).isInstanceOfSatisfying(GateApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(why);
        });
    }

    private static DeclarationRequest at(DeclarationRequest r, Instant expected) {
        return new DeclarationRequest(
                r.enterpriseId(),
                r.direction(),
                r.tractorPlate(),
                r.trailerPlate(),
                r.vehicleType(),
                r.driver(),
                r.goods(),
                expected,
                r.twoWayTransport(),
                r.medical());
    }
}
