package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * The English model's one-way confusions ({@link OneWayConfusion}) in the places the one-row vote did not reach: a
 * two-row crop's row vote, a 1 read as 7 inside the plate, and a military plate whose first two reads agree on
 * {@code TH}; and the glyph classifier
 * kept from overruling reads that all agree ({@link VietnameseGlyphVote#variants}).
 */
class OneWayRowsTest {
    private static final List<CropRead> TOP_ROW_SPLIT = List.of(
            TwoRowReads.exact("59N1", "07790", 0.80),
            TwoRowReads.exact("59M1", "07790", 0.70),
            TwoRowReads.exact("59N1", "07790", 0.75));

    @Test
    void theEnglishModelsRowVoteCreditsTheMRow() {
        assertThat(CropVote.of(TOP_ROW_SPLIT, List.of(), List.of(), true).text())
                .isEqualTo("59M107790");
    }

    @Test
    void theEnglishModelsRowVoteCreditsTheFourRow() {
        List<CropRead> reads = List.of(
                TwoRowReads.exact("56V3", "9264", 0.80),
                TwoRowReads.exact("54V3", "9264", 0.70),
                TwoRowReads.exact("56V3", "9264", 0.75));

        assertThat(CropVote.of(reads, List.of(), List.of(), true).text()).isEqualTo("54V39264");
    }

    @Test
    void otherModelsRowVoteIsLeftAlone() {
        // the plate model confuses rendered two-row plates the other way (PlateModelTest)
        assertThat(CropVote.of(TOP_ROW_SPLIT, List.of(), List.of(), false).text())
                .isEqualTo("59N107790");
        try (TesseractEngines english = new TesseractEngines(TesseractModel.bundledEnglish());
                TesseractEngines plate = new TesseractEngines(TesseractModel.bundledPlate())) {
            assertThat(english.english()).isTrue();
            assertThat(plate.english()).isFalse();
        }
    }

    @Test
    void aOneReadAsSevenIsCreditedInsideThePlateOnly() {
        List<CropRead> reads = List.of(
                OneRowReads.read("29C80715", PlateColour.WHITE, 0.61),
                OneRowReads.read("29C80115", PlateColour.WHITE, 0.85),
                OneRowReads.read("29C80715", PlateColour.WHITE, 0.80));

        assertThat(CropVote.of(reads).text()).isEqualTo("29C80115");
        // at the last place a 7 the crop's edge cut reads as 1: no credit there
        assertThat(OneWayConfusion.credit(Map.of("30A77877", 1.0, "30A77871", 0.5)))
                .isEmpty();
        // a two-row plate's top row does not end the plate: its series digit 1 read as 7 is credited
        assertThat(OneWayConfusion.credit(Map.of("59P7", 1.0, "59P1", 0.5), false))
                .isEqualTo(Map.of("59P1", 1.0));
        assertThat(OneWayConfusion.credit(Map.of("59P7", 1.0, "59P1", 0.5), true))
                .isEmpty();
    }

    @Test
    void aFiveReadAsEightAndAnAReadAsKAreCreditedInsideThePlate() {
        List<CropRead> reads = List.of(
                OneRowReads.read("81F02687", PlateColour.WHITE, 0.62),
                OneRowReads.read("51F02687", PlateColour.WHITE, 0.85),
                OneRowReads.read("81F02687", PlateColour.WHITE, 0.70));

        assertThat(CropVote.of(reads).text()).isEqualTo("51F02687");
        assertThat(OneWayConfusion.credit(Map.of("77K03075", 1.0, "77A03075", 0.5)))
                .isEqualTo(Map.of("77A03075", 1.0));
        // the other way round, and a last place (not measured there), get nothing
        assertThat(OneWayConfusion.credit(Map.of("51F02687", 1.0, "81F02687", 0.5)))
                .isEqualTo(Map.of("51F02687", 0.5));
        assertThat(OneWayConfusion.credit(Map.of("30A12348", 1.0, "30A12345", 0.5)))
                .isEmpty();
    }

    @Test
    void aMilitaryHOrNTheReadsAgreeOnIsReadOn() {
        assertThat(OneWayConfusion.mayBeM(OneRowReads.read("TH3188", PlateColour.WHITE)))
                .isTrue();
        assertThat(OneWayConfusion.mayBeM(OneRowReads.read("TN3188", PlateColour.WHITE)))
                .isTrue();
        // an M already, a civil series H (Hanoi's 29H: most crops), a two-row plate: the agreement stands
        assertThat(OneWayConfusion.mayBeM(OneRowReads.read("TM3188", PlateColour.WHITE)))
                .isFalse();
        assertThat(OneWayConfusion.mayBeM(OneRowReads.read("29H42891", PlateColour.WHITE)))
                .isFalse();
        assertThat(OneWayConfusion.mayBeM(TwoRowReads.exact("59N1", "07790", 0.8)))
                .isFalse();
    }

    @Test
    void theClassifierDoesNotOverruleReadsThatAllAgree() {
        // four reads of 30G41542, each with a 6 close behind its 4, and a classifier sure of a 6 there
        List<CropRead> reads = List.of(unsureFour(0.63), unsureFour(0.80), unsureFour(0.66), unsureFour(0.57));
        List<double[]> glyphs = new ArrayList<>();
        for (char c : "30G61542".toCharArray()) {
            glyphs.add(sure(c));
        }

        assertThat(VietnameseGlyphVote.variants(reads, glyphs)).isEmpty();
        assertThat(CropVote.of(reads, glyphs).text()).isEqualTo("30G41542");
        // a read that disagrees lets the classifier offer its plate again
        List<CropRead> split = new ArrayList<>(reads);
        split.set(3, OneRowReads.read("30G41548", PlateColour.WHITE, 0.5));
        assertThat(VietnameseGlyphVote.variants(split, glyphs)).containsKey("30G61542");
        // one read alone is no agreement: the classifier may offer its plate beside it
        assertThat(VietnameseGlyphVote.variants(List.of(unsureFour(0.63)), glyphs))
                .containsKey("30G61542");
    }

    /** Real crops main 63af6c6 read as 59N107790 and TH5788; skipped where the photos are absent. */
    @ParameterizedTest
    @CsvSource({
        "vn-mixed-silver, images/8xemay899.jpg, 59M107790",
        "vn-one-row, images/P3_1__21T8_OCR_CNVN194_crop_0.jpg, TM5788"
    })
    void realCropsKeepTheirM(String name, String file, String plate) {
        Optional<Path> set = TestImages.realSet(name);
        assumeTrue(set.isPresent(), "../shared/plates/" + name + " is not on this machine");
        try (PlateReader reader = new PlateReader();
                Mat image = ImageDecoder.read(set.get().resolve(file)).orElseThrow()) {
            assertThat(reader.readBest(image).map(PlateCandidate::text)).contains(plate);
        }
    }

    /** A read of 30G41542 whose 4 had a 6 behind it at {@code 0.45}. */
    private static CropRead unsureFour(double confidence) {
        List<PlateGrammarSymbol> symbols = new ArrayList<>(PlateGrammarSymbol.of("30G41542"));
        symbols.set(
                3,
                new PlateGrammarSymbol(
                        List.of(new PlateGrammarSymbol.Choice('4', 0.55), new PlateGrammarSymbol.Choice('6', 0.45))));
        PlateGrammarMatch m = CropGrammar.cheapest(
                PlateGrammar.candidatesOfKinds(List.of(symbols), CropGrammar.oneRowKinds(PlateColour.WHITE.kinds())),
                PlateColour.WHITE);
        PlateGrammarMatch match =
                new PlateGrammarMatch(m.text(), m.plate(), m.layout(), m.rows(), m.cost(), confidence);
        return new CropRead(match, "30G41542", PlateColour.WHITE, false, symbols);
    }

    /** The classifier's probabilities for a glyph it is sure is {@code c}. */
    private static double[] sure(char c) {
        double[] out = new double[VietnameseGlyphClassifier.CLASSES.length()];
        out[VietnameseGlyphClassifier.CLASSES.indexOf(c)] = 0.97;
        out[VietnameseGlyphClassifier.CLASSES.indexOf(c == '6' ? '4' : '8')] += 0.03;
        return out;
    }
}
