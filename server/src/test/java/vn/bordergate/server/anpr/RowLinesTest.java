package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line network's say in a two-row crop's row vote ({@link RowLines}), on constructed log-probabilities of each
 * row read by the bundled network's own CTC arithmetic ({@link LineCtc#logLikelihood}).
 */
class RowLinesTest {
    private static final LineCtc NETWORK = VietnameseLine.bundled();

    @Test
    void aBottomRowTheNetworkSpellsOutvotesTheReadsMajority() {
        List<CropRead> reads = List.of(
                TwoRowReads.exact("59U1", "9149", 0.7),
                TwoRowReads.exact("59U1", "9149", 0.6),
                TwoRowReads.exact("59U1", "9749", 0.5));

        assertThat(CropVote.of(reads, List.of(), List.of(), false, VietnameseLineVote.NONE)
                        .match()
                        .rows())
                .containsExactly("59U1", "9149");
        assertThat(CropVote.of(reads, List.of(), List.of(), false, rows("59U1", "9749"))
                        .match()
                        .rows())
                .containsExactly("59U1", "9749");
    }

    @Test
    void theNetworksOwnRowIsACandidateNoReadHad() {
        List<CropRead> reads = List.of(TwoRowReads.exact("59U7", "9149", 0.6), TwoRowReads.exact("59U7", "9149", 0.6));

        CropRead voted = CropVote.of(reads, List.of(), List.of(), false, rows("59U1", "9149"));

        assertThat(voted.match().rows()).containsExactly("59U1", "9149");
        assertThat(voted.text()).isEqualTo("59U19149");
    }

    @Test
    void aOneRowLineHasNoSayInTheRowVote() {
        List<CropRead> reads = List.of(TwoRowReads.exact("59U1", "9149", 0.7), TwoRowReads.exact("59U1", "9749", 0.5));

        assertThat(CropVote.of(
                                reads,
                                List.of(),
                                List.of(),
                                false,
                                new VietnameseLineVote(NETWORK, VietnameseLineVoteTest.spelling("59U19749")))
                        .match()
                        .rows())
                .containsExactly("59U1", "9149");
    }

    @Test
    void itObjectsToAgreedRowsOnlyWhenItsOwnValidRowsAreFarLikelier() {
        CropRead agreed = TwoRowReads.exact("59U1", "9149", 0.9);

        assertThat(rows("59U1", "9749").objects(agreed)).isTrue();
        assertThat(rows("59U1", "9149").objects(agreed)).isFalse();
        // its own rows no plate together: no objection
        assertThat(rows("5", "9749").objects(agreed)).isFalse();
    }

    @Test
    void rowsAreScoredWithoutTheirPunctuationAndTheOwnReadWearsIt() {
        assertThat(RowLines.bare("29-C1")).isEqualTo("29C1");
        assertThat(RowLines.bare("123.45")).isEqualTo("12345");
        assertThat(RowLines.dressedLike("12845", "123.45")).isEqualTo("128.45");
        assertThat(RowLines.dressedLike("29C7", "29-C1")).isEqualTo("29-C7");
    }

    private static VietnameseLineVote rows(String top, String bottom) {
        return VietnameseLineVote.ofRows(
                NETWORK, VietnameseLineVoteTest.spelling(top), VietnameseLineVoteTest.spelling(bottom));
    }
}
