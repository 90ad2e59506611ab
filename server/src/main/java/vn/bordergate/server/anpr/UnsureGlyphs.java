package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateKind;

/**
 * A Chinese plate chosen as the glyph read gives ({@link ChineseGlyphRead}), whose serial networks were unsure of a Latin
 * glyph where Tesseract's reads of the same plate say another character the networks also considered. The glyph read
 * weighs three Tesseract reads in the vote, so its unsure `7` beat two reads of `1` that agreed with it everywhere else
 * (held-out cn-crops: `皖AKG821` read `皖AKG827` with the last glyph `7` 0.17 beside `1` 0.15; docs/anpr.md, branch
 * cnlatin). Per Latin place, the glyph then takes the reads' character.
 */
final class UnsureGlyphs {
    /** Off only to measure it ({@code -Danpr.unsureGlyphs=false}). */
    static final boolean ON = Boolean.parseBoolean(System.getProperty("anpr.unsureGlyphs", "true"));

    /**
     * Below this the networks' glyph gives way to a character {@link #READS} reads agree on. One read was too few:
     * held-out cn-crops won one plate and lost one with a single read under 0.25 (`皖A43877`: one read `皖KA3877`).
     */
    static final double UNSURE = 0.4;

    /** How many aligned reads must say the same other character. */
    static final int READS = 2;

    /**
     * How many of the other Latin places a read must spell as the glyph read does to speak for one place: a read off by
     * a place or of another plate says nothing about this one.
     */
    static final int ALIGNED = 3;

    /** How many of the networks' characters at a place a read's character must be among. */
    static final int CONSIDERED = 3;

    private UnsureGlyphs() {}

    /**
     * {@code chosen}, or where it is the glyph read's plate ({@code glyphs}), that plate with each unsure Latin glyph
     * replaced by the character of the aligned Tesseract reads among {@code reads} (the glyph read itself is skipped).
     */
    static CropRead mended(CropRead chosen, CropRead glyphs, List<CropRead> reads) {
        if (!ON
                || glyphs == null
                || !chosen.found()
                || !glyphs.found()
                || !chosen.text().equals(glyphs.text())) {
            return chosen;
        }
        String mine = glyphs.text();
        List<PlateGrammarSymbol> line = glyphs.symbols();
        if (glyphs.match().kind() != PlateKind.CN_STANDARD || line.size() != mine.length()) {
            return chosen;
        }
        List<PlateGrammarSymbol> mended = new ArrayList<>(line);
        boolean changed = false;
        // place 0 is the province glyph, which Tesseract does not read (its province is the classifier's)
        for (int at = 1; at < mine.length(); at++) {
            PlateGrammarSymbol glyph = line.get(at);
            if (glyph.bestProbability() >= UNSURE) {
                continue;
            }
            Map<Character, Integer> said = new HashMap<>();
            for (CropRead read : reads) {
                if (read != glyphs && aligned(read, mine, at)) {
                    said.merge(read.text().charAt(at), 1, Integer::sum);
                }
            }
            Character most = null;
            int count = 0;
            int atMost = 0;
            for (Map.Entry<Character, Integer> e : said.entrySet()) {
                if (e.getValue() > count) {
                    most = e.getKey();
                    count = e.getValue();
                    atMost = 1;
                } else if (e.getValue() == count) {
                    atMost++;
                }
            }
            // two reads for X and two for Y say nothing about which: left as the glyph read it, not to hash order
            if (most == null || atMost > 1 || !considered(glyph, most)) {
                continue;
            }
            if (count >= READS) {
                // as sure as the glyph it replaces: the read's confidence feeds later choices between reads
                mended.set(at, PlateGrammarSymbol.of(most, glyph.bestProbability()));
                changed = true;
            }
        }
        if (!changed) {
            return chosen;
        }
        List<PlateGrammarMatch> matches =
                PlateGrammar.candidatesOfKinds(List.of(mended), EnumSet.of(PlateKind.CN_STANDARD));
        if (matches.isEmpty()) {
            return chosen;
        }
        PlateGrammarMatch best = CropGrammar.cheapest(matches, glyphs.colour());
        return best.text().length() == mine.length() && best.text().charAt(0) == mine.charAt(0)
                ? new CropRead(best, glyphs.raw(), glyphs.colour(), false, mended)
                : chosen;
    }

    /**
     * Whether {@code read} is a standard Chinese plate of {@code mine}'s length that differs from it at {@code at} and
     * spells at least {@link #ALIGNED} of the other Latin places as it does.
     */
    private static boolean aligned(CropRead read, String mine, int at) {
        if (!read.found() || read.match().kind() != PlateKind.CN_STANDARD) {
            return false;
        }
        String theirs = read.text();
        if (theirs.length() != mine.length() || theirs.charAt(at) == mine.charAt(at)) {
            return false;
        }
        int same = 0;
        for (int k = 1; k < mine.length(); k++) {
            if (k != at && theirs.charAt(k) == mine.charAt(k)) {
                same++;
            }
        }
        return same >= ALIGNED;
    }

    /** Whether {@code c} is among the networks' {@link #CONSIDERED} likeliest characters at the place. */
    private static boolean considered(PlateGrammarSymbol glyph, char c) {
        return glyph.choices().stream().limit(CONSIDERED).anyMatch(choice -> choice.character() == c);
    }
}
