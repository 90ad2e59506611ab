package vn.bordergate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --keep-plate-images DAYS}: how long plate crops and snapshots stay on disk. */
class PlateImageRetentionOptionTest {
    @TempDir
    Path data;

    @Test
    void thirtyDaysUnlessToldOtherwise() {
        GateServerMain main = new GateServerMain();
        new CommandLine(main).parseArgs("--data", data.toString());
        assertThat(main.keepPlateImages).isEqualTo(30);
        assertThat(ServerOptions.embedded(data, false).plateImageDays()).isEqualTo(30);
        assertThat(ServerOptions.embedded(data, false)
                        .withPlateImageDays(7)
                        .withLaneCameras()
                        .plateImageDays())
                .isEqualTo(7);
    }

    @Test
    void lessThanADayIsRefusedBeforeAnythingStarts() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new GateServerMain())
                    .execute("--data", data.toString(), "--keep-plate-images", "0");
            assertThat(exit).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--keep-plate-images must be at least 1 day");
        assertThat(data).isEmptyDirectory();
    }
}
