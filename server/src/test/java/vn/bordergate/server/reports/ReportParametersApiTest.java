package vn.bordergate.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.support.TestGate;

/** Bad report parameters answer 400 naming the parameter; a good request answers the document. */
class ReportParametersApiTest {
    private static final ObjectMapper JSON = GateJson.newClientMapper();
    private final TestGate gate = TestGate.shared();

    @Test
    void eachBadParameterIsNamed() throws Exception {
        assertBad("/api/reports/monthly-summary?from=2026-03-10", "kind", "shift-handover");
        assertBad("/api/reports/throughput", "from", "required");
        assertBad("/api/reports/throughput?from=10/03/2026", "from", "not a date");
        assertBad("/api/reports/throughput?from=2026-03-10&to=2026-03-09", "from", "after");
        assertBad("/api/reports/throughput?from=2025-01-01&to=2026-01-02", "to", "year");
        assertBad("/api/reports/throughput?from=2026-03-10&format=docx", "format", "pdf or xlsx");
        assertBad("/api/reports/throughput?from=2026-03-10&shift=morning", "shift", "day");
        assertBad("/api/reports/throughput?from=2026-03-10&gate=MONG_CAI", "gate", "HUU_NGHI");
    }

    @Test
    void aWholeYearIsAllowedAndTheDocumentComesAsAnAttachment() {
        RawResponse answer = client("admin")
                .sendRaw(
                        "GET",
                        "/api/reports/enterprise-activity?from=2025-01-01&to=2026-01-01&format=xlsx",
                        null,
                        null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith(ReportFormat.XLSX.mediaType()));
        assertThat(answer.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("enterprise-activity_2025-01-01_2026-01-01_all.xlsx"));
    }

    @Test
    void officersGetNoReports() {
        RawResponse answer =
                gate.as("customs").sendRaw("GET", "/api/reports/shift-handover?from=2026-03-10", null, null);
        assertThat(answer.status()).isEqualTo(403);
    }

    /** The first report fills compile their templates: on a loaded 2-core machine that can pass 10 s. */
    private GateClient client(String account) {
        return new GateClient(gate.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(90))
                .withToken(gate.as(account).token());
    }

    private void assertBad(String path, String field, String says) throws Exception {
        RawResponse answer = client("supervisor").sendRaw("GET", path, null, null);
        assertThat(answer.status()).as("%s: %s", path, answer.body()).isEqualTo(400);
        ApiError error = JSON.readValue(answer.body(), ApiError.class);
        assertThat(error.problems()).as(path).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.problem()).contains(says);
        });
        assertThat(answer.body()).doesNotContain("java.", "at vn.");
    }
}
