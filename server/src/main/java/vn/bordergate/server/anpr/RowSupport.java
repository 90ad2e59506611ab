package vn.bordergate.server.anpr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bordergate.common.plate.PlateGrammar;

/**
 * A two-row crop's row tallies through each read's per-character alternatives: a read whose bottom row says {@code 7}
 * with {@code 1} close behind speaks for the row with the {@code 1} nearly as much as for its own, so one sure read is
 * not outvoted by two that were unsure at that place. The same support a one-row crop's whole-text vote has had since
 * 2026-11-23 ({@link CropVote}), taken row by row because a two-row crop's rows are read apart (docs/anpr.md, branch
 * vote).
 */
final class RowSupport {
    /** How fast a read's support for a row falls with what reading that row out of it costs, as in {@link CropVote}. */
    static final double SCALE = CropVote.SUPPORT_SCALE;

    /** As in the one-row vote: with fewer reads, one read's alternatives would decide alone. */
    static final int MIN_READS = 3;

    private RowSupport() {}

    /** Whether {@code reads} can vote through their rows' alternatives: enough two-row reads, each with its symbols. */
    static boolean applies(List<CropRead> reads) {
        List<CropRead> rowReads = reads.stream().filter(RowSupport::twoRowPlate).toList();
        return rowReads.size() >= MIN_READS
                && rowReads.stream().allMatch(read -> read.rowSymbols().size() == 2);
    }

    /**
     * Each of {@code rows} (the texts the reads gave for row {@code row}, 0 top, 1 bottom) with the confidence of every
     * read whose own row has its length, each times e^(−cost) of reading it out of that read's symbols. Only reads of
     * the same length count: through a drop, a read of {@code 59H1} spoke for {@code 59H}, and series digits and the
     * bottom row's fifth digit were lost (vn-mixed-silver against main: 13 won, 18 lost with them; 15 won, 11 lost
     * without).
     */
    static Map<String, Double> of(List<CropRead> reads, Set<String> rows, int row) {
        Map<String, Double> out = new HashMap<>();
        for (String text : rows) {
            double support = 0;
            for (CropRead read : reads) {
                if (twoRowPlate(read) && read.match().rows().get(row).length() == text.length()) {
                    double cost = PlateGrammar.costOf(read.rowSymbols().get(row), text);
                    support += read.confidence() * Math.exp(-SCALE * cost);
                }
            }
            out.put(text, support);
        }
        return out;
    }

    private static boolean twoRowPlate(CropRead read) {
        return read.found() && read.match().rows().size() == 2;
    }
}
