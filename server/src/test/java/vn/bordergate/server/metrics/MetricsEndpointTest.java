package vn.bordergate.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    void pathsAndMethodsAClientInventsShareOneSeriesAndCannotCrowdOutTheRealAreas() throws Exception {
        TestGate gate = TestGate.shared();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3 * RequestTiming.MOST_AREAS; i++) {
            String path = i % 2 == 0 ? "/junk-" + i : "/api/junk-" + i + "/x";
            http.send(
                    HttpRequest.newBuilder(gate.uri().resolve(path))
                            .method(i % 3 == 0 ? "BREW" + i : "GET", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        gate.as("supervisor").queue(); // a real area, answered 200 after the flood

        String metrics = gate.as("supervisor").send("GET", "/api/metrics", null).body();
        Matcher series =
                Pattern.compile("gate_http_requests_seconds_count\\{([^}]*)}").matcher(metrics);
        Stream.Builder<String> labels = Stream.builder();
        while (series.find()) {
            labels.add(series.group(1));
        }
        String all = labels.build().collect(Collectors.joining("\n"));
        assertThat(all)
                .doesNotContain("junk", "BREW")
                .contains(
                        "area=\"other\"", "method=\"OTHER\"", "area=\"/api/crossings\",method=\"GET\",status=\"2xx\"");
        assertThat(all.lines()
                        .map(l -> l.replaceAll(".*area=\"([^\"]*)\".*", "$1"))
                        .distinct())
                .hasSizeLessThanOrEqualTo(RequestTiming.MOST_AREAS + 1);
    }

    @Test
    void pathVariantsThatReachARealResourceCountAsItsArea() {
        TestGate gate = TestGate.shared();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < RequestTiming.MOST_AREAS + 2; i++) {
            // a signed-in client: the queue resource answers the path with any path parameter
            statuses.add(gate.as("supervisor")
                    .send("GET", "/api;variant=" + i + "/crossings/queue", null)
                    .status());
        }
        assertThat(statuses).containsOnly(200);

        String metrics = gate.as("supervisor").send("GET", "/api/metrics", null).body();
        assertThat(metrics).doesNotContain("variant").contains("area=\"/api/crossings\",method=\"GET\",status=\"2xx\"");
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
