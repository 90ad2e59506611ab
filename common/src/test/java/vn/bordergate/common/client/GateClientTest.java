package vn.bordergate.common.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.DriverDto;
import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.dto.GateActionRequest;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.dto.UserDto;
import vn.bordergate.common.dto.VehicleType;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

class GateClientTest {
    private static final ObjectMapper JSON = GateJson.newMapper();

    private final FakeGateServer server = new FakeGateServer();
    private final GateClient client = new GateClient(server.uri());

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void loginKeepsTheTokenAndSendsItAsBearerAfterwards() throws Exception {
        UserDto user = new UserDto(7, "lan.nguyen", "Nguyễn Thị Lan", Role.OFFICER, Agency.CUSTOMS, "TC-01", null);
        server.answer(
                200,
                JSON.writeValueAsString(new LoginResponse("tok-123", Instant.parse("2030-01-01T00:00:00Z"), user)));

        LoginResponse login = client.login("lan.nguyen", "correct horse battery");

        assertThat(login.user()).isEqualTo(user);
        assertThat(client.token()).isEqualTo("tok-123");
        FakeGateServer.Received request = server.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/api/auth/login");
        assertThat(request.header("Authorization")).isNull();
        assertThat(JSON.readTree(request.body()))
                .isEqualTo(JSON.readTree("{\"username\":\"lan.nguyen\",\"password\":\"correct horse battery\"}"));

        server.answer(200, JSON.writeValueAsString(user));
        assertThat(client.me()).isEqualTo(user);
        assertThat(server.last().uri().getPath()).isEqualTo("/api/auth/me");
        assertThat(server.last().header("Authorization")).isEqualTo("Bearer tok-123");
    }

    @Test
    void withTokenSetsTheBearerAndNullSendsNone() {
        server.answer(200, "[]");
        assertThat(client.withToken("abc")).isSameAs(client);
        client.site().lanes();
        assertThat(server.last().header("Authorization")).isEqualTo("Bearer abc");

        client.withToken(null).site().lanes();
        assertThat(server.last().header("Authorization")).isNull();
    }

