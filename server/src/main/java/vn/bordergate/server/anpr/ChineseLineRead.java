package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.bytedeco.opencv.opencv_core.Mat;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * A one-row Chinese plate's row read whole by a CTC line network ({@link LineCtc}), without cutting it into glyph
 * boxes: a box fit that drops one glyph and adds another shifts every glyph read after it, the line network does not.
 * It does not vote: it scores the plates the crop's reads found, and its own read, exactly ({@link
 * LineCtc#logLikelihood}), and the plate the vote chose gives way only to one it finds far likelier ({@link #MARGIN}).
 */
final class ChineseLineRead {
    /** The network's input size: the row band of the grey crop scaled to it (a one-row band is about 4.5:1). */
    static final int WIDTH = 128;

    static final int HEIGHT = 32;

    /**
     * What the network reads: the six Latin characters ({@link SerialClassifier#CLASSES}); the province glyph is left
     * to the province network. Trained on the whole plate too, it read the six worse (held-out cn-crops, epoch 7 of 16:
     * 160 against 197 of 247 lines) with few real examples of any province but 皖.
     */
    static final String ALPHABET = SerialClassifier.CLASSES;

    /** The samples' labels: the plate's Latin characters and its province glyph ({@link ProvinceClassifier#CLASSES}). */
    static final String LABELS = ALPHABET + ProvinceClassifier.CLASSES;

    static final String RESOURCE = "cn-line-ctc.onnx";

    /** Off only to measure it ({@code -Danpr.cnLine=false}). */
    static final boolean ON = Boolean.parseBoolean(System.getProperty("anpr.cnLine", "true"));

    /**
     * How much likelier (log) than the chosen plate another read's plate must be to replace it: on the even cn-crops
     * half 0.5 / 2 / 4 gave 225 / 227 / 227 of 253 plates (main 226); {@code -Danpr.cnLineMargin} only to measure.
     */
    static final double MARGIN = Double.parseDouble(System.getProperty("anpr.cnLineMargin", "2.0"));

    /** Whether the network's own read is a candidate too; off only to measure ({@code -Danpr.cnLineOwn=false}). */
    static final boolean OWN = Boolean.parseBoolean(System.getProperty("anpr.cnLineOwn", "true"));

    /**
     * What the network's own read (a plate no read found) must be likelier by: at 5 it lost two cn-scenes photos (the
     * network sure of a wrong Q → 8, F → E on a finder's region), at 8 none (docs/anpr.md, branch cnctc).
     */
    static final double OWN_MARGIN = Double.parseDouble(System.getProperty("anpr.cnLineOwnMargin", "8.0"));

    private final LineCtc network;

    private ChineseLineRead(LineCtc network) {
        this.network = network;
    }

    /** The network trained by {@code server/tools/train_cn_line_ctc.py}, stored beside this class. */
    static ChineseLineRead bundled() {
        return new ChineseLineRead(LineCtc.load(RESOURCE, WIDTH, HEIGHT, ALPHABET));
    }

    /** The network's input for a one-row crop: its row band ({@link PlateRows#top}) of the grey crop; null for two rows. */
    static float[] input(Mat grey, PlateRows rows) {
        if (rows.twoRows()) {
            return null;
        }
        try (Mat band = new Mat(grey, rows.top())) {
            return LineCtc.input(band, WIDTH, HEIGHT);
        }
    }

    /** The network's log-probabilities for a one-row crop's row; null for two rows or when switched off. */
    double[][] logProbabilities(Mat grey, PlateRows rows) {
        float[] input = ON ? input(grey, rows) : null;
        return input == null ? null : network.logProbabilities(List.of(input)).get(0);
    }

    /** Whether the network's own read ({@code lp}: {@link #logProbabilities}) of the Latin characters is {@code read}'s. */
    boolean reads(CropRead read, double[][] lp) {
        return lp != null && network.greedy(lp).equals(latin(read.text()));
    }

    /**
     * {@code chosen}, or the plate among the crop's {@code reads} that the network finds at least e^{@link #MARGIN}
     * times likelier; then that plate, or the network's own read of its Latin characters (after the plate's province
     * glyph) if the network finds it e^{@link #OWN_MARGIN} times likelier still.
     */
    CropRead chosen(CropRead chosen, List<CropRead> reads, double[][] lp, PlateColour colour) {
        if (lp == null) {
            return chosen;
        }
        CropRead best = likelier(chosen, reads, text -> score(lp, text), MARGIN);
        String read = network.greedy(lp);
        double sure = Math.exp(network.logLikelihood(lp, read) / Math.max(1, read.length()));
        // only in place of a plate, and no surer than it: a scene's finder regions read as plates out of nothing, or
        // surer than the real plate's region, outranked it (cn-scenes 93 → 89)
        CropRead own = OWN && chinese(best)
                ? own(
                        read,
                        Math.min(sure, best.confidence()),
                        colour,
                        best.text().charAt(0))
                : null;
        return own == null ? best : likelier(best, List.of(own), text -> score(lp, text), OWN_MARGIN);
    }

    /**
     * The candidate standard Chinese plate scored at least {@code margin} above {@code chosen} (the highest such), else
     * {@code chosen}; an unfound {@code chosen} gives way to any candidate scored above log ½.
     */
    static CropRead likelier(
            CropRead chosen, List<CropRead> candidates, ToDoubleFunction<String> score, double margin) {
        double bar = chosen.found() ? score.applyAsDouble(chosen.text()) + margin : Math.log(0.5);
        CropRead best = chosen;
        for (CropRead candidate : candidates) {
            if (!candidate.found() || candidate.match().kind() != PlateKind.CN_STANDARD) {
                continue;
            }
            double s = score.applyAsDouble(candidate.text());
            if (s > bar) {
                best = candidate;
                bar = s;
            }
        }
        return best;
    }

    /** The log-likelihood of a plate's Latin characters (its province glyph is not the network's to judge). */
    private double score(double[][] lp, String text) {
        return network.logLikelihood(lp, latin(text));
    }

    static String latin(String text) {
        return text.replaceAll("[^0-9A-Z]", "");
    }

    private static boolean chinese(CropRead read) {
        return read.found() && read.match().kind() == PlateKind.CN_STANDARD;
    }

    /**
     * The network's own read as a standard Chinese plate: its six Latin characters, each {@code sure} (the read's
     * per-character likelihood), after the chosen plate's province glyph; null when it did not read six.
     */
    private static CropRead own(String read, double sure, PlateColour colour, char province) {
        String latin = latin(read);
        if (latin.length() != 6) {
            return null;
        }
        List<PlateGrammarSymbol> six = new ArrayList<>();
        latin.chars().forEach(c -> six.add(PlateGrammarSymbol.of((char) c, sure)));
        return ChineseGlyphRead.of(six, colour, PlateGrammarSymbol.of(province, 1.0));
    }
}
