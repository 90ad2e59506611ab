package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateGrammarSymbol.Choice;

/**
 * A read that ends one character short of another read's plate (the last character of a tight one-row crop touches
 * the crop's edge and some reads drop it) still supports the whole plate in the vote ({@link CropVote#LAST_MISSING}).
 */
class LastCharacterVoteTest {
    @Test
    void twoReadsOfTheWholePlateBeatTwoSureReadsThatDroppedItsLastCharacter() {
        CropRead whole = read("30E4141", new Choice('1', 0.6));
        CropRead cut = read("30E4141", null);

        assertThat(whole.text()).isEqualTo("30E41411");
        assertThat(cut.text()).isEqualTo("30E4141");
        // before: the short reads gave 30E41411 no support, while the whole reads supported 30E4141 by an edge drop
        assertThat(CropVote.of(List.of(whole, cut, whole, cut)).text()).isEqualTo("30E41411");
    }

    @Test
    void oneReadWithACharacterMoreDoesNotOutvoteThreeThatAgree() {
        CropRead whole = read("30E4141", new Choice('1', 0.6));
        CropRead cut = read("30E4141", null);

        assertThat(CropVote.of(List.of(whole, cut, cut, cut)).text()).isEqualTo("30E4141");
    }

    @Test
    void onlyTheLastCharacterMayBeMissing() {
        List<PlateGrammarSymbol> cut = PlateGrammarSymbol.of("30E4141");

        assertThat(CropVote.supportCost(cut, "30E41411")).isEqualTo(CropVote.LAST_MISSING);
        assertThat(CropVote.supportCost(cut, "30E41141")).isInfinite();
        assertThat(CropVote.supportCost(cut, "30E414111")).isInfinite();
        assertThat(CropVote.supportCost(cut, "30E4141")).isZero();
    }

    /** A one-row white crop read as {@code text}, then {@code last} when not null. */
    private static CropRead read(String text, Choice last) {
        List<PlateGrammarSymbol> symbols = new ArrayList<>(PlateGrammarSymbol.of(text));
        if (last != null) {
            symbols.add(new PlateGrammarSymbol(List.of(last)));
        }
        PlateColour white = PlateColour.WHITE;
        return new CropRead(
                CropGrammar.cheapest(PlateGrammar.candidatesOfKinds(List.of(symbols), white.kinds()), white),
                text + (last == null ? "" : last.character()),
                white,
                false,
                symbols);
    }
}
