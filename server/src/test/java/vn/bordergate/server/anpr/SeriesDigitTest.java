package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateGrammarSymbol.Choice;

/**
 * The flagged {@code 1} of a motorbike plate's series ({@code 59-U1}) read as {@code T} or a weak {@code 7}: the
 * reads below are shaped like Tesseract's on such plates (per-character alternatives included), and the plate is
 * what {@link CropReader} makes of the two rows.
 */
class SeriesDigitTest {
    @Test
    void aSeriesOneReadAsTIsNotATwoLetterSeries() {
        List<PlateGrammarSymbol> top = row("5:.98 3:.36", "9:.99", "U:.19", "T:.58");

        assertThat(plate(top, "91897")).isEqualTo("59UT91897");
        assertThat(plate(SeriesDigit.preferOne(top), "91897")).isEqualTo("59U191897");
    }

    @Test
    void aSeriesOneReadAsSevenWithOneAsItsAlternativeIsAOne() {
        List<PlateGrammarSymbol> top = row("5:.10", "9:.98", "K:.24", "7:.95 1:.43");

        assertThat(plate(top, "65072")).isEqualTo("59K765072");
        assertThat(plate(SeriesDigit.preferOne(top), "65072")).isEqualTo("59K165072");
    }

    @Test
    void aSevenTheReaderIsSureOfStaysASeven() {
        List<PlateGrammarSymbol> top = row("5:.90", "1:.95", "L:.80", "7:.95 1:.10");

        assertThat(SeriesDigit.preferOne(top)).isSameAs(top);
        assertThat(plate(SeriesDigit.preferOne(top), "73998")).isEqualTo("51L773998");
    }

    @Test
    void aRealSecondSeriesLetterAndReadsWithoutASeriesLetterAreLeftAlone() {
        List<PlateGrammarSymbol> twoLetters = row("6:.9", "0:.9", "F:.9", "P:.9");
        List<PlateGrammarSymbol> noLetter = row("5:.9", "9:.9", "0:.04", "7:.66 1:.5");
        List<PlateGrammarSymbol> short3 = row("5:.9", "9:.9", "T:.9");

        assertThat(SeriesDigit.preferOne(twoLetters)).isSameAs(twoLetters);
        assertThat(plate(twoLetters, "1469")).isEqualTo("60FP1469");
        assertThat(SeriesDigit.preferOne(noLetter)).isSameAs(noLetter);
        assertThat(SeriesDigit.preferOne(short3)).isSameAs(short3);
    }

    /** What CropReader keeps of a white two-row crop read as {@code top} over {@code bottom}. */
    private static String plate(List<PlateGrammarSymbol> top, String bottom) {
        List<PlateGrammarSymbol> lower = PlateGrammarSymbol.of(bottom);
        return CropReader.cheapest(
                        PlateGrammar.candidatesOfKinds(List.of(top, lower), PlateColour.WHITE.kinds()),
                        PlateColour.WHITE)
                .text();
    }

    /** Symbols from {@code "c:p c:p"} strings, one per position, alternatives after the best. */
    private static List<PlateGrammarSymbol> row(String... positions) {
        List<PlateGrammarSymbol> out = new ArrayList<>();
        for (String position : positions) {
            List<Choice> choices = new ArrayList<>();
            for (String choice : position.split(" ")) {
                choices.add(new Choice(choice.charAt(0), Double.parseDouble(choice.substring(2))));
            }
            out.add(new PlateGrammarSymbol(choices));
        }
        return out;
    }
}
