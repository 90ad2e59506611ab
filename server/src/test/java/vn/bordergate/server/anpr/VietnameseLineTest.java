package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The bundled Vietnamese line network alone ({@link VietnameseLine}) on the vn-one-row sample {@link RealPlatesTest}
 * reads (evaluation data outside the repository; skipped when absent): its best-path read of each crop's row, cut
 * by the reader's code, against the label.
 */
class VietnameseLineTest {
    @Test
    void theNetworkAloneReadsMostOfTheRealSampleExactly() throws Exception {
        Optional<Path> set = TestImages.realSet("vn-one-row");
        assumeTrue(set.isPresent(), "../shared/plates/vn-one-row is not on this machine");
        LineCtc network = VietnameseLine.bundled();
        int sample = 80;
        int read = 0;
        int right = 0;
        for (PlateLabels.Label label : TestImages.sample(set.get(), sample)) {
            Mat image = ImageDecoder.read(set.get().resolve(label.file())).orElseThrow();
            try (Mat grey = CropGrey.straight(image)) {
                VietnameseLineVote line = VietnameseLine.vote(network, grey, PlateRows.of(grey));
                read++;
                right += line.best().equals(label.plate()) ? 1 : 0;
            } finally {
                image.close();
            }
        }
        System.out.println("VietnameseLineTest: " + right + " of " + read + " read exactly");
        // measured 76 of 80 on this sample (2026-11-25, vn-line-ctc.onnx; whole set 2 083 of 2 273 crops, 91.6 %)
        assertThat(read).isEqualTo(sample);
        assertThat((double) right / read).isGreaterThanOrEqualTo(0.9);
    }
}
