package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * A glyph read placed only by a fallback fit (the crop turned the other way, the frame cut away) weighs
 * {@link CropVote#FALLBACK_WEIGHT} Tesseract reads in the vote, one placed by the first fit {@link CropVote#GLYPH_WEIGHT}.
 */
class FallbackGlyphWeightTest {
    /** Held-out cn-crops' {@code 皖A155X1}: the fallback fit's read {@code 皖Y61EX5} 0.33 against a read of 0.85. */
    @Test
    void aFallbackGlyphReadNoLongerOutvotesASureRead() {
        CropRead sure = OneRowReads.read("皖A155X1", PlateColour.BLUE, 0.85);
        CropRead other = OneRowReads.read("皖A155K1", PlateColour.BLUE, 0.67);
        CropRead glyphs = OneRowReads.read("皖Y61EX5", PlateColour.BLUE, 0.33);
        List<CropRead> reads = List.of(sure, other, glyphs);

        assertThat(CropVote.of(reads, glyphs, CropVote.GLYPH_WEIGHT).text()).isEqualTo("皖Y61EX5");
        assertThat(CropVote.of(reads, glyphs, CropVote.FALLBACK_WEIGHT).text()).isEqualTo("皖A155X1");
        assertThat(new ChineseGlyphRead.Placed(glyphs, true).weight()).isEqualTo(CropVote.GLYPH_WEIGHT);
        assertThat(new ChineseGlyphRead.Placed(glyphs, false).weight()).isEqualTo(CropVote.FALLBACK_WEIGHT);
    }

    /** The same crop read end to end (a photo never trained on; read {@code 皖Y61EX5} before). */
    @Test
    void theHeldOutCropIsReadRight() {
        Path crops = TestImages.realSet("cn-crops").orElse(null);
        assumeTrue(crops != null, "../shared/plates/cn-crops is absent");
        try (PlateReader reader = new PlateReader();
                Mat bgr = ImageDecoder.read(crops.resolve("images/cn_0045.jpg")).orElseThrow()) {
            assertThat(reader.readBest(bgr).map(PlateCandidate::text).orElse(""))
                    .isEqualTo("皖A155X1");
        }
    }
}
