package vn.bordergate.server.anpr;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateParser;

/**
 * The glyph classifier's say in a one-row Vietnamese crop's vote ({@link CropVote}): each candidate plate (a plate
 * some Tesseract read gave) with one character per glyph box gets a share of {@link #WEIGHT} votes, in proportion to
 * how likely the classifier finds its characters. The classifier never adds a plate of its own; it only tips the
 * balance between plates the reads already support (4/6, 6/8, 1/7, 5/6/9 at one place).
 */
final class VietnameseGlyphVote {
    /**
     * How many votes the classifier's opinion weighs in all (a read votes 0..1): 2 since the convolutional network
     * (98.9 % of vn-one-row's boxed glyphs against the HOG + MLP's 91.5 %); measured 1 / 2 / 3 on vn-one-row 2 101 /
     * 2 109 / 2 104 crops right, vn-mixed-silver 706 / 707 / 707 (docs/anpr.md, branch cnnvn).
     */
    static final double WEIGHT = 2.0;

    /** How far the classifier's probabilities are trusted: they are raised to this power before sharing. */
    static final double TRUST = 0.5;

    /** A character's probability never counts as less than this (one very unlikely glyph must not veto a plate). */
    static final double FLOOR = 1e-3;

    /**
     * A character of a plate two reads agreed on that the classifier finds less likely than this among its kind makes
     * the crop read all four ways ({@link CropReader#AGREED}).
     */
    static final double OBJECTION = 0.1;

    private VietnameseGlyphVote() {}

    /** Whether the classifier doubts some character of {@code text} (one character per glyph box) strongly. */
    static boolean objects(List<double[]> glyphs, String text) {
        return objects(glyphs, text, false);
    }

    /**
     * Whether the classifier doubts a character of a plate read ({@code glyphs} per box of a one-row plate or of a
     * two-row plate's bottom row, {@code topGlyphs} of its top row): on a two-row plate only a row's digits are
     * questioned, as in the row vote ({@link RowVote}); and a top row read one short of its four glyph boxes
     * ({@link SeriesBox#missing}), so that the row vote gets the other reads to restore its series digit from.
     */
    static boolean objects(List<double[]> glyphs, List<double[]> topGlyphs, CropRead read) {
        List<String> rows = read.match().rows();
        if (!read.twoRows() || rows.size() != 2) {
            return objects(glyphs, read.text());
        }
        return objects(topGlyphs, rows.get(0), true)
                || objects(glyphs, rows.get(1), true)
                || SeriesBox.missing(topGlyphs, rows.get(0));
    }

    /**
     * Whether a one-row Vietnamese read's plate is one character shorter than the row's glyph boxes: the first two reads
     * may both have dropped a character (the last one, touching a tight crop's edge, or a two-letter series' `D` read
     * `0` and dropped as the dash), so the other two read too. On vn-one-row at most 81 of 2 288 crops.
     */
    static boolean oneBoxMore(List<double[]> glyphs, CropRead read) {
        return read.found()
                && !read.twoRows()
                && read.match().country() == PlateCountry.VN
                && glyphs.size() == read.text().length() + 1;
    }

    private static boolean objects(List<double[]> glyphs, String text, boolean digitsOnly) {
        if (glyphs.isEmpty() || glyphs.size() != text.length()) {
            return false;
        }
        for (int k = 0; k < text.length(); k++) {
            boolean weighed = !digitsOnly || Character.isDigit(text.charAt(k));
            if (weighed && ofItsKind(glyphs.get(k), text.charAt(k)) < OBJECTION) {
                return true;
            }
        }
        return false;
    }

