package vn.bordergate.server.documents.slip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.WeighingRequest;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.documents.PrintedGlyphs;
import vn.bordergate.server.documents.PrintedPdf;
import vn.bordergate.server.support.TestGate;

/** GET /api/crossings/{id}/slip against a real server: the PDF an officer prints, read back with PDFBox. */
class CrossingSlipApiTest {
    private static final TestGate GATE = TestGate.shared();

    @Test
    void officerPrintsTheSlipOfADeclaredChineseTruckWithItsStampsWeightAndQrCode() {
        DeclarationDto declared = GATE.as("enterprise")
                .submitDeclaration(
                        TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.IMPORT, QuarantineKind.PLANT));
        long id = declared.crossingId();
        GATE.advanceTo(id, Step.MEDICAL_QUARANTINE);
        GATE.as("gate").facts().addWeighing(id, new WeighingRequest(new BigDecimal("31250.50"), "SCALE-1"));
        GATE.as("borderguard")
                .decideStep(
                        id,
                        Step.BORDER_CONTROL,
                        new StepDecisionRequest(Outcome.HOLD, "Kiểm tra lại hộ chiếu lái xe", null));
        CrossingDto crossing = GATE.as("customs").crossing(id);

        byte[] pdf = patientCustomsOfficer().download("/api/crossings/" + id + "/slip", "application/pdf");

        PrintedPdf printed = new PrintedPdf(pdf);
        assertThat(printed.pages()).isEqualTo(1);
        assertThat(crossing.tractorPlate()).startsWith("琼B");
        assertThat(printed.text())
                .contains(crossing.tractorPlate())
                .contains(crossing.enterpriseName())
                .contains(crossing.declarationCode())
                .contains("Biển số đầu kéo · Tractor plate")
                .contains("Doanh nghiệp · Enterprise")
                .contains("Sầu riêng tươi (fresh durian)")
                .contains("Nguyễn Văn Thắng")
                .contains("31.250,5 kg")
                .contains("1. Khai báo trực tuyến")
                .contains("Kiểm tra lại hộ chiếu lái xe")
                .contains("Tạm giữ")
                .contains("Nhập khẩu");
        assertThat(printed.qrCode(0)).contains("BG:CROSSING:" + id);
        assertThat(PrintedGlyphs.mismatches(pdf)).isEmpty();
        assertThat(slipPrints(id)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("customs");
            assertThat(entry.details()).contains(crossing.declarationCode());
        });
    }

    @Test
    void unknownCrossingAnswersA404ApiError() {
        assertThatThrownBy(() -> GATE.as("customs").download("/api/crossings/987654321/slip", "application/pdf"))
                .isInstanceOfSatisfying(GateApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("crossing 987654321");
                });
    }

    /**
     * The first slip of a JVM may wait for the template to compile (the server starts that in the
     * background): on a loaded build machine that outlasts the client's usual 10 s.
     */
    private static GateClient patientCustomsOfficer() {
        var client = new GateClient(GATE.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(120));
        return client.withToken(client.login("customs", TestGate.PASSWORD).token());
    }

    private static List<AuditEntryDto> slipPrints(long crossingId) {
        List<AuditEntryDto> found = new ArrayList<>();
        Long after = null;
        while (true) {
            List<AuditEntryDto> page = GATE.as("supervisor").admin().audit(after, 1000);
            page.stream()
                    .filter(e ->
                            e.action().equals("SLIP_PRINTED") && e.entityId().equals(String.valueOf(crossingId)))
                    .forEach(found::add);
            if (page.size() < 1000) {
                return found;
            }
            after = page.get(page.size() - 1).id();
        }
    }
}
