package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateGrammarSymbol.Choice;

/**
 * The vote of a one-row Vietnamese crop weighs every read's per-character alternatives: reads that put a close
 * runner-up behind their character support the plate with the runner-up too ({@link CropVote}).
 */
class SupportVoteTest {
    @Test
    void threeUnsureReadsLoseToTheRunnerUpTheyAllSawAndOneSureRead() {
        CropRead unsure = read("30F08", List.of(new Choice('4', 0.5), new Choice('5', 0.45)), "29");
        CropRead sure = read("30F08", List.of(new Choice('5', 0.99)), "29");

        assertThat(unsure.text()).isEqualTo("30F08429");
        // by confidence alone the three unsure reads win (about 3 × 0.9 against 0.99)
        assertThat(CropVote.of(List.of(unsure, unsure, unsure, sure)).text()).isEqualTo("30F08529");
    }

    @Test
    void aRunnerUpNoReadSawDoesNotWin() {
        CropRead one = read("30F08", List.of(new Choice('4', 0.9)), "29");
        CropRead other = read("30F08", List.of(new Choice('5', 0.99)), "29");

        assertThat(CropVote.of(List.of(one, other, other, other)).text()).isEqualTo("30F08529");
        assertThat(CropVote.of(List.of(one, one, one, other)).text()).isEqualTo("30F08429");
    }

    @Test
    void aReadOfTheExactTextCostsNothingAndAnImpossibleOneIsInfinite() {
        assertThat(PlateGrammar.costOf(PlateGrammarSymbol.of("30F08529"), "30F08529"))
                .isZero();
        assertThat(PlateGrammar.costOf(PlateGrammarSymbol.of("30F08"), "30F08529"))
                .isInfinite();
    }

    /** A one-row white crop read as {@code before}, one symbol with {@code choices}, then {@code after}. */
    private static CropRead read(String before, List<Choice> choices, String after) {
        List<PlateGrammarSymbol> symbols = new ArrayList<>(PlateGrammarSymbol.of(before));
        symbols.add(new PlateGrammarSymbol(choices));
        symbols.addAll(PlateGrammarSymbol.of(after));
        PlateColour white = PlateColour.WHITE;
        return new CropRead(
                CropGrammar.cheapest(PlateGrammar.candidatesOfKinds(List.of(symbols), white.kinds()), white),
                before + choices.get(0).character() + after,
                white,
                false,
                symbols);
    }
}
