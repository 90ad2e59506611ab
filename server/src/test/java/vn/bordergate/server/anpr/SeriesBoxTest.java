package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A motorbike plate's top row read without its series digit ({@code 59U} for {@code 59-U1}), a valid two-row car
 * plate with a five-digit bottom row, gets the digit back when four glyph boxes stand in that top row.
 */
class SeriesBoxTest {
    @Test
    void aTopRowReadOneShortOfItsFourGlyphBoxesGetsTheDigitTheReadsAndTheFourthBoxAgreeOn() {
        // 59-U1 / 703.92: the clean reads dropped the flagged 1, one read made it a 7 (vn-mixed-silver, 1xemay2373)
        List<CropRead> reads = List.of(
                TwoRowReads.exact("59U", "70392", 0.82),
                TwoRowReads.exact("59U7", "70392", 0.57),
                TwoRowReads.exact("59U", "70392", 0.5));

        CropRead voted = CropVote.of(reads, List.of(), glyphs("59U1"));

        assertThat(voted.text()).isEqualTo("59U170392");
        assertThat(voted.match().rows()).containsExactly("59U1", "70392");
        // where the reads and the classifier agree on another digit, that one
        List<CropRead> two = List.of(TwoRowReads.exact("59P", "20947", 0.9), TwoRowReads.exact("59P2", "20947", 0.5));
        assertThat(CropVote.of(two, List.of(), glyphs("59P2")).text()).isEqualTo("59P220947");
    }

    @Test
    void aTopRowOfThreeGlyphBoxesStaysACarPlate() {
        // 30-A / 237.45, a two-row car plate: three boxes in its top row, so no digit is added
        List<CropRead> reads = List.of(
                TwoRowReads.exact("30A", "23745", 0.8),
                TwoRowReads.exact("30A", "23745", 0.7),
                TwoRowReads.exact("30A1", "23745", 0.4));

        assertThat(CropVote.of(reads, List.of(), glyphs("30A")).text()).isEqualTo("30A23745");
        // and without the classifier's boxes at all, nothing changes either
        assertThat(CropVote.of(reads, List.of(), List.of()).text()).isEqualTo("30A23745");
    }

    @Test
    void twoEarlyReadsAgreeingOnATopRowOneShortMakeTheCropReadFully() {
        CropRead agreed = TwoRowReads.exact("59X", "45128", 0.61);

        assertThat(VietnameseGlyphVote.objects(List.of(), glyphs("59X1"), agreed))
                .isTrue();
        assertThat(VietnameseGlyphVote.objects(List.of(), glyphs("59X"), agreed))
                .isFalse();
        assertThat(VietnameseGlyphVote.objects(List.of(), glyphs("59X1"), TwoRowReads.exact("59X1", "45128", 0.61)))
                .isFalse();
    }

    /** Real crops whose series digit was lost before (main a80939c read 59U70392 and 59X45128); skipped without them. */
    @ParameterizedTest
    @CsvSource({"images/1xemay2373.jpg, 59U170392", "images/2xemay2149.jpg, 59X145128"})
    void realCropsKeepTheirSeriesDigit(String file, String plate) {
        Optional<Path> set = TestImages.realSet("vn-mixed-silver");
        assumeTrue(set.isPresent(), "../shared/plates/vn-mixed-silver is not on this machine");
        try (PlateReader reader = new PlateReader()) {
            Mat image = ImageDecoder.read(set.get().resolve(file)).orElseThrow();
            assertThat(reader.readBest(image).map(PlateCandidate::text)).contains(plate);
            image.close();
        }
    }

    /** The classifier's probabilities per glyph box: each character sure (0.9), the rest spread over one other. */
    private static List<double[]> glyphs(String characters) {
        String classes = VietnameseGlyphClassifier.CLASSES;
        List<double[]> out = new ArrayList<>();
        for (char c : characters.toCharArray()) {
            double[] p = new double[classes.length()];
            p[classes.indexOf(c)] = 0.9;
            p[classes.indexOf(c == '0' ? '8' : '0')] = 0.1;
            out.add(p);
        }
        return out;
    }
}
