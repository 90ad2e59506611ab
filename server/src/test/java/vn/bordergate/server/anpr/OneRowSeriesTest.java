package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * A long (one-row) Vietnamese plate carries one series letter or one of the few letter pairs given to cars and trucks
 * (LD, KT, …); the other pairs are moped series, on square plates only. A digit read as a letter beside the series
 * ({@code 30E41411} read {@code 30EG1411}) is then read as the digit its alternative or look-alike says.
 */
class OneRowSeriesTest {
    @Test
    void aDigitReadAsASecondSeriesLetterOnALongPlateIsTheDigit() {
        List<PlateGrammarSymbol> read = symbols("30EG1411", 3, '4', 0.35);

        assertThat(plate(read, true)).isEqualTo("30E41411");
        assertThat(plate(PlateGrammarSymbol.of("29HU8921"), true))
                .as("U, the grammar's look-alike of 0")
                .isEqualTo("29H08921");
    }

    @Test
    void aSquarePlateReadAsOneRowKeepsItsMopedSeries() {
        // a crop not wide enough for a long plate may be a square plate whose rows were read as one line
        assertThat(plate(symbols("30EG1411", 3, '4', 0.35), false)).isEqualTo("30EG1411");
    }

    @Test
    void theLetterPairsOfLongPlatesStay() {
        assertThat(plate(PlateGrammarSymbol.of("50LD04411"), true)).isEqualTo("50LD04411");
        assertThat(plate(PlateGrammarSymbol.of("29KT00933"), true)).isEqualTo("29KT00933");
        assertThat(plate(PlateGrammarSymbol.of("30G91959"), true)).isEqualTo("30G91959");
    }

    /** Sure symbols of {@code text}, the one at {@code place} with {@code other} as an alternative at {@code p}. */
    private static List<PlateGrammarSymbol> symbols(String text, int place, char other, double p) {
        List<PlateGrammarSymbol> out = new ArrayList<>(PlateGrammarSymbol.of(text));
        out.set(
                place,
                new PlateGrammarSymbol(List.of(
                        new PlateGrammarSymbol.Choice(text.charAt(place), 1 - p),
                        new PlateGrammarSymbol.Choice(other, p))));
        return out;
    }

    /** The crop grammar's plate of a white crop read as one row; no province classifier (the reads are Vietnamese). */
    private static String plate(List<PlateGrammarSymbol> read, boolean wide) {
        PlateGrammarMatch m = CropGrammar.best(
                List.of(new LineRead("", read)),
                false,
                wide,
                PlateColour.WHITE,
                false,
                new CropProvince(null, null, null, null));
        return m == null ? null : m.text();
    }
}
