package vn.bordergate.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.security.Actor;
import vn.bordergate.server.security.TokenService;
import vn.bordergate.server.support.TestGate;

/**
 * The credentials the fuzzer sends: the two accounts it may act as (an enterprise and the lane
 * camera), and tokens that must never work: expired (signed with the server's own key), forged
 * (another key), unsigned ({@code alg: none}), and a real token whose claims were edited to say
 * administrator.
 */
record FuzzTokens(String enterprise2, String camera, List<String> invalid) {
    static final List<String> ACCOUNTS = List.of("enterprise2", "camera");

    static FuzzTokens of(TestGate gate) {
        String enterprise2 = gate.as("enterprise2").token();
        String camera = gate.as("camera").token();
        Actor admin = new Actor(1, "admin", Role.ADMINISTRATOR, null, null, null);
        Instant past = Instant.now().minus(Duration.ofDays(2));
        TokenService expiredIssuer = new TokenService(
                TokenService.loadOrCreateKey(gate.dataDir()), Clock.fixed(past, ZoneOffset.UTC), Duration.ofHours(12));
        String expired = expiredIssuer.issue(admin, past.plus(Duration.ofHours(12)));
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String forged = new TokenService(otherKey, Clock.systemUTC(), Duration.ofHours(12))
                .issue(admin, Instant.now().plus(Duration.ofHours(1)));
        String[] parts = enterprise2.split("\\.");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String adminClaims = b64.encodeToString(("{\"sub\":\"admin\",\"uid\":1,\"role\":\"ADMINISTRATOR\",\"exp\":"
                        + (Instant.now().getEpochSecond() + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        String edited = parts[0] + "." + adminClaims + "." + parts[2];
        String unsigned =
                b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + adminClaims + ".";
        return new FuzzTokens(
                enterprise2,
                camera,
                List.of(expired, forged, edited, unsigned, "", "null", "x".repeat(5000), "a.b.c", enterprise2 + "x"));
    }
}
