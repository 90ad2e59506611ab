package vn.bordergate.server.anpr.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.plate.PlateParser;

/** Videos decode back to the frames that were rendered, and trucks come and go as announced. */
class TruckVideoWriterTest {
    @TempDir
    Path dir;

    @Test
    void testClipDecodesWithTheExpectedFramesAndSize() throws Exception {
        long started = System.nanoTime();
        TruckVideo video = TruckVideoWriter.writeTestClip(dir.resolve("lane.mkv"));
        long writeMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(video.frameCount()).isEqualTo(60);
        assertThat(video.durationSeconds()).isEqualTo(6.0);
        assertThat(video.passes()).hasSize(3);
        assertThat(video.passes().get(1).firstFrame()).isEqualTo(20);
        assertThat(writeMillis).as("test clip written quickly").isLessThan(30_000);

        Decoded decoded = decode(video.file(), 35);
        assertThat(decoded.frames()).isBetween(59, 61);
        assertThat(decoded.width()).isEqualTo(1280);
        assertThat(decoded.height()).isEqualTo(720);
        assertThat(decoded.codec()).isEqualTo("mpeg4");
        // frame 35 is the second truck stopped at the camera: the decoded picture matches the rendered one
        BufferedImage rendered = new TruckParade(video.spec()).frame(35).image();
        assertThat(meanDifference(rendered, decoded.sample())).isLessThan(6.0);
    }

    @Test
    void h264AndMjpegAlsoDecode() throws Exception {
        TruckVideoSpec spec = new TruckVideoSpec(
                List.of(PlateParser.parse("29C-671.61")), 640, 360, 10, 1, Set.of(SceneVariant.NOISE), 3);
        TruckVideo mp4 = TruckVideoWriter.write(spec, dir.resolve("lane.mp4"));
        Decoded h264 = decode(mp4.file(), 0);
        assertThat(h264.codec()).isEqualTo("h264");
        assertThat(h264.frames()).isBetween(9, 11);
        assertThat(h264.width()).isEqualTo(640);

        TruckVideo mjpeg = TruckVideoWriter.write(
                new TruckParade(spec), dir.resolve("lane-mjpeg.mkv"), TruckVideoWriter.Codec.MJPEG_MKV);
        Decoded decoded = decode(mjpeg.file(), 0);
        assertThat(decoded.codec()).isEqualTo("mjpeg");
        assertThat(decoded.frames()).isBetween(9, 11);
        assertThat(Files.size(mjpeg.file())).isGreaterThan(0);
    }

    @Test
    void eachTruckApproachesStopsAndLeaves() {
        TruckParade parade = new TruckParade(new TruckVideoSpec(
                List.of(PlateParser.parse("桂A·12345"), PlateParser.parse("29C-671.61")),
                1280,
                720,
                10,
                2,
                Set.of(),
                5));
        assertThat(parade.frameCount()).isEqualTo(40);
        TruckParade.TruckPass first = parade.passes().get(0);
        double far = parade.frame(first.firstFrame()).plates().get(0).widthPx();
        double stopped = parade.frame(first.stoppedFrom()).plates().get(0).widthPx();
        double stillStopped =
                parade.frame(first.leavingFrom() - 1).plates().get(0).widthPx();
        assertThat(far).as("first seen small").isLessThan(30);
        assertThat(stopped).as("readable when stopped").isGreaterThan(100);
        assertThat(stillStopped).isEqualTo(stopped);
        PlateTruth gone = parade.frame(first.endFrame() - 1).plates().get(0);
        assertThat(gone.visibleFraction(1280, 720))
                .as("out of the picture at the end")
                .isLessThan(0.05);
        assertThat(parade.frame(first.endFrame()).plates().get(0).plate()).isEqualTo(PlateParser.parse("29C-671.61"));
        assertThat(TruckSceneRendererTest.pixels(parade.frame(13).image()))
                .as("frames are reproducible")
                .isEqualTo(TruckSceneRendererTest.pixels(parade.frame(13).image()));
    }

    record Decoded(int frames, int width, int height, String codec, BufferedImage sample) {}

    private static Decoded decode(Path file, int sampleIndex) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            int frames = 0;
            BufferedImage sample = null;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (frames == sampleIndex) {
                    BufferedImage image = converter.convert(frame);
                    sample = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                    sample.getGraphics().drawImage(image, 0, 0, null);
                }
                frames++;
            }
            return new Decoded(
                    frames, grabber.getImageWidth(), grabber.getImageHeight(), grabber.getVideoCodecName(), sample);
        }
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 255) - ((q >> 16) & 255))
                        + Math.abs(((p >> 8) & 255) - ((q >> 8) & 255))
                        + Math.abs((p & 255) - (q & 255));
                n += 3;
            }
        }
        return (double) sum / n;
    }
}
