package vn.bordergate.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.bordergate.server.GateServerMain;

class RestoreCommandTest {
    @Test
    void aFolderThatIsNoBackupIsRefusedAndTheDatabaseStaysWhereItIs(@TempDir Path dir) throws Exception {
        Path database = Files.createDirectories(dir.resolve("data/db"));
        Files.writeString(database.resolve("marker"), "current database");
        Path notABackup = Files.createDirectories(dir.resolve("photos"));
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = new CommandLine(new GateServerMain())
                    .execute("restore", "--data", dir.resolve("data").toString(), "--from", notABackup.toString());
        } finally {
            System.setErr(originalErr);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("is not a BorderGate database backup");
        assertThat(database.resolve("marker")).hasContent("current database");
    }
}
