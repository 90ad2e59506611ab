package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A two-row crop's four reads vote row by row: rows the reads agree on win even when no single read had both. */
class RowVoteTest {
    @Test
    void theRowsMostReadsAgreeOnWinOverTheMostConfidentWholeRead() {
        List<CropRead> reads = List.of(
                TwoRowReads.exact("59U1", "19149", 0.7), // the frame edge read as a leading 1
                TwoRowReads.exact("59U7", "9149", 0.6),
                TwoRowReads.exact("59U2", "9149", 0.6),
                TwoRowReads.exact("59U1", "91480", 0.5));

        CropRead voted = CropVote.of(reads);

        assertThat(voted.text()).isEqualTo("59U19149");
        assertThat(voted.match().rows()).containsExactly("59U1", "9149");
        assertThat(voted.twoRows()).isTrue();
        assertThat(voted.confidence()).isBetween(0.5, 0.7);
    }

    @Test
    void aReadWithBothWinningRowsIsKeptAsItIs() {
        CropRead both = TwoRowReads.exact("59U1", "9149", 0.55);
        List<CropRead> reads = List.of(
                TwoRowReads.exact("59U1", "19149", 0.7),
                TwoRowReads.exact("59U7", "9149", 0.6),
                both,
                TwoRowReads.exact("59U1", "91480", 0.3));

        assertThat(CropVote.of(reads)).isSameAs(both);
    }

    @Test
    void rowsWithoutAMajorityLeaveTheWholeTextVote() {
        CropRead first = TwoRowReads.exact("59U1", "19149", 0.7);
        List<CropRead> reads = List.of(first, TwoRowReads.exact("59U7", "9149", 0.7));

        assertThat(CropVote.of(reads)).isSameAs(first);
    }

    @Test
    void theBottomRowsGlyphsTipATiedDigit() {
        // two reads say 1, two say 7 at the same place, equally sure: the rows' vote alone has no winner
        List<CropRead> reads = List.of(
                TwoRowReads.exact("59U1", "91749", 0.6),
                TwoRowReads.exact("59U1", "97749", 0.6),
                TwoRowReads.exact("59U1", "91749", 0.6),
                TwoRowReads.exact("59U1", "97749", 0.6));
        List<double[]> glyphs = bottom("91749", '1', '7');

        assertThat(CropVote.of(reads, bottom("97749", '7', '1')).match().rows()).containsExactly("59U1", "97749");
        assertThat(CropVote.of(reads, glyphs).match().rows()).containsExactly("59U1", "91749");
    }

    @Test
    void theBottomRowsGlyphsDoNotChooseTheRowsLength() {
        // the reads favour a four-digit bottom row; five glyph boxes (a frame edge boxed as a digit) must not pick
        // 19149
        List<CropRead> reads = List.of(
                TwoRowReads.exact("59U1", "9149", 0.7),
                TwoRowReads.exact("59U1", "19149", 0.6),
                TwoRowReads.exact("59U1", "9149", 0.6));

        CropRead voted = CropVote.of(reads, bottom("19149", '1', '7'));

        assertThat(voted.match().rows()).containsExactly("59U1", "9149");
    }

    @Test
    void theTopRowsGlyphsTipItsDigitsButNotItsLetters() {
        // the reads split evenly on the series digit (1 or 7) and on the series letter (M or H)
        List<CropRead> digit = List.of(
                TwoRowReads.exact("59M1", "9149", 0.6),
                TwoRowReads.exact("59M7", "9149", 0.6),
                TwoRowReads.exact("59M1", "9149", 0.6),
                TwoRowReads.exact("59M7", "9149", 0.6));
        List<double[]> top = bottom("59M1", '1', '7');
        CropRead whole = digit.get(1);

        assertThat(RowVote.of(digit, whole, top, List.of()).match().rows()).containsExactly("59M1", "9149");

        List<CropRead> letter = List.of(
                TwoRowReads.exact("59M1", "9149", 0.7),
                TwoRowReads.exact("59H1", "9149", 0.6),
                TwoRowReads.exact("59H1", "9149", 0.6));
        // the classifier sure of M: its letters are not weighed on a top row, so the reads' H stays
        double[] m = new double[VietnameseGlyphClassifier.CLASSES.length()];
        m[VietnameseGlyphClassifier.CLASSES.indexOf('M')] = 1;
        List<double[]> sureOfM = List.of(top.get(0), top.get(1), m, top.get(3));

        assertThat(RowVote.of(letter, letter.get(1), sureOfM, List.of()).match().rows())
                .containsExactly("59H1", "9149");
    }

    @Test
    void theClassifierDoubtingATopRowDigitTwoEarlyReadsAgreeOnMakesTheCropReadFully() {
        // 59-L1 / 776.93: the first two reads agreed on 59L7, the classifier saw a sure 1 in the top row's last box
        CropRead agreed = TwoRowReads.exact("59L7", "77693", 0.63);
        List<double[]> sureOfOne = bottom("59L1", '1', '7');
        sureOfOne.get(3)[VietnameseGlyphClassifier.CLASSES.indexOf('1')] = 0.97;
        sureOfOne.get(3)[VietnameseGlyphClassifier.CLASSES.indexOf('7')] = 0.03;

        assertThat(VietnameseGlyphVote.objects(List.of(), sureOfOne, agreed)).isTrue();
        assertThat(VietnameseGlyphVote.objects(List.of(), bottom("59L7", '7', '1'), agreed))
                .isFalse();
        // its letters are not questioned (the classifier's weak side), and boxes of another count say nothing
        assertThat(VietnameseGlyphVote.objects(List.of(), bottom("59M7", '7', '1'), agreed))
                .isFalse();
        assertThat(VietnameseGlyphVote.objects(List.of(), sureOfOne.subList(0, 3), agreed))
                .isFalse();
        // the bottom row's digits are questioned too
        assertThat(VietnameseGlyphVote.objects(bottom("77893", '8', '0'), List.of(), agreed))
                .isTrue();
    }

    /** The glyph classifier's probabilities for a bottom row: each digit sure, {@code doubtful} tipped to itself. */
    private static List<double[]> bottom(String digits, char doubtful, char other) {
        String classes = VietnameseGlyphClassifier.CLASSES;
        List<double[]> out = new java.util.ArrayList<>();
        for (char c : digits.toCharArray()) {
            double[] p = new double[classes.length()];
            p[classes.indexOf(c)] = c == doubtful ? 0.7 : 0.95;
            p[classes.indexOf(c == doubtful ? other : c == '0' ? '8' : '0')] += c == doubtful ? 0.3 : 0.05;
            out.add(p);
        }
        return out;
    }
}
