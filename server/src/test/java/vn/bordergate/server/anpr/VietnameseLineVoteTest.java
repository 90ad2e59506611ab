package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Vietnamese line network's say in a one-row crop's vote ({@link VietnameseLineVote}), on constructed
 * log-probabilities read by the bundled network's own CTC arithmetic ({@link LineCtc#logLikelihood}).
 */
class VietnameseLineVoteTest {
    private static final LineCtc NETWORK = VietnameseLine.bundled();

    @Test
    void aLineThatSpellsTheLessConfidentReadsPlateTipsTheVoteToIt() {
        CropRead sure = OneRowReads.read("51F12345", PlateColour.WHITE, 0.6);
        CropRead unsure = OneRowReads.read("51F12845", PlateColour.WHITE, 0.5);
        List<CropRead> reads = List.of(sure, unsure);

        assertThat(CropVote.of(reads, List.of(), List.of(), false, VietnameseLineVote.NONE)
                        .text())
                .isEqualTo("51F12345");
        assertThat(CropVote.of(reads, List.of(), List.of(), false, line("51F12845"))
                        .text())
                .isEqualTo("51F12845");
    }

    @Test
    void theNetworksOwnPlateIsACandidateWhenItIsAValidPlateOfTheReadsKind() {
        CropRead read = OneRowReads.read("51F12345", PlateColour.WHITE, 0.3);

        VietnameseLineVote line = line("51F12346");
        assertThat(line.best()).isEqualTo("51F12346");
        assertThat(line.candidate(List.of(read))).containsOnlyKeys("51F12346");
        assertThat(line("51F1").candidate(List.of(read))).isEmpty();
        assertThat(CropVote.of(List.of(read), List.of(), List.of(), false, line).text())
                .isEqualTo("51F12346");
    }

    @Test
    void itObjectsToAnAgreedPlateOnlyWhenItsOwnValidPlateIsFarLikelier() {
        CropRead agreed = OneRowReads.read("51F12345", PlateColour.WHITE, 0.9);

        assertThat(line("51F12845").objects(agreed)).isTrue();
        assertThat(line("51F12345").objects(agreed)).isFalse();
        // its own read no plate: no objection
        assertThat(line("51F1").objects(agreed)).isFalse();
        assertThat(VietnameseLineVote.NONE.objects(agreed)).isFalse();
    }

    /** What lets the first read end a crop's read without a second Tesseract read ({@link CropReader#LINE_CONFIRMS}). */
    @Test
    void itConfirmsAReadOnlyWhenItsOwnReadIsThatVietnamesePlate() {
        CropRead read = OneRowReads.read("51F12345", PlateColour.WHITE, 0.9);

        assertThat(line("51F12345").confirms(read)).isTrue();
        assertThat(line("51F12845").confirms(read)).isFalse();
        assertThat(line("51F1234").confirms(read)).isFalse();
        assertThat(VietnameseLineVote.NONE.confirms(read)).isFalse();
        assertThat(line("51F12345").confirms(new CropRead(null, "51F12345", PlateColour.WHITE, false)))
                .isFalse();
        // a two-row crop: each row
        CropRead twoRows = TwoRowReads.exact("59U1", "9149", 0.9);
        assertThat(VietnameseLineVote.ofRows(NETWORK, spelling("59U1"), spelling("9149"))
                        .confirms(twoRows))
                .isTrue();
        assertThat(VietnameseLineVote.ofRows(NETWORK, spelling("59U1"), spelling("9749"))
                        .confirms(twoRows))
                .isFalse();
    }

    @Test
    void theSharesFollowTheLikelihoodAndSumToTheWeight() {
        var shares = line("51F12845").shares(List.of("51F12845", "51F12345", "51F1284"));

        assertThat(shares.get("51F12845")).isGreaterThan(shares.get("51F12345"));
        assertThat(shares.get("51F12845")).isGreaterThan(shares.get("51F1284"));
        assertThat(shares.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(VietnameseLineVote.WEIGHT, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static VietnameseLineVote line(String text) {
        return new VietnameseLineVote(NETWORK, spelling(text));
    }

    /**
     * Log-probabilities of the bundled network's 36 steps whose best path spells {@code text}, each character one step
     * between blanks (also {@link RowLinesTest}'s rows).
     */
    static double[][] spelling(String text) {
        int classes = NETWORK.alphabet().length() + 1;
        double[][] lp = new double[36][classes];
        for (int t = 0; t < lp.length; t++) {
            int k = t / 2;
            int best = t % 2 == 1 && k < text.length() ? NETWORK.alphabet().indexOf(text.charAt(k)) + 1 : 0;
            Arrays.fill(lp[t], Math.log(0.1 / (classes - 1)));
            lp[t][best] = Math.log(0.9);
        }
        return lp;
    }
}
