package vn.bordergate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.FeeKind;
import vn.bordergate.common.dto.FeeRequest;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.support.TestGate;

/**
 * A request the server refuses without reading its body (401, 403, 415, a 400 on the first bad JSON token) must
 * not cost the client its keep-alive connection. Jetty closes a connection whose request body is unread when the
 * exchange completes, after an answer already sent without {@code Connection: close}; the client's next request
 * on that pooled connection (a camera's plate read, an officer's decision) then fails with no answer at all.
 */
class RefusedRequestKeepAliveTest {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");
    private static final String FORGED_ADMIN_TOKEN = new TokenService(
                    new byte[32], Clock.systemUTC(), Duration.ofHours(1))
            .issue(
                    new Actor(1, "admin", Role.ADMINISTRATOR, null, null, null),
                    Instant.now().plusSeconds(3600));
    private static final String DECISION = "/api/crossings/1/steps/BORDER_CONTROL/decision";
    private static final String PASS = "{\"outcome\":\"PASS\"}";

    private final TestGate gate = TestGate.shared();

    @Test
    void aPostRefusedBeforeItsBodyCameLeavesTheConnectionOpenForTheNextRequest() throws IOException {
        record Refusal(String what, int status, String headers, String contentType) {}
        String borderguard = bearer(gate.as("borderguard").token());
        List<Refusal> refusals = List.of(
                new Refusal("without a token", 401, "", "application/json"),
                new Refusal("with a token signed by another key", 401, bearer(FORGED_ADMIN_TOKEN), "application/json"),
                new Refusal(
                        "for a role that may not decide",
                        403,
                        bearer(gate.as("enterprise").token()),
                        "application/json"),
                new Refusal("with an unreadable Content-Type", 415, borderguard, "json;;;"));
        for (Refusal refusal : refusals) {
            try (Socket socket = socket()) {
                send(socket, head("POST", DECISION, refusal.headers(), refusal.contentType(), PASS.length()));
                // the answer comes before any byte of the body is sent
                assertThat(readResponse(socket.getInputStream()))
                        .as(refusal.what())
                        .startsWith("HTTP/1.1 " + refusal.status());

                send(socket, PASS + head("GET", "/api/health", "", null, 0));
                assertThat(readResponse(socket.getInputStream()))
                        .as("%s: the next request on the same connection", refusal.what())
                        .startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void aPostRefusedOnItsFirstBadJsonTokenLeavesTheConnectionOpen() throws IOException {
        String token = bearer(gate.as("borderguard").token());
        String start = "{\"outcome\":!";
        String rest = " ".repeat(64 * 1024) + "}";
        try (Socket socket = socket()) {
            send(socket, head("POST", DECISION, token, "application/json", start.length() + rest.length()) + start);
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 400");

            send(socket, rest + head("GET", "/api/health", "", null, 0));
            assertThat(readResponse(socket.getInputStream()))
                    .as("the next request on the same connection")
                    .startsWith("HTTP/1.1 200");
        }
    }

    /** What clients sharing one connection pool do: refusals and valid writes, one after the other. */
    @Test
    void validWritesAfterRefusalsOnOnePooledConnectionAllGetTheirAnswer() {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        GateClient anonymous = new GateClient(gate.uri(), http, Duration.ofSeconds(30));
        GateClient fees = new GateClient(gate.uri(), http, Duration.ofSeconds(30))
                .withToken(gate.as("fees").token());
        GateClient enterprise = new GateClient(gate.uri(), http, Duration.ofSeconds(30))
                .withToken(gate.as("enterprise").token());
        GateClient forged = new GateClient(gate.uri(), http, Duration.ofSeconds(30)).withToken(FORGED_ADMIN_TOKEN);
        long crossing = gate.declare().crossingId();
        String feesPath = "/api/crossings/" + crossing + "/fees";
        byte[] pass = PASS.getBytes(StandardCharsets.UTF_8);
        FeeRequest fee = new FeeRequest(FeeKind.INFRASTRUCTURE, new BigDecimal("250000"), null);
        Map<String, Runnable> refusals = new LinkedHashMap<>();
        refusals.put("without a token", () -> anonymous.sendRaw("POST", feesPath, "application/json", pass));
        refusals.put("forged token", () -> forged.sendRaw("POST", feesPath, "application/json", pass));
        refusals.put("forbidden role", () -> enterprise.sendRaw("POST", feesPath, "application/json", pass));
        refusals.put("malformed JSON", () -> fees.sendRaw("POST", feesPath, "application/json", bad()));
        List<String> failures = new ArrayList<>();
        int writes = 0;
        // more rounds (-Dkeepalive.rounds=200) to count how often the connection is lost
        int rounds = Integer.getInteger("keepalive.rounds", 10);
        for (int round = 0; round < rounds; round++) {
            for (var refusal : refusals.entrySet()) {
                try {
                    refusal.getValue().run();
                } catch (GateUnreachableException e) {
                    failures.add(refusal.getKey() + " itself: " + e.getMessage());
                }
                try {
                    RawResponse answer = fees.send("POST", feesPath, fee);
                    assertThat(answer.status()).as("a valid fee").isEqualTo(201);
                    writes++;
                } catch (GateUnreachableException e) {
                    failures.add("the fee after " + refusal.getKey() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures)
                .as("requests of %d that got no answer", rounds * refusals.size() * 2)
                .isEmpty();
        assertThat(writes).isEqualTo(rounds * refusals.size());
    }

    private static byte[] bad() {
        return ("{\"kind\":!" + " ".repeat(16 * 1024) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private Socket socket() throws IOException {
        Socket socket = new Socket(gate.uri().getHost(), gate.uri().getPort());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    private static String head(String method, String path, String headers, String contentType, int length) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + (length > 0 ? "Content-Length: " + length + "\r\n" : "")
                + "\r\n";
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One whole response (head and Content-Length body); what came so far when the server closed instead. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        int headEnd = -1;
        while (headEnd < 0) {
            int b = in.read();
            if (b < 0) {
                return "(connection closed after " + got.size() + " bytes) " + got.toString(StandardCharsets.UTF_8);
            }
            got.write(b);
            String text = got.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                headEnd = got.size();
            }
        }
        String head = got.toString(StandardCharsets.ISO_8859_1);
        Matcher length = CONTENT_LENGTH.matcher(head);
        byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
