package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * Which quick reads end the search of a frame ({@link PlateReader#settles}): a plate read confidently, of a kind its
 * colour makes likely; not a region read as junk, a doubtful plate, or a Vietnamese plate on a blue crop (docs/anpr.md,
 * "Frame path, part two").
 */
class SettledFrameTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.withClassifiers();

    @Test
    void aCleanPlateReadQuicklySettlesTheFrame() {
        Plate plate = PlateParser.parse("29H-335.78");
        Mat crop = TestImages.mat(
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
        CropRead quick = TESSERACT.reader().read(crop, ReadEffort.QUICK);
        crop.close();

        assertThat(quick.text()).isEqualTo("29H33578");
        assertThat(quick.confidence()).isGreaterThanOrEqualTo(PlateReader.SETTLED);
        assertThat(PlateReader.settles(quick)).isTrue();
    }

    @Test
    void junkOrADoubtfulPlateDoesNot() {
        assertThat(PlateReader.settles(new CropRead(null, "FN/KL", PlateColour.WHITE, true)))
                .isFalse();
        CropRead plate =
                new CropRead(PlateGrammar.repair("51C12345").orElseThrow(), "51C12345", PlateColour.WHITE, false);
        CropRead doubtful = new CropRead(
                new PlateGrammarMatch(
                        plate.match().text(),
                        plate.match().plate(),
                        plate.match().layout(),
                        plate.match().rows(),
                        plate.match().cost(),
                        PlateReader.SETTLED - 0.01),
                "51C12345",
                PlateColour.WHITE,
                false);
        assertThat(doubtful.confidence()).isLessThan(PlateReader.SETTLED);
        assertThat(PlateReader.settles(doubtful)).isFalse();
    }

    @Test
    void aVietnamesePlateOnABlueCropDoesNot() {
        // blue plates are Chinese: a blue crop read as Vietnamese is likely a misread, and the next region may do
        // better
        CropRead onBlue =
                new CropRead(PlateGrammar.repair("51C12345").orElseThrow(), "51C12345", PlateColour.BLUE, false);
        assertThat(onBlue.confidence()).isGreaterThanOrEqualTo(PlateReader.SETTLED);
        assertThat(PlateReader.settles(onBlue)).isFalse();
        CropRead onWhite =
                new CropRead(PlateGrammar.repair("51C12345").orElseThrow(), "51C12345", PlateColour.WHITE, false);
        assertThat(PlateReader.settles(onWhite)).isTrue();
    }
}
