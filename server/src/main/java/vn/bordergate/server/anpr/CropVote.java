package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/** The vote among a crop's reads: the text most of them support wins (see {@link CropReader}). */
final class CropVote {
    /**
     * How many Tesseract votes the glyph classifiers' read of a Chinese plate weighs. 3 since the serial networks are
     * averaged (docs/anpr.md, 2026-11-24): on the even cn-crops half 2 / 3 / 4 gave 181 / 186 / 190 plates, on the
     * held-out half 131 / 134 / 134, on cn-scenes 40 / 42 / 39 photos.
     */
    static final int GLYPH_WEIGHT = 3;

    /** How fast a read's support for a plate falls with what reading that plate out of it costs. */
    static final double SUPPORT_SCALE = 1.0;

    /**
     * What a read that ends one character short of a plate pays to support it. The last character of a tight one-row
     * crop touches the crop's edge (the frame, its shadow, or the cut against it) and one read or another drops it;
     * without this such a read gave the whole plate no support while the whole plate's reads supported the short
     * one through an edge drop, so the short plate won (docs/anpr.md, branch vnedge).
     */
    static final double LAST_MISSING = 0.2;

    private CropVote() {}

    /**
     * What the glyph read weighs when only a fallback fit placed it (the crop turned the other way, the frame cut
     * away): there it was wrong where two Tesseract reads were right (held-out cn-crops {@code 皖A155X1} read
     * {@code 皖Y61EX5} 0.33 against a read of 0.85; docs/anpr.md, branch cnlatin).
     */
    static final int FALLBACK_WEIGHT = 2;

    /** {@link #of(List)} where {@code heavy}'s vote counts {@link #GLYPH_WEIGHT} times. */
    static CropRead of(List<CropRead> reads, CropRead heavy) {
        return of(reads, heavy, GLYPH_WEIGHT);
    }

    /** {@link #of(List)} where {@code heavy}'s vote counts {@code weight} times. */
    static CropRead of(List<CropRead> reads, CropRead heavy, int weight) {
        List<CropRead> weighted = new ArrayList<>(reads);
        for (int k = 1; k < weight; k++) {
            weighted.add(heavy);
        }
        return of(weighted);
    }

    /**
     * The read whose text the reads agree on most (each read votes with its confidence), and of those reads
     * the most confident one; for a two-row crop, then the rows the reads agree on most ({@link RowVote}).
     */
    static CropRead of(List<CropRead> reads) {
        return of(reads, List.of());
    }

    /**
     * {@link #of(List)} on a one-row crop whose glyphs the Vietnamese glyph classifier also read ({@code glyphs}, per
     * character box, empty when not read): when every read found is Vietnamese, the classifier's share of votes
     * ({@link VietnameseGlyphVote}) is added to each plate's.
     */
    static CropRead of(List<CropRead> reads, List<double[]> glyphs) {
        return of(reads, glyphs, List.of());
    }

    /** {@link #of(List, List)} with the classifier's read of a two-row crop's top row ({@code topGlyphs}) too. */
    static CropRead of(List<CropRead> reads, List<double[]> glyphs, List<double[]> topGlyphs) {
        return of(reads, glyphs, topGlyphs, false);
    }

    /**
     * {@link #of(List, List, List)}; {@code english} when the reads are the English model's, whose one-way confusions
     * ({@link OneWayConfusion}) are then credited in a two-row crop's row vote too.
     */
    static CropRead of(List<CropRead> reads, List<double[]> glyphs, List<double[]> topGlyphs, boolean english) {
        return of(reads, glyphs, topGlyphs, english, VietnameseLineVote.NONE);
    }

    /**
     * {@link #of(List, List, List, boolean)} with the Vietnamese line network's read of a one-row crop's row
     * ({@link VietnameseLineVote}): its share of votes is added to each plate's and its own plate is a candidate.
     */
    static CropRead of(
            List<CropRead> reads,
            List<double[]> glyphs,
            List<double[]> topGlyphs,
            boolean english,
            VietnameseLineVote line) {
        boolean twoRows = reads.stream().anyMatch(CropRead::twoRows);
        // a two-row crop's glyphs are its bottom row's: they have a say in the row vote only
        CropRead whole = voteWhole(reads, twoRows ? List.of() : glyphs, twoRows ? VietnameseLineVote.NONE : line);
        // a two-row crop's rows are read apart, so each row is voted on too (RowVote); with the classifier's and the
        // English model's say whenever the crop's vote is Vietnamese, even if a junk top row made one read Chinese
        return whole.twoRows() && whole.found()
                ? whole.match().country() == PlateCountry.VN
                        ? RowVote.of(reads, whole, topGlyphs, glyphs, english, line)
                        : RowVote.of(reads, whole)
                : whole;
    }

