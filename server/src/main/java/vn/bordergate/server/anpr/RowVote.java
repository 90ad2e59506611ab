package vn.bordergate.server.anpr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * The vote of a two-row crop's reads taken row by row. The rows are read apart, so one read's top row and another's
 * bottom row are evidence of their own: when the reads agree on each row but no read got both rows right, the
 * whole-text vote keeps a plate with one row wrong.
 */
final class RowVote {
    /**
     * How many of {@link VietnameseGlyphVote#WEIGHT} the classifier's say on a bottom row counts: the row vote sums
     * up to four reads' confidences, and at 1 the classifier only broke near-ties (vn-mixed-silver: 0.5 → 625, 1 →
     * 628, 2, 3 and 5 → 630 plates right).
     */
    static final double BOTTOM_WEIGHT = 2.0;

    private RowVote() {}

    /**
     * The plate made of the top row and the bottom row most of {@code reads} agree on (each read votes with its
     * confidence, and through its rows' alternatives where it has them: {@link RowSupport}), when it is a valid plate;
     * {@code whole} (the whole-text vote) otherwise.
     */
    static CropRead of(List<CropRead> reads, CropRead whole) {
        return of(reads, whole, List.of());
    }

    /**
     * {@link #of(List, CropRead)} where the Vietnamese glyph classifier's read of the bottom row ({@code glyphs}, per
     * character box; empty when not read) adds its share of votes to each bottom row with one character per box
     * ({@link VietnameseGlyphVote#shares}): the bottom row is all digits, where Tesseract's 1/7, 4/6 and 5/9 go wrong.
     */
    static CropRead of(List<CropRead> reads, CropRead whole, List<double[]> glyphs) {
        return of(reads, whole, List.of(), glyphs);
    }

    /** {@link #of(List, CropRead, List)} with the classifier's read of the top row ({@code topGlyphs}) too. */
    static CropRead of(List<CropRead> reads, CropRead whole, List<double[]> topGlyphs, List<double[]> glyphs) {
        return of(reads, whole, topGlyphs, glyphs, false);
    }

    /**
     * {@link #of(List, CropRead, List, List)}; with {@code oneWay} the rows read by the English model get its one-way
     * credit ({@link OneWayConfusion}: an M read as H or N, a 4 read as 6, and inside the plate a 1 read as 7, a 5 as 8,
     * an A as K — the inner pairs measured on whole plates of both sets, not on top rows alone). Not for the
     * plate model, which on rendered two-row plates confuses them the other way (PlateModelTest fell to 4 of 8
     * motorbike plates with the M and 4 credit).
     */
    static CropRead of(
            List<CropRead> reads, CropRead whole, List<double[]> topGlyphs, List<double[]> glyphs, boolean oneWay) {
        return of(reads, whole, topGlyphs, glyphs, oneWay, VietnameseLineVote.NONE);
    }

    /**
     * {@link #of(List, CropRead, List, List, boolean)} with the line network's read of each row ({@code line},
     * {@link VietnameseLineVote#readRows}): each row candidate gets its share of {@link RowLines#WEIGHT} votes, and the
     * network's own read of a row is a candidate.
     */
    static CropRead of(
            List<CropRead> reads,
            CropRead whole,
            List<double[]> topGlyphs,
            List<double[]> glyphs,
            boolean oneWay,
            VietnameseLineVote line) {
        Map<String, Double> readTops = new HashMap<>();
        Map<String, Double> readBottoms = new HashMap<>();
        for (CropRead read : reads) {
            if (read.found() && read.match().rows().size() == 2) {
                readTops.merge(read.match().rows().get(0), read.confidence(), Double::sum);
                readBottoms.merge(read.match().rows().get(1), read.confidence(), Double::sum);
            }
        }
        // each read also speaks for the other reads' rows through its per-character alternatives, where it has them
        boolean alternatives = RowSupport.applies(reads);
        Map<String, Double> tops = alternatives ? RowSupport.of(reads, readTops.keySet(), 0) : readTops;
        Map<String, Double> bottoms = alternatives ? RowSupport.of(reads, readBottoms.keySet(), 1) : readBottoms;
        // a top row read without its series digit where four glyph boxes stand (SeriesBox)
        SeriesBox.restore(tops, topGlyphs);
        if (alternatives) {
            SeriesBox.restore(readTops, topGlyphs);
        }
        if (oneWay) {
            // credited before the classifier tips the rows, from the reads' own rows: a look-alike's alternative has
            // given the other row its share of the tally already, and crediting the tally counted it twice
            // (docs/anpr.md, branch vote)
            OneWayConfusion.credit(Map.copyOf(readTops), false)
                    .forEach((row, credit) -> tops.merge(row, credit, Double::sum));
            OneWayConfusion.credit(Map.copyOf(readBottoms))
                    .forEach((row, credit) -> bottoms.merge(row, credit, Double::sum));
        }
        tip(tops, topGlyphs, true);
        tip(bottoms, glyphs, false);
        if (line.readRows()) {
            RowLines.tip(tops, line.topRow());
            RowLines.tip(bottoms, line.bottomRow());
        }
        String top = winner(tops);
        String bottom = winner(bottoms);
        if (top == null || bottom == null || whole.match().rows().equals(List.of(top, bottom))) {
            return whole;
        }
        CropRead both = null;
        double support = 0;
        int voters = 0;
        for (CropRead read : reads) {
            if (!read.found() || read.match().rows().size() != 2) {
                continue;
            }
            List<String> rows = read.match().rows();
            if (rows.equals(List.of(top, bottom)) && (both == null || read.confidence() > both.confidence())) {
                both = read;
            }
            if (rows.get(0).equals(top) || rows.get(1).equals(bottom)) {
                support += read.confidence();
                voters++;
            }
        }
        if (both != null) {
            return both;
        }
        PlateGrammarMatch joined = PlateGrammar.candidatesOfKinds(
                        List.of(PlateGrammarSymbol.of(top), PlateGrammarSymbol.of(bottom)),
                        whole.colour().kinds())
                .stream()
                .filter(m -> m.cost() == 0 && m.rows().equals(List.of(top, bottom)))
                .findFirst()
                .orElse(null);
        if (joined == null) {
            return whole;
        }
        PlateGrammarMatch voted = new PlateGrammarMatch(
                joined.text(), joined.plate(), joined.layout(), joined.rows(), joined.cost(), support / voters);
        return new CropRead(voted, whole.raw(), whole.colour(), true);
    }

    /** Adds the classifier's share to each row's votes, unless the glyph boxes and the favourite row differ in length. */
    private static void tip(Map<String, Double> votes, List<double[]> glyphs, boolean digitsOnly) {
        // only when the favourite row has one character per box: else the box count alone would choose the length
        int favourite = votes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(vote -> vote.getKey().length())
                .orElse(-1);
        if (favourite == glyphs.size()) {
            VietnameseGlyphVote.shares(glyphs, List.copyOf(votes.keySet()), digitsOnly)
                    .forEach((row, share) -> votes.merge(row, BOTTOM_WEIGHT * share, Double::sum));
        }
    }

    /** The most supported key; null on a tie for the most (the rows' vote then says nothing). */
    private static String winner(Map<String, Double> votes) {
        String best = null;
        double most = -1;
        boolean tied = false;
        for (Map.Entry<String, Double> vote : votes.entrySet()) {
            if (vote.getValue() > most + 1e-9) {
                best = vote.getKey();
                most = vote.getValue();
                tied = false;
            } else if (Math.abs(vote.getValue() - most) <= 1e-9) {
                tied = true;
            }
        }
        return tied ? null : best;
    }
}
