package vn.bordergate.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.QuarantineKind;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.Direction;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.server.support.ServerProcess;
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
        int port = ServerProcess.ANY_PORT; // bound by the server, read from its log
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.to(
                Files.createTempFile("gate-server-", ".log").toFile());
        long crossingId;
        // no demo cameras: the test is about Derby's durability, and decoding video while starting slowed a loaded CI
        // run past its health wait
        ServerProcess first = ServerProcess.start(data, port, log, List.of(), List.of("--no-cameras"));
        try {
            first.awaitHealthy(Duration.ofSeconds(180));
            DeclarationDto declared = first.loggedIn("enterprise")
                    .submitDeclaration(
                            TestGate.declaration(TestGate.uniqueChinesePlate(), Direction.IMPORT, QuarantineKind.NONE));
            crossingId = declared.crossingId();
            CrossingDto decided = first.loggedIn("customs")
                    .decideStep(crossingId, Step.DECLARATION, new StepDecisionRequest(Outcome.PASS, null, "HN-CUS-1"));
            assertThat(TestGate.state(decided, Step.DECLARATION)).isEqualTo(StepState.PASSED);
        } finally {
            assertThat(first.kill()).as("killed, not exited").isNotZero();
        }

        try (ServerProcess second = ServerProcess.start(data, port, log, List.of(), List.of("--no-cameras"))) {
            second.awaitHealthy(Duration.ofSeconds(180));
            CrossingDto after = second.loggedIn("borderguard").crossing(crossingId);
            assertThat(TestGate.state(after, Step.DECLARATION)).isEqualTo(StepState.PASSED);
            assertThat(after.steps().get(0).officer()).isEqualTo("customs");
            assertThat(second.loggedIn("admin").admin().verifyAudit().intact()).isTrue();
        }
    }
}
