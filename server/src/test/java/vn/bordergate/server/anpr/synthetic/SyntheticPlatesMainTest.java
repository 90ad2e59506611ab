package vn.bordergate.server.anpr.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.bordergate.common.plate.PlateParser;

class SyntheticPlatesMainTest {
    @TempDir
    Path dir;

    @Test
    void writesScenesLabelsCropsAndAVideoWithFrameTruth() throws Exception {
        int exit = new CommandLine(new SyntheticPlatesMain())
                .execute(
                        "--out",
                        dir.toString(),
                        "--count",
                        "4",
                        "--seed",
                        "5",
                        "--trailers",
                        "1",
                        "--kinds",
                        "VN_VEHICLE,CN_STANDARD,CN_NEW_ENERGY",
                        "--format",
                        "png",
                        "--crops",
                        "--video",
                        dir.resolve("lane.mkv").toString(),
                        "--video-trucks",
                        "1",
                        "--video-fps",
                        "5",
                        "--video-seconds",
                        "1");
        assertThat(exit).isZero();

        List<String> labels = Files.readAllLines(dir.resolve("labels.csv"), StandardCharsets.UTF_8);
        assertThat(labels.get(0)).startsWith("file,plate,plate_norm,kind,variant,");
        assertThat(labels).hasSize(1 + 4 * 2); // every scene has a tractor and a trailer row
        for (String row : labels.subList(1, labels.size())) {
            String[] f = row.split(",");
            assertThat(dir.resolve(f[0])).exists();
            assertThat(PlateParser.parse(f[1]).normalized()).isEqualTo(f[2]);
            assertThat(f[6]).isIn("TRACTOR", "TRAILER");
            assertThat(SceneVariant.label(SceneVariant.parse(f[4]))).isEqualTo(f[4]);
        }
        assertThat(ImageIO.read(dir.resolve("images/scene_00001.png").toFile()).getWidth())
                .isEqualTo(1280);

        assertThat(Files.readAllLines(dir.resolve("crops.csv"))).hasSize(5);
        assertThat(dir.resolve("crops/crop_00004.png")).exists();

        assertThat(dir.resolve("lane.mkv")).exists();
        List<String> frames = Files.readAllLines(dir.resolve("lane.mkv.csv"), StandardCharsets.UTF_8);
        assertThat(frames.get(0)).startsWith("frame,time_s,plate");
        assertThat(frames.size()).isBetween(3, 6);
    }

    @Test
    void rejectsUnknownFormat() {
        int exit = new CommandLine(new SyntheticPlatesMain())
                .execute("--out", dir.toString(), "--count", "1", "--format", "gif");
        assertThat(exit).isEqualTo(2);
    }
}
