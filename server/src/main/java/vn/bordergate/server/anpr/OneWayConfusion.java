package vn.bordergate.server.anpr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.common.plate.PlateParser;

/**
 * Confusions Tesseract makes one way only on the Vietnamese plate typeface: an {@code M} whose inner strokes fade reads
 * as {@code H} or {@code N}, and a {@code 4} reads as {@code 6}, but an H, N or 6 is not read as M or 4. So when a
 * crop's reads give two plates that differ only there, the reads of the {@code H}/{@code N}/{@code 6} plate are
 * evidence for the {@code M}/{@code 4} plate too: its votes are credited to it (docs/anpr.md, branch vnglyph).
 *
 * <p>Measured on the crops that reach the four-read vote, where two reads' plates differ at one place: M against H
 * or N, the label said M in 18 of 18; 4 against 6, the label said 4 in 81 of 82 (vn-one-row and vn-mixed-silver); 1
 * against 7, 5 against 8 and A against K away from the plate's last place ({@link #INNER_PAIRS}): 1 in 39 of 41, 5 in
 * 36 of 36, A in 8 of 8.
 */
final class OneWayConfusion {
    /** Pairs of (the plate's character, what Tesseract reads it as). */
    static final List<String> PAIRS = List.of("MH", "MN", "46");

    /**
     * Pairs that are one-way only inside a plate: a {@code 1} read as {@code 7} (label {@code 1} in 39 of 41 such
     * splits away from the last place on the two sets), but not at the plate's last place, where a {@code 7} whose
     * bar the crop's edge cut reads as {@code 1} (label {@code 1} in 12 of 18 there: docs/anpr.md, branch vnone); a
     * {@code 5} read as {@code 8} (label {@code 5} in 36 of 36 inside) and an {@code A} read as {@code K} (8 of 8),
     * not measured at the last place.
     */
    static final List<String> INNER_PAIRS = List.of("17", "58", "AK");

    private OneWayConfusion() {}

    /**
     * For each text of {@code votes}, the votes of the other texts that are it with one of its characters read the
     * one-way wrong way ({@link #PAIRS}); texts without such siblings are absent.
     */
    static Map<String, Double> credit(Map<String, Double> votes) {
        return credit(votes, true);
    }

    /**
     * {@link #credit(Map)} of texts that end the plate ({@code endsPlate}: a whole plate, a bottom row) or not (a
     * two-row plate's top row, whose last place is {@link #INNER_PAIRS inside} the plate).
     */
    static Map<String, Double> credit(Map<String, Double> votes, boolean endsPlate) {
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<String, Double> plate : votes.entrySet()) {
            for (Map.Entry<String, Double> other : votes.entrySet()) {
                if (misreadOf(plate.getKey(), other.getKey(), endsPlate)) {
                    out.merge(plate.getKey(), other.getValue(), Double::sum);
                }
            }
        }
        return out;
    }

    /**
     * Whether the first two reads' agreement on a military plate should not end the read: a series letter {@code H} or
     * {@code N} where {@code M} also gives a valid plate may be both reads fading the same {@code M}, and the other two
     * reads (the cleaned one often keeps its inner strokes) can then outvote them through {@link #credit}. Military
     * plates are about 3 % of vn-one-row, so the extra reads stay off the median.
     */
    static boolean mayBeM(CropRead read) {
        if (!read.found() || read.twoRows() || read.match().kind() != PlateKind.VN_MILITARY) {
            return false;
        }
        String text = read.text();
        for (int k = 0; k < Math.min(2, text.length()); k++) {
            char c = text.charAt(k);
            if ((c == 'H' || c == 'N')
                    && PlateParser.tryParse(text.substring(0, k) + 'M' + text.substring(k + 1))
                            .isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code read} is {@code plate} with exactly one character read the one-way wrong way. */
    static boolean misreadOf(String plate, String read) {
        return misreadOf(plate, read, true);
    }

    /** {@link #misreadOf(String, String)} where {@code plate} may not end the plate ({@link #credit(Map, boolean)}). */
    static boolean misreadOf(String plate, String read, boolean endsPlate) {
        if (plate.length() != read.length()) {
            return false;
        }
        int place = -1;
        for (int k = 0; k < plate.length(); k++) {
            if (plate.charAt(k) != read.charAt(k)) {
                if (place >= 0) {
                    return false;
                }
                place = k;
            }
        }
        if (place < 0) {
            return false;
        }
        String pair = "" + plate.charAt(place) + read.charAt(place);
        return PAIRS.contains(pair) || INNER_PAIRS.contains(pair) && !(endsPlate && place == plate.length() - 1);
    }
}