    @Test
    void postsTheRequestAsJsonWithoutIdempotencyKeyUnlessGiven() throws Exception {
        DeclarationRequest request = declaration();
        server.answer(
                201,
                "{\"id\":5,\"code\":\"DL-5\",\"revision\":1,\"enterpriseId\":3,\"twoWayTransport\":false,\"crossingId\":9}");
        client.withToken("t");

        assertThat(client.submitDeclaration(request).code()).isEqualTo("DL-5");

        FakeGateServer.Received sent = server.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri().getPath()).isEqualTo("/api/declarations");
        assertThat(sent.header("Content-Type")).isEqualTo("application/json");
        assertThat(sent.header("Accept")).isEqualTo("application/json");
        assertThat(sent.header("Idempotency-Key")).isNull();
        assertThat(JSON.readValue(sent.body(), DeclarationRequest.class)).isEqualTo(request);
        JsonNode tree = JSON.readTree(sent.body());
        assertThat(tree.get("expectedArrival").asText()).isEqualTo("2030-05-01T08:30:00Z");
        assertThat(tree.get("goods").get(0).get("quarantine").asText()).isEqualTo("PLANT");
    }

    @Test
    void sendsTheIdempotencyKeyWhenGiven() throws Exception {
        server.answer(201, "{\"id\":1,\"crossingId\":42,\"kind\":\"YARD_SERVICE\",\"amountVnd\":150000,\"paid\":true}");
        FeeRequest fee = new FeeRequest(FeeKind.YARD_SERVICE, new BigDecimal("150000"), "R-1");

        assertThat(client.facts().addFee(42, fee, "key-1").amountVnd()).isEqualByComparingTo("150000");

        assertThat(server.last().uri().getPath()).isEqualTo("/api/crossings/42/fees");
        assertThat(server.last().header("Idempotency-Key")).isEqualTo("key-1");
        assertThat(JSON.readValue(server.last().body(), FeeRequest.class)).isEqualTo(fee);
    }

    @Test
    void stepActionsUseTheStepNameInThePath() {
        server.answer(200, CROSSING_1);
        CrossingDto crossing =
                client.decideStep(1, Step.MEDICAL_QUARANTINE, new StepDecisionRequest(Outcome.PASS, null, "MQ-1"), "k");

        assertThat(crossing.id()).isEqualTo(1);
        assertThat(server.last().uri().getPath()).isEqualTo("/api/crossings/1/steps/MEDICAL_QUARANTINE/decision");
        assertThat(server.last().header("Idempotency-Key")).isEqualTo("k");

        client.release(1, new GateActionRequest("BG-1"));
        assertThat(server.last().uri().getPath()).isEqualTo("/api/crossings/1/release");
    }

    @Test
    void aPostWithoutBodySendsNoContent() {
        server.answer(200, "{\"intact\":true,\"entriesChecked\":12,\"firstBrokenEntryId\":null,\"problem\":null}");

        assertThat(client.admin().verifyAudit().entriesChecked()).isEqualTo(12);

        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().uri().getPath()).isEqualTo("/api/audit/verify");
        assertThat(server.last().body()).isEmpty();
        assertThat(server.last().header("Content-Type")).isNull();
    }

    @Test
    void queryParametersAreSentAndNullOnesLeftOut() {
        server.answer(200, "[]");

        client.crossings(CrossingStatus.HELD, Step.FEE_COLLECTION, 50);
        assertThat(server.last().uri().getRawQuery()).isEqualTo("status=HELD&step=FEE_COLLECTION&limit=50");

        client.crossings(null, Step.BORDER_CONTROL, null);
        assertThat(server.last().uri().getRawQuery()).isEqualTo("step=BORDER_CONTROL");

        client.declarations(null, null);
        assertThat(server.last().uri().getRawQuery()).isNull();
        assertThat(server.last().uri().getPath()).isEqualTo("/api/declarations");

        client.admin().audit(100L, 10);
        assertThat(server.last().uri().getRawQuery()).isEqualTo("afterId=100&limit=10");
    }

    @Test
    void queryValuesAreUrlEncoded() {
        String path = GateClient.withQuery("/api/x", "q", "Lạng Sơn & co=1+2", "none", null, "n", 3);
        assertThat(path).isEqualTo("/api/x?q=L%E1%BA%A1ng%20S%C6%A1n%20%26%20co%3D1%2B2&n=3");

        server.answer(200, "[]");
        client.send("GET", path, null);
        assertThat(server.last().uri().getRawQuery()).isEqualTo("q=L%E1%BA%A1ng%20S%C6%A1n%20%26%20co%3D1%2B2&n=3");
        assertThat(server.last().uri().getQuery()).isEqualTo("q=Lạng Sơn & co=1+2&n=3");
    }

    @Test
    void parsesAListIgnoringFieldsItDoesNotKnow() {
        server.answer(200, crossingsJson());

        List<CrossingDto> crossings = client.crossings(null, null, null);

        assertThat(crossings).hasSize(2);
        CrossingDto first = crossings.get(0);
        assertThat(first.tractorPlate()).isEqualTo("12C-123.45");
        assertThat(first.status()).isEqualTo(CrossingStatus.IN_PROGRESS);
        assertThat(first.steps())
                .containsExactly(new StepStatusDto(
                        Step.MEDICAL_QUARANTINE,
                        4,
                        Agency.MEDICAL_QUARANTINE,
                        StepState.PENDING,
                        null,
                        null,
                        null,
                        null));
        assertThat(first.grossWeightKg()).isEqualByComparingTo("24500.5");
        assertThat(first.arrivedAt()).isEqualTo(Instant.parse("2030-05-01T08:45:00Z"));
        assertThat(crossings.get(1).status()).isEqualTo(CrossingStatus.HELD);
    }

    @Test
    void aConflictBecomesGateApiExceptionWithTheServersError() {
        server.answer(
                409,
                "{\"status\":409,\"error\":\"conflict\",\"message\":\"Step 4 is already passed\","
                        + "\"problems\":[{\"field\":\"outcome\",\"problem\":\"already decided\"}]}");

        GateApiException e = catchThrowableOfType(
                GateApiException.class,
                () -> client.decideStep(3, Step.MEDICAL_QUARANTINE, new StepDecisionRequest(Outcome.PASS, null, null)));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.getMessage()).isEqualTo("Step 4 is already passed");
        assertThat(e.errorCode()).isEqualTo("conflict");
        assertThat(e.error().problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("outcome");
            assertThat(p.problem()).isEqualTo("already decided");
        });
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void aNonJsonAnswerBecomesASyntheticError() {
        server.answer(502, "text/html", "<html><body>Bad Gateway</body></html>");

        GateApiException e = catchThrowableOfType(GateApiException.class, client::health);

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.error().status()).isEqualTo(502);
        assertThat(e.errorCode()).isEqualTo("http_502");
        assertThat(e.getMessage()).contains("502").contains("Bad Gateway");
        assertThat(e.error().problems()).isEmpty();
    }

    @Test
    void anEmptyErrorBodyStillSaysTheStatus() {
        server.answer(503, null, "");

        GateApiException e = catchThrowableOfType(GateApiException.class, client::queue);

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo("The gate server answered HTTP 503.");
    }

    @Test
    void tooManyLoginsCarryRetryAfter() {
        server.answer(429, "{\"status\":429,\"error\":\"too_many_requests\",\"message\":\"Too many failed logins\"}")
                .withHeaders(Map.of("Retry-After", "30"));

        GateApiException e = catchThrowableOfType(GateApiException.class, () -> client.login("x", "y"));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(e.error().problems()).isEmpty();
        assertThat(client.token()).isNull();
    }

    @Test
    void anUnreadableSuccessBodyIsReported() {
        server.answer(200, "text/plain", "all good");

        GateApiException e = catchThrowableOfType(GateApiException.class, client::health);

        assertThat(e.status()).isEqualTo(200);
        assertThat(e.errorCode()).isEqualTo("unreadable_response");
    }

    @Test
    void aClosedPortBecomesGateUnreachableException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        GateClient offline = new GateClient(URI.create("http://127.0.0.1:" + port));

        assertThatThrownBy(offline::health)
                .isInstanceOf(GateUnreachableException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("Could not connect");
    }

    @Test
    void aServerTooSlowBecomesGateUnreachableException() {
        server.answer(200, "[]").delay(5_000);
        GateClient impatient = impatient();

        assertThatThrownBy(impatient.site()::yards)
                .isInstanceOf(GateUnreachableException.class)
                .hasMessageContaining("did not answer GET /api/yards within 300 ms");
    }

    @Test
    void sendReturnsAnyStatusWithoutThrowing() {
        server.answer(415, "{\"status\":415,\"error\":\"unsupported_media_type\",\"message\":\"JSON only\"}")
                .withHeaders(Map.of("X-Test", "yes"));
        client.withToken("t");

        RawResponse response = client.sendRaw(
                "POST",
                "/api/declarations",
                "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8),
                Map.of("Idempotency-Key", "raw-1"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.body()).contains("JSON only");
        assertThat(response.header("X-Test")).contains("yes");
        assertThat(server.last().header("Content-Type")).isEqualTo("text/plain");
        assertThat(server.last().header("Idempotency-Key")).isEqualTo("raw-1");
        assertThat(server.last().header("Authorization")).isEqualTo("Bearer t");
        assertThat(server.last().bodyText()).isEqualTo("hello");

        server.answer(200, "{}");
        RawResponse json = client.send("PUT", "/api/declarations/4", Map.of("a", 1));
        assertThat(json.status()).isEqualTo(200);
        assertThat(server.last().method()).isEqualTo("PUT");
        assertThat(server.last().header("Content-Type")).isEqualTo("application/json");
        assertThat(server.last().bodyText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void aBaseUriWithAPathAndTrailingSlashIsKept() {
        server.answer(200, "[]");
        new GateClient(URI.create(server.uri() + "/gate/")).site().stations();
        assertThat(server.last().uri().getPath()).isEqualTo("/gate/api/stations");
    }

    @Test
    void rejectsABaseUriThatIsNotHttp() {
        assertThatThrownBy(() -> new GateClient(URI.create("ftp://example.org")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GateClient(server.uri(), null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsUriFollowsTheBaseUri() {
        assertThat(GateEventStream.eventsUri(URI.create("http://127.0.0.1:8080")))
                .isEqualTo(URI.create("ws://127.0.0.1:8080/api/events?batch=1"));
        assertThat(GateEventStream.eventsUri(URI.create("https://gate.example.vn/base/")))
                .isEqualTo(URI.create("wss://gate.example.vn/base/api/events?batch=1"));
    }

    private static DeclarationRequest declaration() {
        return new DeclarationRequest(
                null,
                Direction.EXPORT,
                "12C-123.45",
                "12R-001.23",
                VehicleType.CONTAINER_TRUCK,
                new DriverDto("Trần Văn Minh", "B1234567", "VN", "+84 912 345 678"),
                List.of(new GoodsLineDto(
                        "08109010",
                        "Fresh durian",
                        new BigDecimal("1200.500"),
                        "KG",
                        new BigDecimal("1300.00"),
                        QuarantineKind.PLANT)),
                Instant.parse("2030-05-01T08:30:00Z"),
                false,
                null);
    }

    private static final String CROSSING_1 =
            "{\"id\":1,\"declarationId\":5,\"declarationCode\":\"DL-5\",\"enterpriseId\":3,"
                    + "\"enterpriseName\":\"Hoa Phat\",\"direction\":\"EXPORT\",\"tractorPlate\":\"12C-123.45\","
                    + "\"perishable\":true,\"priority\":false,\"status\":\"IN_PROGRESS\","
                    + "\"steps\":[{\"step\":\"MEDICAL_QUARANTINE\",\"number\":4,\"agency\":\"MEDICAL_QUARANTINE\","
                    + "\"state\":\"PENDING\"}],\"arrivedAt\":\"2030-05-01T08:45:00Z\",\"grossWeightKg\":24500.5,"
                    + "\"version\":3,\"addedByANewerServer\":\"ignored\"}";

    private static final String CROSSING_2 = "{\"id\":2,\"declarationId\":6,\"enterpriseId\":3,\"perishable\":false,"
            + "\"priority\":true,\"status\":\"HELD\",\"steps\":[],\"version\":1}";

    private static String crossingsJson() {
        return "[" + CROSSING_1 + "," + CROSSING_2 + "]";
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsSentAgainOnceWhenTheConnectionClosedBeforeAnyAnswer() throws Exception {
        server.dropConnection(1)
                .answer(201, "{\"id\":1,\"crossingId\":42,\"kind\":\"YARD_SERVICE\",\"amountVnd\":150000}");

        assertThat(client.facts().addFee(42, feeRequest(), "key-1").id()).isEqualTo(1);

        assertThat(server.count()).as("the first send and the one resend").isEqualTo(2);
        assertThat(server.last().header("Idempotency-Key")).isEqualTo("key-1");
    }

    @Test
    void aWriteWithoutAnIdempotencyKeyIsNeverSentAgain() {
        server.dropConnection(1).answer(201, "{}");

        assertThatThrownBy(() -> client.facts().addFee(42, feeRequest()))
                .isInstanceOf(GateUnreachableException.class)
                .hasMessageContaining("Lost the connection")
                .hasMessageContaining("POST /api/crossings/42/fees");
        assertThat(server.count()).isEqualTo(1);
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsResentOnlyOnce() {
        server.dropConnection(2).answer(201, "{}");

        assertThatThrownBy(() -> client.facts().addFee(42, feeRequest(), "key-2"))
                .isInstanceOf(GateUnreachableException.class)
                .hasMessageContaining("Lost the connection");
        assertThat(server.count()).isEqualTo(2);
    }

    @Test
    void aKeyedWriteThatTimedOutIsNotSentAgain() {
        server.answer(201, "{}").delay(5_000);
        GateClient impatient = impatient();

        assertThatThrownBy(() -> impatient.facts().addFee(42, feeRequest(), "key-3"))
                .isInstanceOf(GateUnreachableException.class)
                .hasMessageContaining("did not answer POST /api/crossings/42/fees within 300 ms");
        assertThat(server.count())
                .as("a timeout would double the wait if resent")
                .isEqualTo(1);
    }

    /**
     * A client that waits 300 ms for an answer but connects with the usual patience: the tests are about a server
     * too slow to answer, and a loaded machine's slow connect would make them about connecting instead.
     */
    private GateClient impatient() {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(GateClient.DEFAULT_TIMEOUT)
                .build();
        return new GateClient(server.uri(), http, Duration.ofMillis(300));
    }

    private static FeeRequest feeRequest() {
        return new FeeRequest(FeeKind.YARD_SERVICE, new BigDecimal("150000"), "R-1");
    }
}
