package vn.bordergate.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateClient;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.GateServerMain;
import vn.bordergate.server.support.TestGate;

/**
 * The server process is killed (SIGKILL, no shutdown hook, no clean Derby shutdown) right after a
 * confirmed write; after a restart on the same data directory the write is there.
 */
class KillRecoveryTest {
    @TempDir
    Path data;

    @Test
    void confirmedWritesSurviveAKill() throws Exception {
        int port = freePort();
        Process first = startServer(port);
        long crossingId;
        try {
            GateClient enterprise = loggedIn(port, "enterprise");
            DeclarationDto declared = enterprise.submitDeclaration(
                    TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.IMPORT, QuarantineKind.NONE));
            crossingId = declared.crossingId();
            CrossingDto decided = loggedIn(port, "customs")
                    .decideStep(crossingId, Step.DECLARATION, new StepDecisionRequest(Outcome.PASS, null, "HN-CUS-1"));
            assertThat(TestGate.state(decided, Step.DECLARATION)).isEqualTo(StepState.PASSED);
        } finally {
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(first.exitValue()).isNotZero();

        Process second = startServer(port);
        try {
            CrossingDto after = loggedIn(port, "borderguard").crossing(crossingId);
            assertThat(TestGate.state(after, Step.DECLARATION)).isEqualTo(StepState.PASSED);
            assertThat(after.steps().get(0).officer()).isEqualTo("customs");
            assertThat(loggedIn(port, "admin").verifyAudit().intact()).isTrue();
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private Process startServer(int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GateServerMain.class.getName(),
                "--port",
                String.valueOf(port),
                "--data",
                data.toString(),
                "--demo"));
        Path log = Files.createTempFile("gate-server-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        GateClient probe = new GateClient(URI.create("http://127.0.0.1:" + port), null, Duration.ofSeconds(2));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited early:\n" + Files.readString(log));
            }
            try {
                if ("UP".equals(probe.health().status())) {
                    return process;
                }
            } catch (GateUnreachableException | GateApiException e) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("server not healthy within 60 s:\n" + Files.readString(log));
    }

    private static GateClient loggedIn(int port, String username) {
        GateClient client = new GateClient(URI.create("http://127.0.0.1:" + port));
        client.login(username, TestGate.PASSWORD);
        return client;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
