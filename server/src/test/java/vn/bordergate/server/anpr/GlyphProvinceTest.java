package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * A Chinese crop's vote that differs from its glyph read only at the province takes the glyph read's province
 * ({@link ChineseGlyphRead#withItsProvince}): four Tesseract reads carrying the province of one box outvote the glyph
 * read, whose province is the surer of two boxes.
 */
class GlyphProvinceTest {
    @Test
    void theVoteTakesTheGlyphReadsProvinceWhenOnlyTheProvinceDiffers() {
        CropRead glyphs = read("皖A5S939");
        List<CropRead> reads = new ArrayList<>(List.of(read("鄂A5S939"), read("鄂A5S939"), read("鄂A5S939")));
        reads.add(read("鄂A5S939"));
        reads.add(glyphs);
        CropRead voted = CropVote.of(reads, glyphs);

        assertThat(voted.text()).isEqualTo("鄂A5S939");
        assertThat(ChineseGlyphRead.withItsProvince(voted, glyphs).text()).isEqualTo("皖A5S939");
    }

    @Test
    void aVoteThatDiffersInTheSerialOrAnUnknownProvinceIsKept() {
        CropRead voted = read("鄂A5S930");
        assertThat(ChineseGlyphRead.withItsProvince(voted, read("皖A5S939"))).isSameAs(voted);
        CropRead tesseract = read("鄂A5S939");
        assertThat(ChineseGlyphRead.withItsProvince(tesseract, read("?A5S939"))).isSameAs(tesseract);
        assertThat(ChineseGlyphRead.withItsProvince(tesseract, new CropRead(null, "", PlateColour.BLUE, false)))
                .isSameAs(tesseract);
    }

    /** Held-out cn-crops (never trained on) whose glyph read had the plate right and the vote the province wrong. */
    @Test
    void heldOutCropsOutvotedOnlyAtTheProvinceAreReadRight() {
        Path folder = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(folder != null, "../shared/plates/cn-crops is absent");
        // measured 2026-11-24 (main a80939c): read 鲁K33K92, 鄂A5S939, 苏AFL637, 黑AAS656
        String[][] crops = {
            {"images/cn_0931.jpg", "皖K33K92"},
            {"images/cn_0167.jpg", "皖A5S939"},
            {"images/cn_0425.jpg", "皖AFL637"},
            {"images/cn_0295.jpg", "皖AAS656"}
        };
        int right = 0;
        try (PlateReader reader = new PlateReader()) {
            for (String[] crop : crops) {
                try (Mat bgr = ImageDecoder.read(folder.resolve(crop[0])).orElseThrow()) {
                    String plate =
                            reader.readCrop(bgr).map(PlateCandidate::text).orElse("");
                    right += plate.equals(crop[1]) ? 1 : 0;
                }
            }
        }
        assertThat(right).isGreaterThanOrEqualTo(3);
    }

    private static CropRead read(String text) {
        var match = PlateGrammar.candidatesOfKinds(
                        List.of(PlateGrammarSymbol.of(text)), EnumSet.of(PlateKind.CN_STANDARD))
                .get(0);
        return new CropRead(match, text, PlateColour.BLUE, false);
    }
}
