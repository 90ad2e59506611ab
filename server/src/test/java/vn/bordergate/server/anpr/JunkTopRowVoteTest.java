package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * A two-row Vietnamese crop one of whose reads took a junk top row for a Chinese province glyph still gets the
 * Vietnamese row vote (the English model's one-way credit, the classifier's say) when the crop's vote is Vietnamese.
 */
class JunkTopRowVoteTest {
    @Test
    void aChineseJunkReadDoesNotTurnTheOneWayCreditOff() {
        // shaped like the reads of vn-mixed-silver's ndata54 (30A23745): A read as K twice, a top row read as "?A"
        List<CropRead> reads = List.of(
                TwoRowReads.exact("30K", "23745", 0.791),
                TwoRowReads.exact("30K", "23745", 0.710),
                chinese("A", "23745", 0.404),
                TwoRowReads.exact("30A", "23745", 0.795));

        assertThat(CropVote.of(reads, List.of(), List.of(), true).text()).isEqualTo("30A23745");
        // the plate model's reads keep the plain vote, as before
        assertThat(CropVote.of(reads, List.of(), List.of(), false).text()).isEqualTo("30K23745");
    }

    @Test
    void aChineseVoteKeepsThePlainRowVote() {
        List<CropRead> reads =
                List.of(chinese("A", "23745", 0.9), chinese("A", "23745", 0.8), TwoRowReads.exact("30K", "23745", 0.5));

        assertThat(CropVote.of(reads, List.of(), List.of(), true).match().country())
                .isEqualTo(PlateCountry.CN);
    }

    /** A read of a white two-row crop whose top row is one letter: the grammar's cheapest plate is Chinese. */
    private static CropRead chinese(String top, String bottom, double confidence) {
        Optional<PlateGrammarMatch> cheapest = PlateGrammar.candidatesOfKinds(
                        List.of(PlateGrammarSymbol.of(top), PlateGrammarSymbol.of(bottom)), PlateColour.WHITE.kinds())
                .stream()
                .filter(m -> m.layout().country() == PlateCountry.CN)
                .min(Comparator.comparingDouble(PlateGrammarMatch::cost));
        PlateGrammarMatch m = cheapest.orElseThrow();
        return new CropRead(
                new PlateGrammarMatch(m.text(), m.plate(), m.layout(), m.rows(), m.cost(), confidence),
                top + "/" + bottom,
                PlateColour.WHITE,
                true);
    }
}
