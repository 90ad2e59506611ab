package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tesseract reads the plate typeface's M as H or N and its 4 as 6, not the other way: those reads speak for the M / 4
 * plate in the crop's vote ({@link OneWayConfusion}).
 */
class OneWayConfusionTest {
    @Test
    void anMReadAsHOrNByMostReadsStillWins() {
        List<CropRead> reads =
                List.of(read("TH3368", 0.68), read("TN3368", 0.73), read("TM3368", 0.85), read("TH3368", 0.70));

        assertThat(CropVote.of(reads).text()).isEqualTo("TM3368");
    }

    @Test
    void aFourReadAsSixByMostReadsStillWins() {
        List<CropRead> reads =
                List.of(read("37A62603", 0.80), read("37A62403", 0.77), read("37A62403", 0.86), read("37A62603", 0.90));

        assertThat(CropVote.of(reads).text()).isEqualTo("37A62403");
    }

    @Test
    void theOtherWayRoundNothingIsCredited() {
        // an H or a 6 is not taken for a faded M or 4: only the M / 4 plate is credited
        assertThat(OneWayConfusion.credit(Map.of("TH3368", 1.0, "TM3368", 0.5))).isEqualTo(Map.of("TM3368", 1.0));
        assertThat(OneWayConfusion.credit(Map.of("30G64943", 2.0, "30G44943", 0.6)))
                .isEqualTo(Map.of("30G44943", 2.0));
        assertThat(OneWayConfusion.credit(Map.of("29H23393", 2.0, "29K23393", 0.6)))
                .isEmpty();
        assertThat(OneWayConfusion.misreadOf("TM3368", "TH3368")).isTrue();
        assertThat(OneWayConfusion.misreadOf("TH3368", "TM3368")).isFalse();
        assertThat(OneWayConfusion.misreadOf("30G44943", "30G64943")).isTrue();
        assertThat(OneWayConfusion.misreadOf("30G64943", "30G44943")).isFalse();
        // two places apart is another plate, not a misread
        assertThat(OneWayConfusion.misreadOf("30G44943", "30G66943")).isFalse();
        assertThat(OneWayConfusion.misreadOf("30G44943", "30G4494")).isFalse();
    }

    @Test
    void aTwoRowCropGetsNoCredit() {
        List<CropRead> reads = List.of(
                TwoRowReads.exact("59N1", "07790", 0.80),
                TwoRowReads.exact("59M1", "07790", 0.70),
                TwoRowReads.exact("59N1", "07790", 0.75));

        // one-row crops only: the plate model misreads rendered two-row plates the other way (PlateModelTest)
        assertThat(CropVote.of(reads).text()).isEqualTo("59N107790");
    }

    /** Real crops main 28a5b0a read as TH3368 and 30G64943; skipped where the photos are absent. */
    @ParameterizedTest
    @CsvSource({
        "vn-one-row, images/P3_1__21T8_OCR_CNVN325_crop_0.jpg, TM3368",
        "vn-one-row, images/p3__24_173-CN-0_crop_0.jpg, 30G44943"
    })
    void realCropsKeepTheirMAndTheirFour(String name, String file, String plate) {
        Optional<Path> set = TestImages.realSet(name);
        assumeTrue(set.isPresent(), "../shared/plates/" + name + " is not on this machine");
        try (PlateReader reader = new PlateReader()) {
            Mat image = ImageDecoder.read(set.get().resolve(file)).orElseThrow();
            assertThat(reader.readBest(image).map(PlateCandidate::text)).contains(plate);
            image.close();
        }
    }

    private static CropRead read(String text, double confidence) {
        return OneRowReads.read(text, PlateColour.WHITE, confidence);
    }
}
