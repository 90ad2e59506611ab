package vn.bordergate.server.anpr;

import java.util.HashMap;
import java.util.Map;

/**
 * The line network's say in a two-row crop's row vote ({@link RowVote}): it reads each row alone, without glyph
 * boxes ({@link VietnameseLine#rowInput}), and scores every candidate row exactly, {@code log P(row | row image)}.
 */
final class RowLines {
    /**
     * How many votes the network's opinion on one row weighs in all (a read votes 0..1 per row): on vn-mixed-silver
     * 2 / 4 / 6 / 8 / 10 read 740 / 750 / 763 / 762 / 760 crops right (711 without; docs/anpr.md, branch vntwo).
     */
    static final double WEIGHT = 6.0;

    private RowLines() {}

    /**
     * Adds the network's share to each row's votes ({@code votes}, rows as the grammar writes them: {@code 29-C1},
     * {@code 123.45}); its own read, dressed in the punctuation of the likeliest row of its length, joins them first.
     */
    static void tip(Map<String, Double> votes, VietnameseLineVote row) {
        if (!row.says() || votes.isEmpty()) {
            return;
        }
        String own = row.best();
        // without its own read as a candidate: 736 of vn-mixed-silver's crops right, not 763
        if (!own.isEmpty()) {
            votes.entrySet().stream()
                    .filter(vote -> bare(vote.getKey()).length() == own.length())
                    .max(Map.Entry.comparingByValue())
                    .map(vote -> dressedLike(own, vote.getKey()))
                    .ifPresent(dressed -> votes.putIfAbsent(dressed, 0.0));
        }
        // the network knows only the plate's characters: a row is scored without its dash and dot
        Map<String, String> bareRows = new HashMap<>();
        votes.keySet().forEach(text -> bareRows.putIfAbsent(bare(text), text));
        Map<String, Double> shares = row.shares(bareRows.keySet(), WEIGHT);
        // rows that differ only in punctuation share the bare row's votes alike
        for (String text : votes.keySet()) {
            Double share = shares.get(bare(text));
            if (share != null) {
                votes.merge(text, share, Double::sum);
            }
        }
    }

    /** A row's characters without its punctuation. */
    static String bare(String row) {
        return row.replaceAll("[^0-9A-Z]", "");
    }

    /** {@code own} (bare, as long as {@code row}'s characters) with {@code row}'s punctuation in the same places. */
    static String dressedLike(String own, String row) {
        StringBuilder out = new StringBuilder();
        int k = 0;
        for (char c : row.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && k < own.length() ? own.charAt(k++) : c);
        }
        return out.toString();
    }
}
