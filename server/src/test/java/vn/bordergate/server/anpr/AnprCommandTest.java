package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;
import vn.bordergate.server.anpr.synthetic.TruckVideoSpec;
import vn.bordergate.server.anpr.synthetic.TruckVideoWriter;

/** The {@code anpr} command line: naming, CSV, summary, and files that are odd or broken. */
class AnprCommandTest {
    private static final Plate PLATE = PlateParser.parse("29H-335.78");

    @TempDir
    static Path dir;

    private static Path set;

    @BeforeAll
    static void writeFiles() throws Exception {
        set = dir.resolve("set");
        Path images = Files.createDirectories(set.resolve("images"));
        BufferedImage plate = new PlateRenderer()
                .render(PLATE, PlateStyle.standard(PLATE), 0.5)
                .image();
        Mat bgr = TestImages.mat(plate);
        imwrite(images.resolve("plate.png").toString(), bgr);
        // grey, 16-bit grey, 16-bit colour TIFF, RGBA
        BufferedImage grey = new BufferedImage(plate.getWidth(), plate.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(plate, 0, 0, null);
        ImageIO.write(grey, "png", images.resolve("grey.png").toFile());
        BufferedImage grey16 = new BufferedImage(plate.getWidth(), plate.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        grey16.getGraphics().drawImage(plate, 0, 0, null);
        ImageIO.write(grey16, "png", images.resolve("grey16.png").toFile());
        try (Mat deep = new Mat()) {
            bgr.convertTo(deep, CV_16UC3, 257, 0);
            imwrite(images.resolve("colour16.tif").toString(), deep);
        }
        try (Mat dark16 = new Mat(60, 200, CV_16UC1, new Scalar(1200, 0, 0, 0))) {
            imwrite(images.resolve("dark16.png").toString(), dark16);
        }
        ImageIO.write(plate, "png", images.resolve("alpha.png").toFile());
        // a JPEG cut off half way, garbage with an image name, an empty file, odd sizes
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        BufferedImage rgb = new BufferedImage(plate.getWidth(), plate.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        rgb.getGraphics().drawImage(plate, 0, 0, null);
        ImageIO.write(rgb, "jpg", jpeg);
        byte[] whole = jpeg.toByteArray();
        Files.write(images.resolve("truncated.jpg"), Arrays.copyOf(whole, whole.length / 2));
        Files.write(images.resolve("garbage.jpg"), "this is no image".getBytes(StandardCharsets.UTF_8));
        Files.write(images.resolve("empty.png"), new byte[0]);
        ImageIO.write(
                new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("one.png").toFile());
        ImageIO.write(
                new BufferedImage(3000, 5, BufferedImage.TYPE_INT_RGB),
                "bmp",
                images.resolve("sliver.bmp").toFile());
        ImageIO.write(
                new BufferedImage(4, 2000, BufferedImage.TYPE_INT_RGB),
                "png",
                images.resolve("tall.png").toFile());
        // things that are not images are not read
        Files.writeString(set.resolve("labels.csv"), "file,plate_norm\nimages/plate.png,29H33578\n");
        Files.writeString(images.resolve("notes.txt"), "not an image");
        bgr.close();
    }

    @Test
    void readsAFolderNamingFilesRelativeToIt() throws Exception {
        Path out = dir.resolve("reads.csv");
        int code = run(set.toString(), "--csv", out.toString());

        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(lines.get(0)).isEqualTo("file,plate,confidence,ms");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("images/plate.png,29H33578,"));
        assertThat(lines.get(lines.size() - 1)).startsWith("# images=12 ");
        // one row per image file, labels and text files untouched
        assertThat(lines.subList(1, lines.size() - 1)).hasSize(12);
        assertThat(lines).noneMatch(l -> l.contains("labels.csv") || l.contains("notes.txt"));
    }

    @Test
    void oddAndBrokenImagesGetARowEachAndNeverStopTheRun() throws Exception {
        Path out = dir.resolve("odd.csv");
        run(set.toString(), "--csv", out.toString(), "--threads", "2");

        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        for (String name : List.of(
                "truncated.jpg", "garbage.jpg", "empty.png", "one.png", "sliver.bmp", "tall.png", "dark16.png")) {
            assertThat(rows).as(name).anySatisfy(l -> assertThat(l).startsWith("images/" + name + ","));
        }
        // grey, 16-bit and alpha versions of the plate still read
        for (String name : List.of("grey.png", "grey16.png", "colour16.tif", "alpha.png")) {
            assertThat(rows).as(name).anySatisfy(l -> assertThat(l).startsWith("images/" + name + ",29H33578,"));
        }
        assertThat(rows.get(rows.size() - 1)).contains("unreadable=2");
    }

    @Test
    void aFileIsNamedAsGivenAndTheCsvGoesToStandardOutput() throws Exception {
        String given = set.resolve("images/plate.png").toString();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(run(given)).isZero();
        } finally {
            System.setOut(old);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).isEqualTo("file,plate,confidence,ms");
        assertThat(lines[1]).startsWith(given + ",29H33578,");
        assertThat(lines[2]).startsWith("# images=1 plates=1 unreadable=0");
    }

    @Test
    void aMissingPathIsReportedAndTheRestStillRead() throws Exception {
        Path out = dir.resolve("missing.csv");
        int code = run(
                dir.resolve("nothing-here.jpg").toString(),
                set.resolve("images/plate.png").toString(),
                "--csv",
                out.toString());

        assertThat(code).isEqualTo(2);
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                .anySatisfy(l -> assertThat(l).contains("29H33578"));
    }

    @Test
    void readsAVideoFrameByFrame() throws Exception {
        Path clip = dir.resolve("clip.mkv");
        TruckVideoWriter.write(
                new TruckVideoSpec(List.of(PlateParser.parse("29C-671.61")), 1280, 720, 4, 1, Set.of(), 5), clip);
        Path out = dir.resolve("video.csv");

        run(clip.toString(), "--csv", out.toString());

        List<String> rows = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(rows).anySatisfy(l -> assertThat(l).startsWith(clip + "#0,"));
        assertThat(rows).anySatisfy(l -> assertThat(l).contains(",29C67161,"));
        assertThat(rows.get(rows.size() - 1)).startsWith("# images=4 ");
    }

    @Test
    void scoringIsASeparateStepThatReadsTheLabels() throws Exception {
        Path out = dir.resolve("scored.csv");
        run(set.toString(), "--csv", out.toString());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            new CommandLine(new AnprScoreCommand())
                    .execute(set.resolve("labels.csv").toString(), out.toString());
        } finally {
            System.setOut(old);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).startsWith("images=1 exact=100.0%");
    }

    private static int run(String... args) {
        return new CommandLine(new AnprCommand()).execute(args);
    }
}