    /**
     * Plates one character away from a read's plate, where that read's symbol at that place had the character as an
     * alternative and the classifier prefers it: the candidates the classifier may tip the vote to, beside the reads'
     * own plates. Only reads with one symbol per character and per glyph box are used, so the places line up. None
     * when two or more reads found a plate and all found the same one: on vn-one-row the classifier then turned two such crops
     * (four reads of {@code 30G41542}, of {@code 51F24403}) wrong and none right (docs/anpr.md, branch vnone).
     */
    static Map<String, CropRead> variants(List<CropRead> reads, List<double[]> glyphs) {
        Map<String, CropRead> out = new HashMap<>();
        List<String> found =
                reads.stream().filter(CropRead::found).map(CropRead::text).toList();
        if (found.size() >= 2 && found.stream().distinct().count() == 1) {
            return out;
        }
        for (CropRead read : reads) {
            String text = read.text();
            if (!read.found()
                    || text.length() != glyphs.size()
                    || read.symbols().size() != text.length()) {
                continue;
            }
            for (int k = 0; k < text.length(); k++) {
                char own = text.charAt(k);
                for (PlateGrammarSymbol.Choice choice : read.symbols().get(k).choices()) {
                    char c = choice.character();
                    boolean preferred = c != own
                            && Character.isDigit(c) == Character.isDigit(own)
                            && ofItsKind(glyphs.get(k), c) > ofItsKind(glyphs.get(k), own);
                    String variant = text.substring(0, k) + c + text.substring(k + 1);
                    Plate plate = preferred ? PlateParser.tryParse(variant).orElse(null) : null;
                    if (plate != null && plate.kind() == read.match().kind()) {
                        PlateGrammarMatch m = read.match();
                        out.putIfAbsent(
                                variant,
                                new CropRead(
                                        new PlateGrammarMatch(
                                                variant, plate, m.layout(), List.of(variant), m.cost(), m.confidence()),
                                        read.raw(),
                                        read.colour(),
                                        false,
                                        read.symbols()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Each text's share of the classifier's votes (the shares sum to {@link #WEIGHT}); empty when no text has one
     * character per glyph.
     */
    static Map<String, Double> shares(List<double[]> glyphs, Collection<String> texts) {
        return shares(glyphs, texts, false);
    }

    /**
     * {@link #shares(List, Collection)}; with {@code digitsOnly} only the digits' places are weighed (the classifier's
     * letters are its weak side: on two-row top rows it turned M into H and E into F).
     */
    static Map<String, Double> shares(List<double[]> glyphs, Collection<String> texts, boolean digitsOnly) {
        Map<String, Double> logs = new HashMap<>();
        for (String text : texts) {
            if (glyphs.isEmpty() || text.length() != glyphs.size()) {
                continue;
            }
            double log = 0;
            for (int k = 0; k < text.length(); k++) {
                if (digitsOnly && !Character.isDigit(text.charAt(k))) {
                    continue;
                }
                log += Math.log(Math.max(FLOOR, ofItsKind(glyphs.get(k), text.charAt(k))));
            }
            logs.put(text, TRUST * log);
        }
        return sharesOf(logs, WEIGHT);
    }

    /**
     * {@code weight} votes shared among texts in proportion to the exponent of each one's log score (a softmax, the
     * largest score subtracted first so that no exponent underflows to nothing).
     */
    static Map<String, Double> sharesOf(Map<String, Double> logs, double weight) {
        double top =
                logs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = logs.values().stream().mapToDouble(l -> Math.exp(l - top)).sum();
        Map<String, Double> out = new HashMap<>();
        logs.forEach((text, log) -> out.put(text, weight * Math.exp(log - top) / sum));
        return out;
    }

    /**
     * The probability of {@code c} among the characters of its kind (digits or letters): the plates voted on are
     * all valid, so a digit's place is only ever a choice between digits.
     */
    static double ofItsKind(double[] p, char c) {
        String classes = VietnameseGlyphClassifier.CLASSES;
        int index = classes.indexOf(c);
        if (index < 0) {
            return 0;
        }
        boolean digit = Character.isDigit(c);
        double kind = 0;
        for (int i = 0; i < p.length; i++) {
            if (Character.isDigit(classes.charAt(i)) == digit) {
                kind += p[i];
            }
        }
        return kind <= 0 ? 0 : p[index] / kind;
    }
}
