package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.server.GateServices;
import vn.bordergate.server.support.TestGate;

/**
 * {@link PlateReadPosts}: which plate-read posts it answers itself and which go on to Jersey (its own Jetty on a
 * random port, with the gate's real token and plate-read services and a stand-in for Jersey behind it), and that the
 * gate server's answers are the same whichever of the two answered (the same request sent as it is and with an
 * Accept header only Jersey takes).
 */
class PlateReadPostsTest {
    private static final ObjectMapper JSON = GateJson.newMapper();
    private static final int WENT_ON = StandInJersey.WENT_ON;

    private static TestGate gate;
    private static StandInJersey jersey;
    private static URI base;
    private static String camera;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.shared();
        GateServices services = gate.server().services();
        camera = gate.as("admin").anpr().cameras().get(0).code();
        jersey = StandInJersey.start(
                new PlateReadPosts(services.tokens, services.plateReads, JSON), PlateReadPosts.PATH, JSON);
        base = jersey.base();
    }

    @AfterAll
    static void stop() throws Exception {
        jersey.close();
    }

    private static String read(String text) {
        return "{\"cameraCode\":\"" + camera + "\",\"text\":\"" + text + "\",\"confidence\":0.91}";
    }

    private HttpResponse<String> post(String user, String path, String contentType, String body, String... headers)
            throws Exception {
        return jersey.post(user == null ? null : gate.as(user).token(), path, contentType, body, headers);
    }

    @Test
    void aCameraOrGateOfficerReadIsRecordedHere() throws Exception {
        for (String user : new String[] {"camera", "gate", "supervisor"}) {
            String plate = TestGate.uniqueVietnamesePlate();
            HttpResponse<String> answer = post(user, "/api/plate-reads", "application/json", read(plate));
            assertThat(answer.statusCode()).as(user).isEqualTo(201);
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
            JsonNode dto = JSON.readTree(answer.body());
            assertThat(dto.get("text").asText()).isEqualTo(plate);
            assertThat(dto.get("cameraCode").asText()).isEqualTo(camera);
            assertThat(dto.get("id").asLong()).isPositive();
            assertThat(gate.as("supervisor").anpr().plateReads(50))
                    .anySatisfy(r -> assertThat(r.id()).isEqualTo(dto.get("id").asLong()));
        }
        HttpResponse<String> withCharset =
                post("camera", "/api/plate-reads", "application/json; charset=UTF-8", read("29C-123.45"));
        assertThat(withCharset.statusCode()).isEqualTo(201);
    }

    @Test
    void refusalsOfRequestsTakenHereAreApiErrors() throws Exception {
        HttpResponse<String> badJson = post("camera", "/api/plate-reads", "application/json", "{\"text\":");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).get("message").asText()).contains("not valid JSON");

        HttpResponse<String> unknownField = post("camera", "/api/plate-reads", "application/json", "{\"speed\":3}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownField.body())
                        .get("problems")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("speed");

        // an officer of another agency has a role the endpoint lets in, and the service refuses
        HttpResponse<String> customs = post("customs", "/api/plate-reads", "application/json", read("29C-123.46"));
        assertThat(customs.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(customs.body()).get("error").asText()).isEqualTo("forbidden");

        for (HttpResponse<String> answer : List.of(badJson, unknownField, customs)) {
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at vn.");
        }
    }

    @Test
    void everyOtherRequestGoesOnToJersey() throws Exception {
        String body = read("29C-123.47");
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("no token", post(null, "/api/plate-reads", "application/json", body));
        answers.put(
                "a token not ours",
                post(null, "/api/plate-reads", "application/json", body, "Authorization", "Bearer not-a-token"));
        answers.put("a role the endpoint refuses", post("enterprise", "/api/plate-reads", "application/json", body));
        answers.put("another media type", post("camera", "/api/plate-reads", "text/plain", body));
        answers.put("no media type", post("camera", "/api/plate-reads", null, body));
        answers.put(
                "an answer not only JSON",
                post("camera", "/api/plate-reads", "application/json", body, "Accept", "application/json;q=0.9"));
        answers.put(
                "a second token",
                post("camera", "/api/plate-reads", "application/json", body, "Authorization", "Bearer junk"));
        answers.put(
                "a second Accept",
                post("camera", "/api/plate-reads", "application/json", body, "Accept", "*/*", "Accept", "text/plain"));
        answers.put("a query", post("camera", "/api/plate-reads?x=1", "application/json", body));
        answers.put("another path", post("camera", "/api/plate-reads/", "application/json", body));
        answers.put("an empty body", post("camera", "/api/plate-reads", "application/json", ""));
        HttpRequest chunked = HttpRequest.newBuilder(base.resolve("/api/plate-reads"))
                .header("Authorization", "Bearer " + gate.as("camera").token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        answers.put("a chunked body", http.send(chunked, HttpResponse.BodyHandlers.ofString()));
        answers.forEach((why, answer) -> assertThat(answer.statusCode()).as(why).isEqualTo(WENT_ON));

        // the filters in front still refuse first, as they do for Jersey
        HttpResponse<String> tooLarge = post(
                "camera", "/api/plate-reads", "application/json", "{\"text\":\"" + "x".repeat(1024 * 1024) + "\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        HttpResponse<String> unreadable = post("camera", "/api/plate-reads", "json/", body);
        assertThat(unreadable.statusCode()).isEqualTo(415);
        HttpResponse<String> twoTypes =
                post("camera", "/api/plate-reads", "application/json", body, "Content-Type", "text/plain");
        assertThat(twoTypes.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twoTypes.body()).get("message").asText()).contains("2 Content-Type headers");
    }

    /** The gate server's answer for a body, taken here (Accept: JSON) and by Jersey (an Accept only Jersey takes). */
    @Test
    void theGateServerAnswersAlikeWhicheverPathTakesTheRead() throws Exception {
        String[] bodies = {
            "{\"text\":",
            "{\"cameraCode\":\"" + camera + "\",\"text\":\"29C-1\",\"confidence\":0.9,\"speed\":1}",
            "{\"cameraCode\":\"" + camera + "\",\"text\":\"29C-123.48\",\"confidence\":\"high\"}",
            "{\"cameraCode\":\"NO-SUCH-CAMERA\",\"text\":\"29C-123.48\",\"confidence\":0.9}",
            "{\"cameraCode\":\"" + camera + "\",\"confidence\":0.9}",
            "{\"cameraCode\":\"" + camera + "\",\"text\":\"29C-123.48\",\"confidence\":7}",
            "   ",
            "null",
            "[]",
            "{} {}",
        };
        for (String body : bodies) {
            HttpResponse<String> here = toGate(body, "Accept", "application/json");
            HttpResponse<String> jersey = toGate(body, "Accept", "application/json;q=0.9");
            assertThat(here.statusCode())
                    .as(body)
                    .isEqualTo(jersey.statusCode())
                    .isBetween(400, 499);
            assertThat(headersButDate(here)).as(body).isEqualTo(headersButDate(jersey));
            assertThat(JSON.readTree(here.body())).as(body).isEqualTo(JSON.readTree(jersey.body()));
        }
        // a retry of the same read with the same Idempotency-Key is a second read on both paths (reads are events)
        String plate = TestGate.uniqueVietnamesePlate();
        String body = read(plate);
        HttpResponse<String> first = toGate(body, "Idempotency-Key", "pass-1");
        HttpResponse<String> retry = toGate(body, "Idempotency-Key", "pass-1");
        HttpResponse<String> jersey = toGate(body, "Idempotency-Key", "pass-1", "Accept", "application/json;q=0.9");
        for (HttpResponse<String> answer : List.of(first, retry, jersey)) {
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(headersButDate(answer).keySet())
                    .isEqualTo(headersButDate(first).keySet());
            assertThat(answer.headers().firstValue("Content-Type"))
                    .isEqualTo(first.headers().firstValue("Content-Type"));
        }
        JsonNode a = JSON.readTree(first.body());
        JsonNode b = JSON.readTree(retry.body());
        JsonNode c = JSON.readTree(jersey.body());
        assertThat(a.get("id")).isNotEqualTo(b.get("id"));
        assertThat(names(a)).isEqualTo(names(c));
        assertThat(a.get("text")).isEqualTo(c.get("text"));
        assertThat(a.get("matchStatus")).isEqualTo(c.get("matchStatus"));
    }

    /**
     * A camera's post straight to the gate server with exactly the given extra headers (the typed client adds an
     * Accept of its own, which would make every request one the filter takes).
     */
    private HttpResponse<String> toGate(String body, String... headers) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gate.uri().resolve("/api/plate-reads"))
                .header("Authorization", "Bearer " + gate.as("camera").token())
                .header("Content-Type", "application/json")
                .headers(headers)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, List<String>> headersButDate(HttpResponse<String> answer) {
        Map<String, List<String>> headers =
                new java.util.TreeMap<>(answer.headers().map());
        headers.remove("date");
        return headers;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
