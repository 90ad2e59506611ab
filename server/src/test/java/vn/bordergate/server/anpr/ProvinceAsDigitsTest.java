package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * A Chinese plate whose province glyph Tesseract read as two digits comes out as a seven-character Vietnamese plate;
 * the glyph read is then asked and taken when it ends as that plate does ({@link ProvinceAsDigits}). A white
 * Vietnamese plate (dark text) is not asked.
 */
class ProvinceAsDigitsTest {
    @Test
    void theGlyphReadIsTakenWhenItEndsAsTheVietnamesePlateDoes() {
        CropRead vietnamese = read("80G4136", PlateKind.VN_VEHICLE);
        CropRead chinese = read("皖QG4136", PlateKind.CN_STANDARD);
        assertThat(ProvinceAsDigits.chosen(vietnamese, chinese)).isSameAs(chinese);
        // the Vietnamese third place is a series letter, a Chinese serial's first place often a digit
        CropRead digitFirst = read("湘A97971", PlateKind.CN_STANDARD);
        // (the photo read 44B7971; 44 is no province's code any more to the grammar, PlateParser#registeredProvince)
        assertThat(ProvinceAsDigits.chosen(read("49B7971", PlateKind.VN_VEHICLE), digitFirst))
                .isSameAs(digitFirst);
    }

    @Test
    void theVietnamesePlateIsKeptWhenTheGlyphReadEndsOtherwiseOrHasNoProvince() {
        CropRead vietnamese = read("80G4136", PlateKind.VN_VEHICLE);
        assertThat(ProvinceAsDigits.chosen(vietnamese, read("皖QG4137", PlateKind.CN_STANDARD)))
                .isSameAs(vietnamese);
        assertThat(ProvinceAsDigits.chosen(vietnamese, read("?QG4136", PlateKind.CN_STANDARD)))
                .isSameAs(vietnamese);
        assertThat(ProvinceAsDigits.chosen(vietnamese, null)).isSameAs(vietnamese);
    }

    @Test
    void theGlyphReadMustBeSureEnough() {
        // the 3 white vn-one-row plates whose glyph read ended as their vote did came out at 0.47-0.54
        CropRead vietnamese = OneRowReads.read("80G4136", PlateColour.BLUE);
        CropRead unsure = OneRowReads.read("皖QG4136", PlateColour.BLUE, 0.54);
        CropRead sure = OneRowReads.read("皖QG4136", PlateColour.BLUE, ProvinceAsDigits.MIN_CONFIDENCE);
        assertThat(unsure.match().kind()).isEqualTo(PlateKind.CN_STANDARD);

        assertThat(ProvinceAsDigits.chosen(vietnamese, unsure)).isSameAs(vietnamese);
        assertThat(ProvinceAsDigits.chosen(vietnamese, sure)).isSameAs(sure);
    }

    /**
     * cn-scenes' {@code 粤VS1866}: the networks retrained on upright glyphs read the {@code 1} beside the frame as
     * {@code H} 0.08 beside {@code W} 0.08. A place they have no idea of is given the vote's character; a sure glyph
     * there, or two unsure places, keep the Vietnamese plate.
     */
    @Test
    void aPlaceTheNetworksHaveNoIdeaOfIsGivenTheVotesCharacter() {
        // the photo read 87S1866, which the grammar no longer gives (87 is no province's code): a registered look-alike
        CropRead vietnamese = read("81S1866", PlateKind.VN_VEHICLE);
        CropRead unsure = glyphs("粤VSH866", 0.08, 3);
        assertThat(unsure.confidence()).isGreaterThanOrEqualTo(ProvinceAsDigits.MIN_CONFIDENCE);

        CropRead chosen = ProvinceAsDigits.chosen(vietnamese, unsure);

        assertThat(chosen.text()).isEqualTo("粤VS1866");
        assertThat(chosen.match().kind()).isEqualTo(PlateKind.CN_STANDARD);
        assertThat(ProvinceAsDigits.chosen(vietnamese, glyphs("粤VSH866", 0.5, 3)))
                .isSameAs(vietnamese);
        assertThat(ProvinceAsDigits.chosen(read("81S1860", PlateKind.VN_VEHICLE), glyphs("粤VSH866", 0.08, 3, 6)))
                .as("two unsure places")
                .extracting(CropRead::text)
                .isEqualTo("81S1860");
    }

    /** A blue glyph read of {@code text}, each glyph 0.9 sure but those at {@code unsure}, which are {@code p} sure. */
    private static CropRead glyphs(String text, double p, int... unsure) {
        List<PlateGrammarSymbol> line = new ArrayList<>();
        for (int k = 0; k < text.length(); k++) {
            int place = k;
            boolean doubtful = java.util.Arrays.stream(unsure).anyMatch(u -> u == place);
            line.add(PlateGrammarSymbol.of(text.charAt(k), doubtful ? p : 0.9));
        }
        var match = CropGrammar.cheapest(
                PlateGrammar.candidatesOfKinds(List.of(line), EnumSet.of(PlateKind.CN_STANDARD)), PlateColour.BLUE);
        return new CropRead(match, text, PlateColour.BLUE, false, line);
    }

