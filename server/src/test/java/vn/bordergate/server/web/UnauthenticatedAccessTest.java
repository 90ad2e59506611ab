package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.server.support.TestGate;

/**
 * Every operation the server's own OpenAPI document lists answers 401 without a valid token, except
 * the public ones; forged, tampered, expired and garbage tokens count as no token.
 */
class UnauthenticatedAccessTest {
    private static final ObjectMapper MAPPER = GateJson.newClientMapper();
    /** Operations anyone may call: {@code METHOD path} as the OpenAPI document writes them. */
    private static final Set<String> PUBLIC =
            Set.of("GET /api/health", "POST /api/auth/login", "GET /api/public/status", "GET /status");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    private static TestGate gate;
    private static DeclarationDto declaration;
    private static long enterpriseId;
    private static long plateReadId;

    /** One operation of the document, with its path parameters filled in. */
    record Operation(String method, String template, String path, boolean hasBody) {
        String key() {
            return method + " " + template;
        }

        RawResponse call(GateClient client) {
            if (hasBody) {
                return client.sendRaw(method, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            }
            return client.sendRaw(method, path, null, null);
        }
    }

    @BeforeAll
    static void prepare() {
        gate = TestGate.shared();
        declaration = gate.declare();
        enterpriseId = declaration.enterpriseId();
        String camera = gate.as("admin").cameras().get(0).code();
        plateReadId = gate.as("camera")
                .postPlateRead(new vn.bordergate.common.dto.NewPlateReadRequest(
                        camera, null, TestGate.uniqueVietnamesePlate(), 0.9, null))
                .id();
    }

