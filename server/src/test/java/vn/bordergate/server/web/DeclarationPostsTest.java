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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.server.GateServices;
import vn.bordergate.server.support.TestGate;

/**
 * {@link DeclarationPosts}: which declaration posts it answers itself and which go on to Jersey (its own Jetty on a
 * random port, with the gate's real token and declaration services and a stand-in for Jersey behind it), and that the
 * gate server's answers, Idempotency-Keys included, are the same whichever of the two answered (the same request sent
 * as it is and with an Accept header only Jersey takes).
 */
class DeclarationPostsTest {
    private static final ObjectMapper JSON = GateJson.newMapper();
    private static final int WENT_ON = StandInJersey.WENT_ON;
    /** An Accept that Jersey's negotiation takes and this route does not: the request goes to Jersey. */
    private static final String[] TO_JERSEY = {"Accept", "application/json;q=0.9"};

    private static TestGate gate;
    private static StandInJersey jersey;
    private static URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        gate = TestGate.shared();
        GateServices services = gate.server().services();
        jersey = StandInJersey.start(
                new DeclarationPosts(services.tokens, services.declarations, JSON), DeclarationPosts.PATH, JSON);
        base = jersey.base();
    }

    @AfterAll
    static void stop() throws Exception {
        jersey.close();
    }

    private static String declaration() throws Exception {
        return JSON.writeValueAsString(
                TestGate.declaration(TestGate.uniqueVietnamesePlate(), Direction.EXPORT, QuarantineKind.PLANT));
    }

    private HttpResponse<String> post(String user, String path, String contentType, String body, String... headers)
            throws Exception {
        return jersey.post(user == null ? null : gate.as(user).token(), path, contentType, body, headers);
    }

    @Test
    void anEnterprisesDeclarationIsWrittenHereAndItsKeyRepeatsItsAnswer() throws Exception {
        String body = declaration();
        String key = "here-" + UUID.randomUUID();
        HttpResponse<String> answer =
                post("enterprise", "/api/declarations", "application/json", body, "Idempotency-Key", key);
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode dto = JSON.readTree(answer.body());
        long id = dto.get("id").asLong();
        assertThat(dto.get("code").asText()).isEqualTo(String.format("BG-%08d", id));
        assertThat(gate.as("enterprise").declaration(id).tractorPlate())
                .isEqualTo(dto.get("tractorPlate").asText());

        HttpResponse<String> retry = post(
                "enterprise", "/api/declarations", "application/json; charset=UTF-8", body, "Idempotency-Key", key);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body())).isEqualTo(dto);
    }

    @Test
    void refusalsOfRequestsTakenHereAreApiErrors() throws Exception {
        HttpResponse<String> badJson = post("enterprise", "/api/declarations", "application/json", "{\"direction\":");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).get("message").asText()).contains("not valid JSON");

        HttpResponse<String> missing = post("enterprise", "/api/declarations", "application/json", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("problems").size()).isGreaterThan(1);

        // another enterprise's trip: the role is let in, the check refuses
        JsonNode foreign = JSON.readTree(declaration());
        ((com.fasterxml.jackson.databind.node.ObjectNode) foreign).put("enterpriseId", 987_654L);
        HttpResponse<String> forbidden =
                post("enterprise", "/api/declarations", "application/json", JSON.writeValueAsString(foreign));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forbidden.body()).get("error").asText()).isEqualTo("forbidden");

        HttpResponse<String> longKey = post(
                "enterprise",
                "/api/declarations",
                "application/json",
                declaration(),
                "Idempotency-Key",
                "k".repeat(200));
        assertThat(longKey.statusCode()).isEqualTo(400);
        assertThat(longKey.body()).contains("Idempotency-Key");

        for (HttpResponse<String> answer : List.of(badJson, missing, forbidden, longKey)) {
            assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at vn.");
        }
    }

    @Test
    void everyOtherRequestGoesOnToJersey() throws Exception {
        String body = declaration();
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("no token", post(null, "/api/declarations", "application/json", body));
        answers.put(
                "a token not ours",
                post(null, "/api/declarations", "application/json", body, "Authorization", "Bearer not-a-token"));
        answers.put("a role the endpoint refuses", post("customs", "/api/declarations", "application/json", body));
        answers.put("a camera", post("camera", "/api/declarations", "application/json", body));
        answers.put("another media type", post("enterprise", "/api/declarations", "text/plain", body));
        answers.put("no media type", post("enterprise", "/api/declarations", null, body));
        answers.put(
                "an answer not only JSON",
                post("enterprise", "/api/declarations", "application/json", body, TO_JERSEY));
        answers.put(
                "a second token",
                post("enterprise", "/api/declarations", "application/json", body, "Authorization", "Bearer junk"));
        answers.put(
                "a second Idempotency-Key",
                post(
                        "enterprise",
                        "/api/declarations",
                        "application/json",
                        body,
                        "Idempotency-Key",
                        "one",
                        "Idempotency-Key",
                        "two"));
        answers.put("a query", post("enterprise", "/api/declarations?x=1", "application/json", body));
        answers.put("another path", post("enterprise", "/api/declarations/", "application/json", body));
        answers.put(
                "a declaration's own path", post("enterprise", "/api/declarations/1/cancel", "application/json", body));
        answers.put("an empty body", post("enterprise", "/api/declarations", "application/json", ""));
        HttpRequest chunked = HttpRequest.newBuilder(base.resolve("/api/declarations"))
                .header("Authorization", "Bearer " + gate.as("enterprise").token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        answers.put("a chunked body", http.send(chunked, HttpResponse.BodyHandlers.ofString()));
        HttpRequest put = HttpRequest.newBuilder(base.resolve("/api/declarations"))
                .header("Authorization", "Bearer " + gate.as("enterprise").token())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        answers.put("a PUT", http.send(put, HttpResponse.BodyHandlers.ofString()));
        answers.forEach((why, answer) -> assertThat(answer.statusCode()).as(why).isEqualTo(WENT_ON));
    }

    /** The gate server's answer for a body, taken here (Accept: JSON) and by Jersey (an Accept only Jersey takes). */
    @Test
    void theGateServerAnswersAlikeWhicheverPathTakesTheDeclaration() throws Exception {
        String good = declaration();
        String[] bodies = {
            "{\"direction\":",
            "{}",
            good.replace("\"direction\":\"EXPORT\"", "\"direction\":\"SIDEWAYS\""),
            good.replaceFirst("\\{", "{\"speed\":1,"),
            good.replaceAll("\"tractorPlate\":\"[^\"]*\"", "\"tractorPlate\":\"not a plate\""),
            "   ",
            "null",
            "[]",
            good + " {}",
        };
        for (String body : bodies) {
            HttpResponse<String> here = toGate(body, "Accept", "application/json");
            HttpResponse<String> jersey = toGate(body, TO_JERSEY);
            assertThat(here.statusCode())
                    .as(body)
                    .isEqualTo(jersey.statusCode())
                    .isBetween(400, 499);
            assertThat(headersButDate(here)).as(body).isEqualTo(headersButDate(jersey));
            assertThat(JSON.readTree(here.body())).as(body).isEqualTo(JSON.readTree(jersey.body()));
        }
        // a declaration written on one route is answered again, not written twice, when its key comes by the other
        for (boolean hereFirst : new boolean[] {true, false}) {
            String body = declaration();
            String key = "both-" + UUID.randomUUID();
            HttpResponse<String> first = hereFirst
                    ? toGate(body, "Idempotency-Key", key)
                    : toGate(body, "Idempotency-Key", key, TO_JERSEY[0], TO_JERSEY[1]);
            HttpResponse<String> again = hereFirst
                    ? toGate(body, "Idempotency-Key", key, TO_JERSEY[0], TO_JERSEY[1])
                    : toGate(body, "Idempotency-Key", key);
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(headersButDate(again).keySet())
                    .isEqualTo(headersButDate(first).keySet());
            assertThat(again.headers().firstValue("Content-Type"))
                    .isEqualTo(first.headers().firstValue("Content-Type"));
            assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
        }
        // the same vehicle declared again while its trip is open: the same 409 on both routes
        String body = declaration();
        assertThat(toGate(body).statusCode()).isEqualTo(201);
        HttpResponse<String> here = toGate(body);
        HttpResponse<String> jersey = toGate(body, TO_JERSEY);
        assertThat(here.statusCode()).isEqualTo(409).isEqualTo(jersey.statusCode());
        assertThat(headersButDate(here)).isEqualTo(headersButDate(jersey));
        assertThat(JSON.readTree(here.body())).isEqualTo(JSON.readTree(jersey.body()));
    }

    /**
     * An enterprise's post straight to the gate server with exactly the given extra headers (the typed client adds an
     * Accept of its own, which would make every request one the filter takes).
     */
    private HttpResponse<String> toGate(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gate.uri().resolve("/api/declarations"))
                .header("Authorization", "Bearer " + gate.as("enterprise").token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, List<String>> headersButDate(HttpResponse<String> answer) {
        Map<String, List<String>> headers = new TreeMap<>(answer.headers().map());
        headers.remove("date");
        return headers;
    }
}
