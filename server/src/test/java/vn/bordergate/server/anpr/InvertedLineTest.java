package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * A frame's lines are read once, as they are given; a crop's get Tesseract's second pass over a doubtful line inverted
 * too ({@code tessedit_do_invert}): every line image is made dark on light before it is read ({@link LineImage}), so in
 * a frame, whose regions are mostly junk, the pass cost about 3 ms for no plate; on a crop it reads a plate whose
 * polarity was misjudged now and then (docs/anpr.md, "Frame time: the inverted pass").
 */
class InvertedLineTest {
    @Test
    void aLineIsReadInvertedTooOnlyWhenAsked() {
        try (Mat dark = line();
                Mat light = new Mat();
                TesseractEngine engine = new TesseractEngine(TesseractModel.bundledEnglish())) {
            bitwise_not(dark, light);

            assertThat(engine.readLine(dark, false).text()).isEqualTo("29H33578");
            assertThat(engine.readLine(light, false).text()).isNotEqualTo("29H33578");
            // the pass is switched back on for the next line that asks for it, and off again
            assertThat(engine.readLine(light, true).text()).isEqualTo("29H33578");
            assertThat(engine.readLine(light).text()).isEqualTo("29H33578");
            assertThat(engine.readLine(light, false).text()).isNotEqualTo("29H33578");
            assertThat(engine.lines()).isEqualTo(5);
        }
    }

    private static Mat line() {
        return TestImages.greyLine();
    }
}
