package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/** A two-row crop's four reads vote row by row: rows the reads agree on win even when no single read had both. */
class RowVoteTest {
    @Test
    void theRowsMostReadsAgreeOnWinOverTheMostConfidentWholeRead() {
        List<CropRead> reads = List.of(
                read("59U1", "19149", 0.7), // the frame edge read as a leading 1
                read("59U7", "9149", 0.6),
                read("59U2", "9149", 0.6),
                read("59U1", "91480", 0.5));

        CropRead voted = CropVote.of(reads);

        assertThat(voted.text()).isEqualTo("59U19149");
        assertThat(voted.match().rows()).containsExactly("59U1", "9149");
        assertThat(voted.twoRows()).isTrue();
        assertThat(voted.confidence()).isBetween(0.5, 0.7);
    }

    @Test
    void aReadWithBothWinningRowsIsKeptAsItIs() {
        CropRead both = read("59U1", "9149", 0.55);
        List<CropRead> reads =
                List.of(read("59U1", "19149", 0.7), read("59U7", "9149", 0.6), both, read("59U1", "91480", 0.3));

        assertThat(CropVote.of(reads)).isSameAs(both);
    }

    @Test
    void rowsWithoutAMajorityLeaveTheWholeTextVote() {
        CropRead first = read("59U1", "19149", 0.7);
        List<CropRead> reads = List.of(first, read("59U7", "9149", 0.7));

        assertThat(CropVote.of(reads)).isSameAs(first);
    }

    /** A read of a white two-row crop whose grammar match is exactly these rows, with this confidence. */
    private static CropRead read(String top, String bottom, double confidence) {
        PlateGrammarMatch exact = PlateGrammar.candidatesOfKinds(
                        List.of(PlateGrammarSymbol.of(top), PlateGrammarSymbol.of(bottom)), PlateColour.WHITE.kinds())
                .stream()
                .filter(m -> m.cost() == 0 && m.rows().equals(List.of(top, bottom)))
                .findFirst()
                .orElseThrow();
        PlateGrammarMatch match = new PlateGrammarMatch(
                exact.text(), exact.plate(), exact.layout(), exact.rows(), exact.cost(), confidence);
        return new CropRead(match, top + "/" + bottom, PlateColour.WHITE, true);
    }
}
