package vn.bordergate.server.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt password hashes (cost 10: about 60 ms here, slow enough to hurt guessing, fast enough to log in). */
public final class PasswordHasher {
    private static final int COST = 10;
    // a real hash of a random password, checked against when the user doesn't exist so timing reveals nothing
    private static final String DUMMY = "$2a$10$8K1p/a0dL1LXMIgoEDFrwOfMQbLgtnOoKsWc.6U6H0llP3puImo0i";

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        String against = hash == null ? DUMMY : hash;
        boolean verified = BCrypt.verifyer()
                .verify(password.getBytes(StandardCharsets.UTF_8), against.getBytes(StandardCharsets.UTF_8))
                .verified;
        return hash != null && verified;
    }
}
