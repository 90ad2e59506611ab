package vn.bordergate.server.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.server.support.ServerProcess;

/**
 * A second server started on a data directory whose database another server process holds stops at
 * once with a message saying so, and leaves the first one serving.
 */
class DatabaseLockedTest {
    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void aSecondServerOnTheSameDataSaysTheDatabaseIsInUse() throws Exception {
        try (ServerProcess first = ServerProcess.start(
                data,
                ServerProcess.ANY_PORT,
                ProcessBuilder.Redirect.to(logs.resolve("first.log").toFile()),
                List.of(),
                List.of("--no-cameras"))) {
            first.awaitHealthy(Duration.ofSeconds(120));

            Path secondLog = logs.resolve("second.log");
            try (ServerProcess second = ServerProcess.start(
                    data,
                    ServerProcess.ANY_PORT,
                    ProcessBuilder.Redirect.to(secondLog.toFile()),
                    List.of(),
                    List.of("--no-cameras"))) {
                int exit = second.awaitExit(Duration.ofSeconds(120));
                String output = Files.readString(secondLog);
                assertThat(exit).as("exit code; output:%n%s", output).isEqualTo(2);
                assertThat(output)
                        .contains("already in use by another BorderGate server")
                        .contains(data.toAbsolutePath().toString())
                        .doesNotContain("\tat ");
            }
            assertThat(first.loggedIn("customs").queue())
                    .as("the first server still serves")
                    .isNotNull();
        }
    }
}
