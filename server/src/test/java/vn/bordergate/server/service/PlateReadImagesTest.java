package vn.bordergate.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.server.anpr.tracking.PlateEvidence;
import vn.bordergate.server.support.CameraPasses;

/** The pictures of camera reads on a real disk: where they go, that they are whole, and how long they stay. */
class PlateReadImagesTest {
    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    Path data;

    private final Rectangle box = new Rectangle(540, 500, 200, 46);
    private final PlateEvidence evidence = new PlateEvidence(CameraPasses.frame("29H33578", box), box);

    @Test
    void cropAndFrameAreWrittenAsJpegsUnderTheDayOfTheRead() throws Exception {
        try (PlateReadImages images = new PlateReadImages(data, 30, Clock.fixed(NOON, ZoneOffset.UTC), 4)) {
            assertThat(images.reserve(1)).isTrue();
            images.write(42, NOON, evidence);
            assertThat(images.awaitWritten(Duration.ofSeconds(10))).isTrue();

            assertThat(PlateReadImages.relativePath(42, NOON, PlateReadImages.Kind.CROP))
                    .isEqualTo("plate-reads/2026-11-22/42-crop.jpg");
            BufferedImage crop = ImageIO.read(
                    data.resolve("plate-reads/2026-11-22/42-crop.jpg").toFile());
            BufferedImage frame = ImageIO.read(
                    data.resolve("plate-reads/2026-11-22/42-frame.jpg").toFile());
            assertThat(frame.getWidth()).isEqualTo(1280);
            assertThat(frame.getHeight()).isEqualTo(720);
            // the plate and a margin of 15 % of its height on each side
            assertThat(crop.getWidth()).isEqualTo(200 + 2 * 7);
            assertThat(crop.getHeight()).isEqualTo(46 + 2 * 7);
            assertThat(images.find(42, NOON, PlateReadImages.Kind.FRAME)).isPresent();
            assertThat(images.find(43, NOON, PlateReadImages.Kind.FRAME)).isEmpty();
            assertThat(images.written()).isEqualTo(1);
            try (Stream<Path> files = Files.list(data.resolve("plate-reads/2026-11-22"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("no temporary file left behind")
                        .containsExactlyInAnyOrder("42-crop.jpg", "42-frame.jpg");
            }
        }
    }

    @Test
    void aFullQueueDropsPicturesAndCountsThemInsteadOfWaiting() {
        try (PlateReadImages images = new PlateReadImages(data, 30, Clock.systemUTC(), 2)) {
            assertThat(images.reserve(2)).isTrue();
            // a queue that waited for room would wait for ever here (nothing else releases): caught without a clock
            // that a stalled JVM could beat
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> images.reserve(1)))
                    .as("no room left")
                    .isFalse();
            assertThat(images.dropped()).isEqualTo(1);
            images.release(1);
            assertThat(images.reserve(1)).as("room given back").isTrue();
        }
    }

    @Test
    void daysOlderThanTheRetentionAreDeletedAndOtherFilesLeftAlone() throws IOException {
        Path root = data.resolve("plate-reads");
        for (String day : new String[] {"2026-10-23", "2026-10-24", "2026-11-21", "2026-11-22"}) {
            Files.createDirectories(root.resolve(day));
            Files.writeString(root.resolve(day).resolve("1-crop.jpg"), "x");
        }
        Files.createDirectories(root.resolve("not-a-day"));
        Files.writeString(root.resolve("notes.txt"), "kept");
        try (PlateReadImages images = new PlateReadImages(data, 30, Clock.fixed(NOON, ZoneOffset.UTC), 4)) {
            assertThat(images.purge()).isEqualTo(1);
        }
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("30 days kept: 2026-10-24 .. 2026-11-22")
                    .containsExactlyInAnyOrder("2026-10-24", "2026-11-21", "2026-11-22", "not-a-day", "notes.txt");
        }
    }

    @Test
    void aPlateBoxPartlyOutsideTheFrameIsCutToIt() {
        BufferedImage frame = new BufferedImage(100, 50, BufferedImage.TYPE_3BYTE_BGR);
        PlateEvidence edge = new PlateEvidence(frame, new Rectangle(80, 40, 40, 20));
        assertThat(edge.plate()).isEqualTo(new Rectangle(80, 40, 20, 10));
        assertThat(edge.crop().getWidth()).isLessThanOrEqualTo(100);
    }
}
