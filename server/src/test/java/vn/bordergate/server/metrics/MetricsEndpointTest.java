package vn.bordergate.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.server.support.TestGate;

class MetricsEndpointTest {
    @Test
    void aSupervisorScrapesRequestsLatenciesQueuesAndTheJvmInPrometheusFormat() {
        TestGate gate = TestGate.shared();
        gate.as("supervisor").queue();
        RawResponse answer = gate.as("supervisor").send("GET", "/api/metrics", null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(answer.body())
                .contains("# TYPE gate_http_requests_seconds histogram")
                .containsPattern(
                        "gate_http_requests_seconds_count\\{area=\"/api/crossings\",method=\"GET\",status=\"2xx\",?} [1-9]")
                .contains("gate_http_requests_seconds_bucket{area=\"/api/crossings\"")
                .containsPattern("gate_crossings_waiting [0-9]")
                .contains(
                        "gate_http_queued_requests", "gate_event_subscribers", "gate_cameras", "jvm_memory_used_bytes");
    }

    @Test
    void requestAreasLeaveIdsOut() {
        assertThat(RequestTiming.area("/api/crossings/123/fees")).isEqualTo("/api/crossings");
        assertThat(RequestTiming.area("/api/health")).isEqualTo("/api/health");
        assertThat(RequestTiming.area("/openapi.json")).isEqualTo("/openapi.json");
        assertThat(LoopbackMetricsServlet.isLoopback("127.0.0.1")).isTrue();
        assertThat(LoopbackMetricsServlet.isLoopback("::1")).isTrue();
        assertThat(LoopbackMetricsServlet.isLoopback("10.20.0.5")).isFalse();
    }
}
