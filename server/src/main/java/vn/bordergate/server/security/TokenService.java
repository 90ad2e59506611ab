package vn.bordergate.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;

/**
 * Bearer tokens: HS256-signed JWTs with an expiry. The signing key lives in the data directory so
 * tokens survive a server restart (a workstation reconnecting after a crash stays logged in).
 */
public final class TokenService {
    private final byte[] key;
    private final Clock clock;
    private final Duration lifetime;
    /**
     * Tokens already verified, with their actor and expiry: parsing a JWT and checking its HMAC on every request
     * was a few per cent of the server's CPU under plate-read load (JFR, perf8). Only valid tokens are kept, the
     * expiry is still checked on every use, and the map is emptied when full (a flood of distinct tokens can
     * only cost the verification it would have cost anyway).
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    static final int VERIFIED_KEPT = 4096;

    private record Verified(Actor actor, Instant expiresAt) {}

    public TokenService(byte[] key, Clock clock, Duration lifetime) {
        if (key.length < 32) {
            throw new IllegalArgumentException("token key must be at least 256 bits");
        }
        this.key = key.clone();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Reads the key from {@code dataDir/token.key}, creating it (owner-only) on first start. */
    public static byte[] loadOrCreateKey(Path dataDir) {
        Path file = dataDir.resolve("token.key");
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file).strip());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, HexFormat.of().formatHex(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system (Windows): the data directory's own ACL protects it
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token key " + file, e);
        }
    }

    public Instant expiryFromNow() {
        return clock.instant().plus(lifetime);
    }

    public String issue(Actor actor, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(actor.username())
                .claim("uid", actor.userId())
                .claim("role", actor.role().name())
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(expiresAt));
        if (actor.agency() != null) {
            claims.claim("agency", actor.agency().name());
        }
        if (actor.stationCode() != null) {
            claims.claim("station", actor.stationCode());
        }
        if (actor.enterpriseId() != null) {
            claims.claim("ent", actor.enterpriseId());
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
    }

    /** The actor of a valid, unexpired token; empty for anything forged, malformed or expired. */
    public Optional<Actor> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Verified known = verified.get(token);
        if (known != null) {
            return known.expiresAt().isAfter(clock.instant()) ? Optional.of(known.actor()) : Optional.empty();
        }
        Optional<Verified> checked = check(token);
        checked.ifPresent(v -> {
            if (verified.size() >= VERIFIED_KEPT) {
                verified.clear();
            }
            verified.put(token, v);
        });
        return checked.map(Verified::actor);
    }

    /** How many verified tokens are kept now (tests: the memory stays bounded). */
    int kept() {
        return verified.size();
    }

    private Optional<Verified> check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            String agency = claims.getStringClaim("agency");
            return Optional.of(new Verified(
                    new Actor(
                            claims.getLongClaim("uid"),
                            claims.getSubject(),
                            Role.valueOf(claims.getStringClaim("role")),
                            agency == null ? null : Agency.valueOf(agency),
                            claims.getStringClaim("station"),
                            claims.getLongClaim("ent")),
                    exp.toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