    @Test
    void onlyOneRowCropsWithLightTextOrColourAreSuspected() {
        SerialClassifier serials = SerialClassifier.bundled();
        CropRead vietnamese = OneRowReads.read("80G4136", PlateColour.BLUE);
        PlateRows oneRow = new PlateRows(new Rect(0, 0, 160, 40), null, 7);
        PlateRows twoRows = new PlateRows(new Rect(0, 0, 160, 20), new Rect(0, 20, 160, 20), 9);
        try (Mat lightText = crop(false);
                Mat darkText = crop(true)) {
            assertThat(ProvinceAsDigits.suspected(serials, oneRow, PlateColour.BLUE, vietnamese, darkText))
                    .isTrue();
            assertThat(ProvinceAsDigits.suspected(serials, oneRow, PlateColour.WHITE, vietnamese, lightText))
                    .isTrue();

            assertThat(ProvinceAsDigits.suspected(serials, oneRow, PlateColour.WHITE, vietnamese, darkText))
                    .isFalse();
            assertThat(ProvinceAsDigits.suspected(serials, oneRow, PlateColour.RED, vietnamese, darkText))
                    .isFalse();
            assertThat(ProvinceAsDigits.suspected(serials, twoRows, PlateColour.BLUE, vietnamese, darkText))
                    .isFalse();
        }
    }

    /** A 160×40 grey crop with seven character bars: black on white when {@code darkText}, else white on black. */
    private static Mat crop(boolean darkText) {
        Scalar plate = darkText ? new Scalar(255, 255, 255, 0) : new Scalar(0, 0, 0, 0);
        Scalar text = darkText ? new Scalar(0, 0, 0, 0) : new Scalar(255, 255, 255, 0);
        Mat bgr = new Mat(40, 160, CV_8UC3, plate);
        for (int i = 0; i < 7; i++) {
            rectangle(bgr, new Rect(10 + i * 20, 8, 6, 24), text, -1, LINE_8, 0);
        }
        return bgr;
    }

    /** Photos never trained on: a held-out cn-crops crop and a cn-scenes photo, both read as Vietnamese before. */
    @Test
    void chinesePlatesReadAsVietnameseAreReadChinese() {
        Path crops = TestImages.realSet("cn-crops").orElse(null);
        Path scenes = TestImages.realSet("cn-scenes").orElse(null);
        assumeTrue(crops != null && scenes != null, "../shared/plates/cn-crops or cn-scenes is absent");
        // measured 2026-11-24 (main 28a5b0a): 80G4136, 87S1866
        try (PlateReader reader = new PlateReader()) {
            assertThat(best(reader, crops.resolve("images/cn_0967.jpg"))).isEqualTo("皖QG4136");
            // read Chinese, not 87S1866; its province (粤) became 川 with the province templates (the one cn-scenes
            // photo they lost, docs/anpr.md "Province: clean templates"), which is not what this test is about.
            // Since 87 is no province's code to the grammar (branch vnone3) no read is Vietnamese, so the glyph read's
            // unsure `H` (the `1` beside the frame) is no longer given the Vietnamese vote's `1`: 川VSH866
            String scene = best(reader, scenes.resolve("images/easypr_205.jpg"));
            assertThat(scene).endsWith("866").hasSize(7).doesNotStartWith("87");
            assertThat(ProvinceClassifier.CLASSES).contains(scene.substring(0, 1));
        }
    }

    /** White Vietnamese plates whose glyph read gave a Chinese plate with the same last four characters. */
    @Test
    void whiteVietnamesePlatesStayVietnamese() {
        Path silver = TestImages.realSet("vn-mixed-silver").orElse(null);
        Path oneRow = TestImages.realSet("vn-one-row").orElse(null);
        assumeTrue(silver != null && oneRow != null, "../shared/plates/vn-mixed-silver or vn-one-row is absent");
        // without the light-text condition: 贵TZ1630, 皖DX8078
        try (PlateReader reader = new PlateReader()) {
            assertThat(best(reader, silver.resolve("images/3CarLongPlate283.jpg")))
                    .isEqualTo("50Z1630");
            assertThat(best(reader, oneRow.resolve("images/p9__2407chunhat_486_crop_0.jpg")))
                    .isEqualTo("30X8078");
        }
    }

    private static String best(PlateReader reader, Path image) {
        try (Mat bgr = ImageDecoder.read(image).orElseThrow()) {
            return reader.readBest(bgr).map(PlateCandidate::text).orElse("");
        }
    }

    private static CropRead read(String text, PlateKind kind) {
        return TestImages.cropRead(text, kind, PlateColour.BLUE);
    }
}
