package vn.bordergate.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.RawResponse;
import vn.bordergate.common.dto.ApiError;
import vn.bordergate.common.dto.LoginRequest;
import vn.bordergate.common.dto.LoginResponse;
import vn.bordergate.common.dto.NewUserRequest;
import vn.bordergate.common.json.GateJson;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.server.GateServer;
import vn.bordergate.server.ServerOptions;
import vn.bordergate.server.support.MutableClock;

/**
 * Failed logins are throttled: after five wrong passwords for an account, even the right one is
 * refused with 429 and a {@code Retry-After} until the failures leave the five-minute window.
 *
 * <p>This test runs its own server, not {@code TestGate.shared()}: the throttle also counts failures
 * per client address, and every test logs in from 127.0.0.1, so the failures made here would count
 * against the logins of the other tests of the JVM. The server has no demo data (it starts in a
 * fraction of the time), only its initial administrator, and a clock the test moves, so a window
 * passes without waiting.
 */
class LoginThrottleApiTest {
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static final ObjectMapper JSON = GateJson.newClientMapper();
    private static final String ADMIN_PASSWORD = "initial-admin-password";
    private static GateServer server;
    private static GateClient admin;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("bordergate-throttle-test-");
        server = GateServer.start(new ServerOptions("127.0.0.1", 0, dir, false, "admin", ADMIN_PASSWORD), CLOCK);
        admin = anonymous();
        admin.login("admin", ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static GateClient anonymous() {
        return new GateClient(server.uri());
    }

    @BeforeEach
    void forgetEarlierFailures() {
        CLOCK.advance(WINDOW.plusSeconds(1));
    }

    private static String freshUser() {
        String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        admin.admin()
                .createUser(new NewUserRequest(
                        username, PASSWORD, "Throttle test officer", Role.OFFICER, Agency.CUSTOMS, null, null));
        return username;
    }

    private static RawResponse login(String username, String password) {
        return anonymous().send("POST", "/api/auth/login", new LoginRequest(username, password));
    }

    private static ApiError apiError(RawResponse answer) throws Exception {
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JSON.readValue(answer.body(), ApiError.class);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        String username = freshUser();

        RawResponse wrongPassword = login(username, "not-the-password");
        assertThat(wrongPassword.status()).isEqualTo(401);
        ApiError wrong = apiError(wrongPassword);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.message()).isEqualTo("wrong username or password");

        RawResponse unknownUser = login("nobody-" + UUID.randomUUID().toString().substring(0, 8), "not-the-password");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(apiError(unknownUser))
                .as("an unknown user is not told apart from a wrong password")
                .isEqualTo(wrong);
        assertThat(unknownUser.header("Retry-After")).isEmpty();

        LoginResponse ok = anonymous().login(username, PASSWORD);
        assertThat(ok.user().username()).isEqualTo(username);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        String username = freshUser();
        for (int i = 1; i <= 5; i++) {
            RawResponse answer = login(username, "wrong-password-" + i);
            assertThat(answer.status()).as("wrong password %d", i).isEqualTo(401);
            assertThat(apiError(answer).message()).isEqualTo("wrong username or password");
        }

        RawResponse sixth = login(username, PASSWORD);
        assertThat(sixth.status()).as("the right password after five failures").isEqualTo(429);
        ApiError error = apiError(sixth);
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.message()).isNotBlank();
        long retryAfter = Long.parseLong(sixth.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, WINDOW.toSeconds());

        assertThat(login(username, "wrong-password-6").status())
                .as("a wrong one is throttled too, not checked")
                .isEqualTo(429);
        assertThat(login(username.toUpperCase(), PASSWORD).status())
                .as("the name's case does not escape the throttle")
                .isEqualTo(429);

        CLOCK.advance(Duration.ofSeconds(retryAfter - 1));
        assertThat(login(username, PASSWORD).status())
                .as("a second before Retry-After has passed")
                .isEqualTo(429);
        CLOCK.advance(Duration.ofSeconds(1));
        RawResponse after = login(username, PASSWORD);
        assertThat(after.status())
                .as("once Retry-After has passed: %s", after.body())
                .isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginForgivesEarlierFailures() {
        String username = freshUser();
        for (int i = 1; i <= 4; i++) {
            assertThat(login(username, "wrong-password-" + i).status()).isEqualTo(401);
        }
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            assertThat(login(username, "wrong-password-" + i).status()).isEqualTo(401);
        }
        assertThat(login(username, PASSWORD).status())
                .as("four failures after a success are below the limit")
                .isEqualTo(200);
    }

    @Test
    void theLockOfOneAccountDoesNotLockTheOthers() {
        String locked = freshUser();
        String other = freshUser();
        for (int i = 1; i <= 5; i++) {
            assertThat(login(locked, "wrong-password-" + i).status()).isEqualTo(401);
        }
        assertThat(login(locked, PASSWORD).status()).isEqualTo(429);
        assertThat(login(other, PASSWORD).status())
                .as("another account from the same address")
                .isEqualTo(200);
    }

    @Test
    void guessingAcrossManyNamesFromOneAddressIsThrottledToo() {
        int attempts = 0;
        int status = 401;
        while (status == 401 && attempts < 1_000) {
            attempts++;
            status = login(
                            "nobody-" + attempts + "-"
                                    + UUID.randomUUID().toString().substring(0, 6),
                            "guess")
                    .status();
        }
        assertThat(status)
                .as("after %d failed logins under different names", attempts)
                .isEqualTo(429);
        assertThat(attempts)
                .as("distinct names each fail less than the per-account limit")
                .isGreaterThan(5);
    }
}
