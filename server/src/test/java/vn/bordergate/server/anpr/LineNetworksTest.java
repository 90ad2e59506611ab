package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static vn.bordergate.server.anpr.VietnameseLineVoteTest.spelling;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Line networks read together ({@link LineNetworks}): the mean of their log-likelihoods, and of their best paths the
 * one they find likeliest together; on constructed log-probabilities through the bundled network's CTC arithmetic.
 */
class LineNetworksTest {
    private static final LineCtc NETWORK = VietnameseLine.bundled();

    @Test
    void aTextsLogLikelihoodIsTheMeanOfTheNetworks() {
        double[][] a = spelling("51F12345");
        double[][] b = spelling("51F12845");
        LineNetworks.Reading both = LineNetworks.Reading.of(List.of(NETWORK, NETWORK), List.of(a, b));

        for (String text : List.of("51F12345", "51F12845", "51F1234")) {
            assertThat(both.logLikelihood(text))
                    .isCloseTo((NETWORK.logLikelihood(a, text) + NETWORK.logLikelihood(b, text)) / 2, offset(1e-9));
        }
        assertThat(LineNetworks.Reading.of(NETWORK, a).logLikelihood("51F12345"))
                .isEqualTo(NETWORK.logLikelihood(a, "51F12345"));
    }

    @Test
    void theBestReadIsTheNetworksBestPathTheyFindLikeliestTogether() {
        double[][] sure = spelling("51F12345");
        // a second network that reads 51F12845 but only just: the 8 (step 11) barely above the 3
        double[][] unsure = spelling("51F12845");
        int eight = NETWORK.alphabet().indexOf('8') + 1;
        int three = NETWORK.alphabet().indexOf('3') + 1;
        Arrays.fill(unsure[11], Math.log(0.02 / 31));
        unsure[11][eight] = Math.log(0.5);
        unsure[11][three] = Math.log(0.48);

        assertThat(LineNetworks.Reading.of(List.of(NETWORK, NETWORK), List.of(unsure, sure))
                        .best())
                .isEqualTo("51F12345");
        assertThat(LineNetworks.Reading.of(List.of(NETWORK, NETWORK), List.of(sure, unsure))
                        .best())
                .isEqualTo("51F12345");
        assertThat(LineNetworks.Reading.of(NETWORK, unsure).best()).isEqualTo("51F12845");
    }

    @Test
    void networksReadEveryInputInOneForwardPassEach() {
        float[] blank = new float[VietnameseLine.WIDTH * VietnameseLine.HEIGHT];
        Arrays.fill(blank, 1f);
        List<LineNetworks.Reading> read = LineNetworks.of(NETWORK, NETWORK).read(List.of(blank, blank));

        assertThat(read).hasSize(2);
        double[][] alone = NETWORK.logProbabilities(List.of(blank)).get(0);
        String best = NETWORK.greedy(alone);
        assertThat(read.get(0).best()).isEqualTo(best);
        assertThat(read.get(1).logLikelihood(best)).isCloseTo(NETWORK.logLikelihood(alone, best), offset(1e-6));
    }
}