    /** The whole-text vote: the text with the most support, and of its reads the most confident one. */
    private static CropRead voteWhole(List<CropRead> reads, List<double[]> glyphs, VietnameseLineVote line) {
        Map<String, Double> votes = new HashMap<>();
        for (CropRead read : reads) {
            if (read.found()) {
                votes.merge(read.text(), read.confidence(), Double::sum);
            }
        }
        boolean alternatives = alternativesAllowed(reads);
        // each read's plate's support, computed once: it picks the favourite and, with the variants', the winner
        Map<String, Double> support = alternatives ? bySupport(reads, votes.keySet()) : votes;
        // the glyph classifier has a say only when the reads' favourite has one character per glyph box: a character
        // joined to the frame loses its box, and the plate of the boxes' length must not win for that
        boolean glyphsSay =
                !glyphs.isEmpty() && allVietnamese(reads) && favourite(support).length() == glyphs.size();
        boolean oneRowVietnamese = allVietnamese(reads) && reads.stream().noneMatch(CropRead::twoRows);
        boolean lineSays = line.says() && oneRowVietnamese;
        Map<String, CropRead> variants =
                new HashMap<>(glyphsSay ? VietnameseGlyphVote.variants(reads, glyphs) : Map.of());
        if (lineSays) {
            line.candidate(reads).forEach(variants::putIfAbsent);
        }
        Map<String, Double> scores = new HashMap<>(support);
        if (alternatives && !variants.isEmpty()) {
            Set<String> fresh = new HashSet<>(variants.keySet());
            fresh.removeAll(votes.keySet());
            scores.putAll(bySupport(reads, fresh));
        }
        if (oneRowVietnamese) {
            // an M read as H or N, a 4 read as 6: those reads speak for the M / 4 plate too (OneWayConfusion); one-row
            // crops only: on rendered two-row plates the plate model (PlateModelTest) confuses them the other way.
            // Credited on the scores' own scale (support where alternatives are on), not confidence sums
            OneWayConfusion.credit(alternatives ? support : votes)
                    .forEach((text, credit) -> scores.merge(text, credit, Double::sum));
        }
        if (glyphsSay) {
            Set<String> texts = new HashSet<>(votes.keySet());
            texts.addAll(variants.keySet());
            VietnameseGlyphVote.shares(glyphs, texts).forEach((text, share) -> scores.merge(text, share, Double::sum));
        }
        if (lineSays) {
            Set<String> texts = new HashSet<>(votes.keySet());
            texts.addAll(variants.keySet());
            line.shares(texts).forEach((text, share) -> scores.merge(text, share, Double::sum));
        }
        String winner = scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        if (winner != null && variants.containsKey(winner) && !votes.containsKey(winner)) {
            return variants.get(winner);
        }
        CropRead best = reads.get(0);
        for (CropRead read : reads) {
            boolean better = winner == null
                    ? read.raw().length() > best.raw().length()
                    : read.found()
                            && read.text().equals(winner)
                            && (!winner.equals(best.text()) || read.confidence() > best.confidence());
            if (better) {
                best = read;
            }
        }
        return best;
    }

    /** The text with the highest score, or "" when there is none. */
    private static String favourite(Map<String, Double> scores) {
        return scores.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("");
    }

    /**
     * Whether every read is a one-row Tesseract read with its alternatives, at least three of them found and all of
     * those Vietnamese (on Chinese crops, whose province glyph Tesseract reads as junk, it lost: see docs/anpr.md).
     */
    private static boolean alternativesAllowed(List<CropRead> reads) {
        return reads.stream().filter(CropRead::found).count() >= 3
                && reads.stream()
                        .allMatch(read -> !read.twoRows() && !read.symbols().isEmpty())
                && allVietnamese(reads);
    }

    /** Whether every read that found a plate found a Vietnamese one (and one did). */
    static boolean allVietnamese(List<CropRead> reads) {
        return reads.stream().anyMatch(CropRead::found)
                && reads.stream()
                        .filter(CropRead::found)
                        .allMatch(read -> read.match().country() == PlateCountry.VN);
    }

    /**
     * Each plate's support when each read also counts for the other reads' plates through its
     * per-character alternatives: a read that says {@code 6} with {@code 4} close behind supports {@code …4…} nearly
     * as much as {@code …6…}, so two reads for a plate with a close runner-up lose to two reads sure of theirs.
     */
    private static Map<String, Double> bySupport(List<CropRead> reads, Set<String> texts) {
        Map<String, Double> out = new HashMap<>();
        for (String text : texts) {
            double support = 0;
            for (CropRead read : reads) {
                support += Math.exp(-SUPPORT_SCALE * supportCost(read.symbols(), text));
            }
            out.put(text, support);
        }
        return out;
    }

    /** What reading {@code text} out of a read's symbols costs, the read also allowed to end one character short. */
    static double supportCost(List<PlateGrammarSymbol> symbols, String text) {
        double whole = PlateGrammar.costOf(symbols, text);
        if (text.length() < 2 || whole <= LAST_MISSING) {
            // alignment costs are never negative: the cut cannot be cheaper, and not aligning it twice for every read
            // that already spells the plate keeps the vote's cost near what it was (AnprCpuTimeBenchmark)
            return whole;
        }
        double cut = PlateGrammar.costOf(symbols, text.substring(0, text.length() - 1)) + LAST_MISSING;
        return Math.min(whole, cut);
    }
}
