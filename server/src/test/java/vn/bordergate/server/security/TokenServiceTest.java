package vn.bordergate.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.support.MutableClock;

/** Bearer tokens: only an unexpired HS256 token signed with the server's own key proves who is calling. */
class TokenServiceTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final byte[] key = bytes(32, 7);
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final TokenService tokens = new TokenService(key, clock, Duration.ofHours(12));

    private final Actor customs = new Actor(42, "customs", Role.OFFICER, Agency.CUSTOMS, "HN-CUS-1", null);
    private final Actor enterprise = new Actor(43, "enterprise", Role.ENTERPRISE, null, null, 9L);

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 17);
        }
        return b;
    }

    private String issue(Actor actor) {
        return tokens.issue(actor, tokens.expiryFromNow());
    }

    @Test
    void anIssuedTokenVerifiesToItsActor() {
        assertThat(tokens.verify(issue(customs))).contains(customs);
        assertThat(tokens.verify(issue(enterprise))).contains(enterprise);
        Actor admin = new Actor(1, "admin", Role.ADMINISTRATOR, null, null, null);
        assertThat(tokens.verify(issue(admin))).contains(admin);
    }

    @Test
    void aTokenSurvivesAServiceRestartWithTheSameKey() {
        String token = issue(customs);
        TokenService restarted = new TokenService(key.clone(), clock, Duration.ofHours(12));
        assertThat(restarted.verify(token)).contains(customs);
    }

    @Test
    void verifiedTokensKeptInMemoryStillExpireAndAFullMemoryStartsOver() {
        String first = tokens.issue(customs, clock.instant().plus(Duration.ofHours(1)));
        assertThat(tokens.verify(first)).contains(customs);
        assertThat(tokens.verify(first)).contains(customs);
        assertThat(tokens.kept()).as("one token verified twice").isEqualTo(1);
        // more distinct tokens than are kept: each still verifies to its own actor, the first one included
        for (int i = 0; i < TokenService.VERIFIED_KEPT + 10; i++) {
            Actor officer = new Actor(1000 + i, "officer" + i, Role.OFFICER, Agency.CUSTOMS, "HN-CUS-1", null);
            assertThat(tokens.verify(tokens.issue(officer, clock.instant().plus(Duration.ofHours(2)))))
                    .contains(officer);
        }
        assertThat(tokens.kept()).as("kept at most").isBetween(1, TokenService.VERIFIED_KEPT);
        assertThat(tokens.verify(first)).contains(customs);
        clock.advance(Duration.ofHours(1));
        assertThat(tokens.verify(first)).as("kept, but expired").isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = tokens.issue(customs, clock.instant().plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(tokens.verify(token)).as("a second before expiry").contains(customs);

        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.verify(token)).as("at the expiry instant").isEmpty();

        clock.advance(Duration.ofDays(3));
        assertThat(tokens.verify(token)).as("long after expiry").isEmpty();
    }

    @Test
    void theLifetimeComesFromTheService() {
        assertThat(tokens.expiryFromNow()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
        String token = issue(customs);
        clock.advance(Duration.ofHours(12));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTokenAlreadyExpiredWhenIssuedIsRefused() {
        assertThat(tokens.verify(tokens.issue(customs, clock.instant().minusSeconds(1))))
                .isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        TokenService other = new TokenService(bytes(32, 8), clock, Duration.ofHours(12));
        assertThat(tokens.verify(other.issue(customs, other.expiryFromNow()))).isEmpty();

        // (not zero-padded: HMAC itself pads a short key with zeros, so that would be the same key)
        byte[] longerKey = Arrays.copyOf(key, 48);
        Arrays.fill(longerKey, 32, 48, (byte) 1);
        TokenService prefixed = new TokenService(longerKey, clock, Duration.ofHours(12));
        assertThat(tokens.verify(prefixed.issue(customs, prefixed.expiryFromNow())))
                .as("a key that merely starts with ours")
                .isEmpty();
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = claimsOf(issue(customs));
        String plain = new PlainJWT(claims).serialize();
        assertThat(tokens.verify(plain)).as("a plain JWT").isEmpty();

        String[] parts = issue(customs).split("\\.");
        String noneHeader = b64("{\"alg\":\"none\"}");
        assertThat(tokens.verify(noneHeader + "." + parts[1] + "."))
                .as("alg none, empty signature")
                .isEmpty();
        assertThat(tokens.verify(noneHeader + "." + parts[1] + "." + parts[2]))
                .as("alg none, the original signature kept")
                .isEmpty();
        assertThat(tokens.verify(b64("{\"alg\":\"NONE\",\"typ\":\"JWT\"}") + "." + parts[1] + "."))
                .isEmpty();
    }

    @Test
    void aTokenClaimingAnotherAlgorithmIsRefused() throws Exception {
        String[] parts = issue(customs).split("\\.");
        for (String alg : new String[] {"HS384", "HS512", "RS256", "ES256"}) {
            String header = b64("{\"alg\":\"" + alg + "\"}");
            assertThat(tokens.verify(header + "." + parts[1] + "." + parts[2]))
                    .as(alg)
                    .isEmpty();
        }
        byte[] key512 = Arrays.copyOf(key, 64);
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claimsOf(issue(customs)));
        hs512.sign(new MACSigner(key512));
        assertThat(tokens.verify(hs512.serialize()))
                .as("HS512 signed with a key starting with ours")
                .isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "garbage",
                "a.b.c",
                "a.b",
                "....",
                "eyJhbGciOiJIUzI1NiJ9",
                "eyJhbGciOiJIUzI1NiJ9.e30.",
                "eyJhbGciOiJIUzI1NiJ9.e30.AAAA",
                "Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA",
                "{\"alg\":\"HS256\"}.{}.x"
            })
    void garbageIsRefused(String token) {
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = issue(customs).split("\\.");
        String payload = new String(B64_DECODE.decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"role\":\"OFFICER\"");

        String asAdmin = payload.replace("\"role\":\"OFFICER\"", "\"role\":\"ADMINISTRATOR\"");
        assertThat(tokens.verify(parts[0] + "." + b64(asAdmin) + "." + parts[2]))
                .as("role raised")
                .isEmpty();

        String asBorderGuard = payload.replace("\"agency\":\"CUSTOMS\"", "\"agency\":\"BORDER_GUARD\"");
        assertThat(asBorderGuard).isNotEqualTo(payload);
        assertThat(tokens.verify(parts[0] + "." + b64(asBorderGuard) + "." + parts[2]))
                .as("agency changed")
                .isEmpty();

        String longer = payload.replaceFirst("\"exp\":\\d+", "\"exp\":" + Long.MAX_VALUE / 1000_000);
        assertThat(longer).isNotEqualTo(payload);
        assertThat(tokens.verify(parts[0] + "." + b64(longer) + "." + parts[2]))
                .as("expiry extended")
                .isEmpty();
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String token = issue(customs);
        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        char flipped = signature.charAt(0) == 'A' ? 'B' : 'A';
        assertThat(tokens.verify(token.substring(0, dot + 1) + flipped + signature.substring(1)))
                .isEmpty();
        assertThat(tokens.verify(token.substring(0, dot + 1)))
                .as("signature dropped")
                .isEmpty();
    }

    @Test
    void aCorrectlySignedTokenWithMissingOrBadClaimsIsRefused() throws Exception {
        Instant exp = clock.instant().plus(Duration.ofHours(1));
        JWTClaimsSet noExpiry = new JWTClaimsSet.Builder()
                .subject("customs")
                .claim("uid", 42L)
                .claim("role", "OFFICER")
                .claim("agency", "CUSTOMS")
                .build();
        assertThat(tokens.verify(sign(noExpiry))).as("no expiry").isEmpty();

        JWTClaimsSet unknownRole = new JWTClaimsSet.Builder()
                .subject("customs")
                .claim("uid", 42L)
                .claim("role", "ROOT")
                .expirationTime(Date.from(exp))
                .build();
        assertThat(tokens.verify(sign(unknownRole))).as("unknown role").isEmpty();

        JWTClaimsSet noUid = new JWTClaimsSet.Builder()
                .subject("customs")
                .claim("role", "OFFICER")
                .claim("agency", "CUSTOMS")
                .expirationTime(Date.from(exp))
                .build();
        assertThat(tokens.verify(sign(noUid))).as("no user id").isEmpty();

        JWTClaimsSet unknownAgency = new JWTClaimsSet.Builder()
                .subject("customs")
                .claim("uid", 42L)
                .claim("role", "OFFICER")
                .claim("agency", "SECRET_POLICE")
                .expirationTime(Date.from(exp))
                .build();
        assertThat(tokens.verify(sign(unknownAgency))).as("unknown agency").isEmpty();
    }

    @Test
    void aKeyShorterThan256BitsIsRefused() {
        assertThatThrownBy(() -> new TokenService(new byte[31], clock, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsCreatedOnceOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        byte[] first = TokenService.loadOrCreateKey(dir);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(TokenService.loadOrCreateKey(dir)).isEqualTo(first);
        Path file = dir.resolve("token.key");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }

        Path other = Files.createDirectory(dir.resolve("other"));
        assertThat(TokenService.loadOrCreateKey(other)).isNotEqualTo(first);

        String token = new TokenService(first, clock, Duration.ofHours(1))
                .issue(customs, clock.instant().plusSeconds(60));
        assertThat(new TokenService(TokenService.loadOrCreateKey(dir), clock, Duration.ofHours(1)).verify(token))
                .contains(customs);
        assertThat(new TokenService(TokenService.loadOrCreateKey(other), clock, Duration.ofHours(1)).verify(token))
                .isEmpty();
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claimsOf(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