    static Stream<Named<Operation>> operations() {
        RawResponse document = TestGate.shared().anonymous().sendRaw("GET", "/openapi.json", null, null);
        assertThat(document.status()).as("GET /openapi.json without a token").isEqualTo(200);
        JsonNode paths = read(document.body()).path("paths");
        assertThat(paths.size()).as("paths in the OpenAPI document").isGreaterThan(20);
        List<Named<Operation>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue; // "parameters", "summary" and the like
                }
                Operation operation = new Operation(
                        method,
                        path.getKey(),
                        fill(path.getKey()),
                        op.getValue().has("requestBody"));
                operations.add(Named.of(operation.key(), operation));
            }
        }
        return operations.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void withoutATokenEveryNonPublicOperationAnswers401(Operation operation) {
        RawResponse answer = operation.call(gate.anonymous());

        if (PUBLIC.contains(operation.key())) {
            assertThat(answer.status())
                    .as("%s is public: %s", operation.key(), answer.body())
                    .isNotEqualTo(401);
            assertThat(answer.status())
                    .as("%s: %s", operation.key(), answer.body())
                    .isLessThan(500);
            return;
        }
        assertThat(answer.status())
                .as("%s %s without a token: %s", operation.method(), operation.path(), answer.body())
                .isEqualTo(401);
        ApiError error = ErrorAnswers.apiError(operation.key(), answer);
        assertThat(error.message()).containsIgnoringCase("token");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void withoutATokenTheBodyIsNotLookedAtBefore401(Operation operation) {
        if (PUBLIC.contains(operation.key()) || !operation.hasBody()) {
            return;
        }
        // no Content-Type and no body, then the wrong content type: the caller is still told to log in first
        for (String type : new String[] {null, "text/plain"}) {
            RawResponse answer = gate.anonymous()
                    .sendRaw(
                            operation.method(),
                            operation.path(),
                            type,
                            type == null ? null : "PASS".getBytes(StandardCharsets.UTF_8));
            assertThat(answer.status())
                    .as(
                            "%s %s without a token, Content-Type %s: %s",
                            operation.method(), operation.path(), type, answer.body())
                    .isEqualTo(401);
            ErrorAnswers.apiError(operation.key(), answer);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void withABadTokenEveryNonPublicOperationAnswers401(Operation operation) throws Exception {
        if (PUBLIC.contains(operation.key())) {
            return;
        }
        for (Map.Entry<String, String> bad : badTokens().entrySet()) {
            RawResponse answer = operation.call(gate.anonymous().withToken(bad.getValue()));
            assertThat(answer.status())
                    .as("%s %s with %s: %s", operation.method(), operation.path(), bad.getKey(), answer.body())
                    .isEqualTo(401);
            ErrorAnswers.apiError(operation.key() + " with " + bad.getKey(), answer);
        }
    }

    @Test
    void theDocumentListsTheOperationsThatNeedSubstitutions() {
        assertThat(operations().map(Named::getPayload).map(Operation::template))
                .contains(
                        "/api/crossings/{id}",
                        "/api/crossings/{id}/steps/{step}/decision",
                        "/api/declarations/{id}",
                        "/api/enterprises/{id}");
    }

    @Test
    void theValuesSubstitutedAreRealSoA401IsAboutTheTokenOnly() {
        // the same paths with a valid token do not answer 404: the ids and the step name exist
        GateClient officer = gate.as("customs");
        assertThat(officer.sendRaw("GET", fill("/api/crossings/{id}"), null, null)
                        .status())
                .isEqualTo(200);
        assertThat(officer.sendRaw("GET", fill("/api/declarations/{id}"), null, null)
                        .status())
                .isEqualTo(200);
        assertThat(officer.sendRaw("GET", fill("/api/enterprises/{id}"), null, null)
                        .status())
                .isEqualTo(200);
        assertThat(Step.valueOf(fill("{step}"))).isEqualTo(Step.MEDICAL_QUARANTINE);
    }

    @Test
    void theOpenApiDocumentItselfIsPublic() {
        for (String type : List.of("json", "yaml")) {
            RawResponse answer = gate.anonymous().sendRaw("GET", "/openapi." + type, null, null);
            assertThat(answer.status()).as("/openapi.%s", type).isEqualTo(200);
            assertThat(answer.body()).contains("openapi");
        }
        RawResponse health = gate.anonymous().sendRaw("GET", "/api/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        RawResponse login = gate.anonymous()
                .send("POST", "/api/auth/login", Map.of("username", "customs", "password", TestGate.PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("token");
    }

    @Test
    void aTokenIsOnlyReadFromTheAuthorizationHeaderAsBearer() {
        String token = gate.as("admin").token();
        GateClient anonymous = gate.anonymous();
        assertThat(anonymous
                        .sendRaw("GET", "/api/users", null, null, Map.of("Authorization", "Basic " + token))
                        .status())
                .as("a valid token under another scheme")
                .isEqualTo(401);
        assertThat(anonymous
                        .sendRaw("GET", "/api/users?access_token=" + token, null, null)
                        .status())
                .as("a valid token as a query parameter of a REST call")
                .isEqualTo(401);
        assertThat(anonymous
                        .sendRaw("GET", "/api/users", null, null, Map.of("Authorization", "Bearer " + token))
                        .status())
                .as("the same token, properly sent")
                .isEqualTo(200);
    }

    // ---- tokens that must not work

    /** Tokens that look like the server's but are not valid, by kind. */
    private static Map<String, String> badTokens() throws Exception {
        byte[] realKey = HexFormat.of()
                .parseHex(Files.readString(gate.dataDir().resolve("token.key")).strip());
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Instant now = Instant.now();
        String real = gate.as("admin").token();
        String[] parts = real.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"admin\"", "\"root\"")
                        .getBytes(StandardCharsets.UTF_8));
        return Map.of(
                "a token signed with another key",
                sign(otherKey, "admin", "ADMINISTRATOR", now.plus(Duration.ofHours(1))),
                "an expired token signed with the server's own key",
                sign(realKey, "admin", "ADMINISTRATOR", now.minus(Duration.ofMinutes(1))),
                "a token with alg none",
                base64("{\"alg\":\"none\"}") + "." + parts[1] + ".",
                "a real token with its payload changed",
                parts[0] + "." + tamperedPayload + "." + parts[2],
                "a real token with its signature cut off",
                parts[0] + "." + parts[1] + ".",
                "expired-looking garbage",
                "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjB9.Z2FyYmFnZQ",
                "plain garbage",
                "garbage",
                "an empty token",
                "");
    }

    private static String sign(byte[] key, String username, String role, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(username)
                .claim("uid", 1L)
                .claim("role", role)
                .issueTime(Date.from(expires.minus(Duration.ofHours(12))))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- path parameters

    /** Replaces each {@code {name}} (or {@code {name:regex}}) with a real value; unknown names fail the test. */
    private static String fill(String template) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(valueOf(template, m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String valueOf(String template, String name) {
        if (name.equals("step")) {
            return Step.MEDICAL_QUARANTINE.name();
        }
        if (name.equals("type")) {
            return "json";
        }
        if (name.equals("laneCode")) {
            return "L1";
        }
        if (name.equals("kind")) {
            return "shift-handover";
        }
        if (name.equals("id")) {
            if (template.startsWith("/api/crossings/")) {
                return String.valueOf(declaration.crossingId());
            }
            if (template.startsWith("/api/declarations/")) {
                return String.valueOf(declaration.id());
            }
            if (template.startsWith("/api/enterprises/")) {
                return String.valueOf(enterpriseId);
            }
            if (template.startsWith("/api/plate-reads/")) {
                return String.valueOf(plateReadId);
            }
        }
        throw new AssertionError("no real value known for {" + name + "} in " + template
                + ": teach UnauthenticatedAccessTest.valueOf about it");
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
